import { parseInvite } from '@shared/sync/invite';

export type InvitePreview = { ok: true; title: string; hosts: string[]; relays: string[] } | { ok: false; error: string } | { ok: null };

/** What the confirmation shows about a code before anyone joins: the title and where peers meet, or why it is refused. */
export const describeInvite = (code: string): InvitePreview => {
  if (code.trim() === '') return { ok: null };
  try {
    const invite = parseInvite(code);
    const host = (url: string) => url.replace(/^wss?:\/\//, '').replace(/\/.*$/, '');
    return { ok: true, title: invite.title, hosts: invite.signaling.map(host), relays: invite.relays.map(host) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
};
