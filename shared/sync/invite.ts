import { z } from 'zod';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { DomainError } from '../core/errors';
import { MAX_TITLE } from '../schema/validation';
import { fromBase64Url, toBase64Url } from './base64url';
import { PASSWORD_PATTERN, ROOM_PATTERN } from './share-keys';
import { isWebSocketUrl } from './ws-url';

/**
 * Invite codes: `warroom1.<base64url of UTF-8 JSON>` (see README, "Invite codes").
 * The version is in the prefix and in the body; a code from a later version is
 * refused with a message saying so rather than half understood.
 */
export const INVITE_VERSION = 1;
const PREFIX = `warroom${INVITE_VERSION}.`;
/** Far above any real invite (a few hundred bytes), low enough to refuse a pasted novel. */
export const MAX_INVITE_LENGTH = 8192;
export const MAX_SIGNALING_URLS = 8;
export const MAX_RELAY_URLS = 8;

export interface Invite {
  version: typeof INVITE_VERSION;
  incidentId: string;
  room: string;
  password: string;
  /** ws:// or wss:// y-webrtc signaling servers; may be empty when a relay is given. */
  signaling: string[];
  /**
   * ws:// or wss:// relay nodes (Hocuspocus), in the order to try; empty for
   * none. Several nodes of one relay cluster let a client move to another when
   * the one it uses goes down.
   */
  relays: string[];
  /** For the joiner's screen until the incident itself has synced. */
  title: string;
}

const wsUrl = (what: string) =>
  z.string({ error: `${what} must be text` }).refine(isWebSocketUrl, `${what} must be a ws:// or wss:// address`);

/** The JSON body. Short keys keep the code short enough to read out or put in a QR code. */
const bodySchema = z
  .object({
    v: z.literal(INVITE_VERSION, { error: 'unsupported version' }),
    i: z.string({ error: 'incident id missing' }).regex(/^[A-Za-z0-9_-]{1,128}$/, 'incident id is malformed'),
    r: z.string({ error: 'room missing' }).regex(ROOM_PATTERN, 'room is malformed'),
    p: z.string({ error: 'password missing' }).regex(PASSWORD_PATTERN, 'password is malformed'),
    s: z.array(wsUrl('signaling server')).max(MAX_SIGNALING_URLS, `at most ${MAX_SIGNALING_URLS} signaling servers`),
    // One URL (every code made before several were allowed) or a list of them.
    x: z
      .preprocess(
        (x) => (typeof x === 'string' ? [x] : x),
        z
          .array(wsUrl('relay'), { error: 'relay must be a ws:// or wss:// address, or a list of them' })
          .min(1, 'the list of relays is empty')
          .max(MAX_RELAY_URLS, `at most ${MAX_RELAY_URLS} relays`),
      )
      .optional(),
    t: z.string({ error: 'title must be text' }).max(MAX_TITLE, 'title is too long').default(''),
  })
  .refine((b) => b.s.length > 0 || b.x !== undefined, 'it names no signaling server and no relay');

type Body = z.input<typeof bodySchema>;

const invalid = (message: string): DomainError => new DomainError('invalid_input', `Invalid invite code: ${message}.`);

export const encodeInvite = (invite: Omit<Invite, 'version'>): string => {
  const relays = [...new Set(invite.relays)];
  const body: Body = {
    v: INVITE_VERSION,
    i: invite.incidentId,
    r: invite.room,
    p: invite.password,
    s: invite.signaling,
    // A single relay stays a string, so a code with one relay reads in every version of the app.
    ...(relays.length === 1 ? { x: relays[0] } : relays.length > 1 ? { x: relays } : {}),
    t: invite.title,
  };
  // Validate what we hand out, so a bad setting fails here and not on the other laptop.
  const checked = bodySchema.safeParse(body);
  if (!checked.success) throw invalid(checked.error.issues[0]?.message ?? 'cannot be built');
  return PREFIX + toBase64Url(encodeUtf8(JSON.stringify(body)));
};

/** Parse a pasted invite. Whitespace (line wraps from chat clients) is ignored. */
export const parseInvite = (text: string): Invite => {
  const code = String(text).replace(/\s+/g, '');
  if (code === '') throw invalid('it is empty');
  if (code.length > MAX_INVITE_LENGTH) throw invalid('it is far too long to be an invite');
  const prefix = /^warroom(\d+)\./.exec(code);
  if (!prefix) throw invalid('it does not start with "warroom1." — copy the whole code');
  if (Number(prefix[1]) !== INVITE_VERSION) {
    throw invalid(`it was made by a different version of Warroom (format ${prefix[1]}; this one reads format ${INVITE_VERSION})`);
  }
  const bytes = fromBase64Url(code.slice(prefix[0].length));
  if (!bytes || bytes.length === 0) throw invalid('it contains characters that do not belong in a code — copy it again');
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(bytes));
  } catch {
    throw invalid('it is incomplete or damaged — copy the whole code');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('it is damaged');
  if ('v' in json && json.v !== INVITE_VERSION) {
    throw invalid(`it was made by a different version of Warroom (format ${String(json.v)})`);
  }
  const parsed = bodySchema.safeParse(json);
  if (!parsed.success) {
    throw invalid(parsed.error.issues[0]?.message ?? 'it is damaged');
  }
  const b = parsed.data;
  return { version: INVITE_VERSION, incidentId: b.i, room: b.r, password: b.p, signaling: b.s, relays: [...new Set(b.x ?? [])], title: b.t };
};
