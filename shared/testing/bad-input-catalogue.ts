import * as Y from 'yjs';
import { isDomainError } from '../core/errors';
import { declareIncident, setLifecycleTimestamp, setTitle } from '../domain/incident/incident-ops';
import { addEntry } from '../domain/timeline/timeline-ops';
import { checkImportFile, MAX_IMPORT_BYTES } from '../export/import-file';
import { incidentToJson } from '../export/json';
import { parseInvite } from '../sync/invite';
import { createShareSecret, deriveShareKeys } from '../sync/share-keys';
import { encodeUtf8 } from 'lib0/string';
import { toBase64Url } from '../sync/base64url';
import { SCHEMA_VERSION, metaOf } from '../schema/incident-doc';
import { MINUTE, T0, captureState, newDoc, testContext } from './fixtures';
import { richIncident } from './incident-fixture';

/*
 * R4: bad input, case by case. Each case runs the real code path (the import
 * check, the invite parser, the operations) and reports the message a person
 * gets and whether anything changed. The test holds every message to its
 * expectation and to the rules for messages (sentences, no raw ISO times, no
 * internals); the README lists them, generated from this file.
 */

export interface Outcome {
  /** What the person is told; '' when the input is accepted. */
  message: string;
  /** Nothing on this device changed (no document, no incident created). */
  unchanged: boolean;
}

export interface BadInputCase {
  area: 'Import' | 'Invite code' | 'Text' | 'Times';
  what: string;
  expect: RegExp;
  run: () => Outcome;
}

const enc = (s: string) => new TextEncoder().encode(s);
const good = () => JSON.parse(incidentToJson(richIncident(), T0)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = (v: unknown) => enc(typeof v === 'string' ? v : JSON.stringify(v));

/** An import check: it never touches a document, so nothing can change. */
const importing = (bytes: Uint8Array, name: string): Outcome => {
  const r = checkImportFile(bytes, name);
  return { message: r.ok ? '' : r.message, unchanged: true };
};
const withFile = (name: string, edit: (g: Record<string, any>) => unknown) => () => importing(json(edit(good())), name); // eslint-disable-line @typescript-eslint/no-explicit-any

/** An operation on a declared incident: the message, and whether the document stayed byte for byte the same. */
const operating = (op: (doc: Y.Doc, t: ReturnType<typeof testContext>) => unknown): Outcome => {
  const doc = newDoc('catalogue');
  const t = testContext();
  declareIncident(doc, t.ctx, { title: 'Catalogue', severity: 'SEV2', startedAt: T0 - 10 * MINUTE });
  const before = captureState(doc);
  let message = '';
  try {
    op(doc, t);
  } catch (e) {
    message = isDomainError(e) ? e.message : `not a DomainError: ${String(e)}`;
  }
  const after = captureState(doc);
  return { message, unchanged: JSON.stringify(Array.from(after.update)) === JSON.stringify(Array.from(before.update)) };
};

const inviting = (code: string): Outcome => {
  try {
    parseInvite(code);
    return { message: '', unchanged: true };
  } catch (e) {
    return { message: isDomainError(e) ? e.message : String(e), unchanged: true };
  }
};
const keys = deriveShareKeys(createShareSecret());
const body = (over: Record<string, unknown> = {}) => ({ v: 1, i: 'inc-1', r: keys.room, p: keys.password, s: ['ws://10.0.0.5:4444'], t: 'DNS down', ...over });
const code = (b: unknown) => `warroom1.${toBase64Url(encodeUtf8(JSON.stringify(b)))}`;

const yjsOf = (fill: (doc: Y.Doc) => void) => {
  const doc = new Y.Doc();
  fill(doc);
  return Y.encodeStateAsUpdate(doc);
};

export const BAD_INPUT: BadInputCase[] = [
  // Import
  { area: 'Import', what: 'an empty file', expect: /^The file is empty\.$/, run: () => importing(new Uint8Array(), 'x.json') },
  { area: 'Import', what: 'a truncated export', expect: /not valid JSON\. It may be truncated or damaged/, run: () => importing(enc(incidentToJson(richIncident(), T0).slice(0, 300)), 'x.json') },
  { area: 'Import', what: 'text that is not JSON', expect: /not valid JSON/, run: () => importing(enc('just some notes'), 'notes.json') },
  { area: 'Import', what: 'another app’s JSON', expect: /JSON but not a Warroom incident export/, run: () => importing(json({ issues: [1, 2] }), 'x.json') },
  { area: 'Import', what: 'a missing timeline', expect: /the timeline: is missing/, run: withFile('x.json', (g) => (delete g.incident.timeline, g)) },
  { area: 'Import', what: 'format version 0', expect: /does not say which format version/, run: withFile('x.json', (g) => ({ ...g, schemaVersion: 0 })) },
  { area: 'Import', what: 'a future format version', expect: /newer Warroom \(format version 9\)/, run: withFile('x.json', (g) => ({ ...g, schemaVersion: 9 })) },
  { area: 'Import', what: 'the format version as text', expect: /does not say which format version/, run: withFile('x.json', (g) => ({ ...g, schemaVersion: '2' })) },
  { area: 'Import', what: 'a time that is null (NaN in JSON)', expect: /the timeline, entry 1, time it happened: must be a time/, run: withFile('x.json', (g) => ((g.incident.timeline[0].occurredAt = null), g)) },
  { area: 'Import', what: 'a time in the year 99999', expect: /the timeline, entry 1, time it happened: is after the year 2200/, run: withFile('x.json', (g) => ((g.incident.timeline[0].occurredAt = Date.UTC(99999, 0, 1)), g)) },
  { area: 'Import', what: 'a lifecycle time of 9e15', expect: /declared: is after the year 2200/, run: withFile('x.json', (g) => ((g.incident.meta.lifecycle.declared = 9e15), g)) },
  { area: 'Import', what: 'a lifecycle out of time order', expect: /Acknowledged \(.+ UTC\) cannot be later than mitigated/, run: withFile('x.json', (g) => ((g.incident.meta.lifecycle.acknowledged = g.incident.meta.lifecycle.declared + 60 * MINUTE), (g.incident.meta.lifecycle.mitigated = g.incident.meta.lifecycle.declared + MINUTE), g)) },
  { area: 'Import', what: 'a timeline entry listed twice', expect: /lists the timeline entry “.+” twice/, run: withFile('x.json', (g) => (g.incident.timeline.push(g.incident.timeline[0]), g)) },
  { area: 'Import', what: 'a `__proto__` key', expect: /the incident details: has a key Warroom does not write \(“__proto__”\)/, run: () => importing(enc(incidentToJson(richIncident(), T0).replace('"title":', '"__proto__": {"polluted": true}, "title":')), 'x.json') },
  { area: 'Import', what: 'a `constructor` key', expect: /the incident details: has a key Warroom does not write \(“constructor”\)/, run: withFile('x.json', (g) => ((g.incident.meta.constructor = { prototype: {} }), g)) },
  { area: 'Import', what: 'a `javascript:` link in the postmortem', expect: /the postmortem, block \d+, block 1, mark 1: a link needs a safe href/, run: withFile('x.json', (g) => (g.incident.postmortem.content.push({ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }), g)) },
  { area: 'Import', what: 'text at the top of the postmortem', expect: /the document holds a text where only blocks belong, which the editor cannot show/, run: withFile('x.json', (g) => (g.incident.postmortem.content.push({ type: 'text', text: 'loose' }), g)) },
  { area: 'Import', what: 'a list item outside a list', expect: /holds a listItem where only blocks belong/, run: withFile('x.json', (g) => (g.incident.postmortem.content.push({ type: 'listItem', content: [{ type: 'paragraph' }] }), g)) },
  { area: 'Import', what: 'a 1,000,000-character title', expect: /the incident details, title: is longer than 200 characters/, run: withFile('x.json', (g) => ((g.incident.meta.title = 'x'.repeat(1_000_000)), g)) },
  { area: 'Import', what: 'a blank entry', expect: /the timeline, entry 1, text: is empty/, run: withFile('x.json', (g) => ((g.incident.timeline[0].text = ' \u200B '), g)) },
  { area: 'Import', what: 'random bytes named .yjs', expect: /not a Yjs update, or it is damaged|holds no Warroom incident|incomplete/, run: () => importing(new Uint8Array(64).map((_, i) => (i * 97 + 13) % 256), 'x.yjs') },
  { area: 'Import', what: 'half a Yjs file', expect: /damaged|incomplete/, run: () => importing(Y.encodeStateAsUpdate(richIncident()).slice(0, 400), 'x.yjs') },
  { area: 'Import', what: 'a Yjs update of another document', expect: /holds no Warroom incident/, run: () => importing(yjsOf((d) => d.getMap('settings').set('a', 1)), 'x.yjs') },
  { area: 'Import', what: 'a Yjs file of layout version 2', expect: /newer Warroom \(layout version 2\); this version reads layout version 1/, run: () => importing(yjsOf((d) => { Y.applyUpdate(d, Y.encodeStateAsUpdate(richIncident())); metaOf(d).set('schemaVersion', SCHEMA_VERSION + 1); }), 'x.yjs') }, // prettier-ignore
  { area: 'Import', what: 'a JSON export renamed .yjs', expect: /not a Yjs update, or it is damaged|holds no Warroom incident/, run: () => importing(enc(incidentToJson(richIncident(), T0)), 'x.yjs') },
  { area: 'Import', what: 'a Yjs file renamed .json', expect: /not UTF-8 text|not valid JSON/, run: () => importing(Y.encodeStateAsUpdate(richIncident()), 'x.json') },
  { area: 'Import', what: 'a file over 50 MB', expect: /larger than 50 MB/, run: () => importing(new Uint8Array(MAX_IMPORT_BYTES + 1), 'x.json') },
  // Invite codes
  { area: 'Invite code', what: 'empty', expect: /^Invalid invite code: it is empty\.$/, run: () => inviting('') },
  { area: 'Invite code', what: 'whitespace only', expect: /it is empty/, run: () => inviting(' \n\t ') },
  { area: 'Invite code', what: 'truncated', expect: /incomplete or damaged/, run: () => inviting(code(body()).slice(0, 40)) },
  { area: 'Invite code', what: 'the wrong prefix', expect: /does not start with "warroom1\."/, run: () => inviting(code(body()).replace('warroom1.', 'room1.')) },
  { area: 'Invite code', what: 'another version', expect: /different version of Warroom \(format 2/, run: () => inviting(code(body()).replace('warroom1.', 'warroom2.')) },
  { area: 'Invite code', what: 'bad JSON inside', expect: /incomplete or damaged/, run: () => inviting(`warroom1.${toBase64Url(encodeUtf8('{"v":1,'))}`) },
  { area: 'Invite code', what: 'a `javascript:` server', expect: /signaling server must be a ws:\/\/ or wss:\/\/ address/, run: () => inviting(code(body({ s: ['javascript:alert(1)'] }))) },
  { area: 'Invite code', what: 'an `http:` server', expect: /signaling server must be a ws:\/\/ or wss:\/\/ address/, run: () => inviting(code(body({ s: ['http://10.0.0.5:4444'] }))) },
  { area: 'Invite code', what: '1,000 servers', expect: /at most 8 signaling servers|far too long/, run: () => inviting(code(body({ s: Array.from({ length: 1000 }, (_, i) => `ws://10.0.0.${i % 250}:4444`) }))) },
  { area: 'Invite code', what: 'a 1 MB code', expect: /far too long to be an invite/, run: () => inviting(`warroom1.${'A'.repeat(1_000_000)}`) },
  // Text
  { area: 'Text', what: 'a 1 MB entry', expect: /^Timeline entry: the text is longer than 20000 characters\.$/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: 'x'.repeat(1_000_000) })) },
  { area: 'Text', what: 'a 100,000-character title', expect: /^Title is longer than 200 characters\.$/, run: () => operating((doc, t) => setTitle(doc, t.ctx, 'x'.repeat(100_000))) },
  { area: 'Text', what: 'a whitespace-only entry', expect: /^Timeline entry: the text is empty\.$/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: '  \t ' })) },
  { area: 'Text', what: 'a whitespace-only title', expect: /^Title is empty\.$/, run: () => operating((doc, t) => setTitle(doc, t.ctx, '   ')) },
  { area: 'Text', what: 'a title of zero-width characters', expect: /^Title is empty\.$/, run: () => operating((doc, t) => setTitle(doc, t.ctx, '\u200B\u200D\uFEFF')) },
  { area: 'Text', what: 'a title of bidirectional overrides alone', expect: /^Title is empty\.$/, run: () => operating((doc, t) => setTitle(doc, t.ctx, '\u202E\u202D')) },
  { area: 'Text', what: 'a lone surrogate in an entry', expect: /contains a broken character/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: `cut \uD83D here` })) },
  // Times
  { area: 'Times', what: 'an entry in the year 2300', expect: /^Timeline entry: the time it happened is after the year 2200\.$/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: 'x', occurredAt: Date.UTC(2300, 0, 1) })) },
  { area: 'Times', what: 'an entry in 1999', expect: /^Timeline entry: the time it happened is before the year 2000\.$/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: 'x', occurredAt: Date.UTC(1999, 11, 31) })) },
  { area: 'Times', what: 'a time that is not a number', expect: /^Timeline entry: the time it happened must be a time\.$/, run: () => operating((doc, t) => addEntry(doc, t.ctx, { kind: 'note', text: 'x', occurredAt: Number.NaN })) },
  { area: 'Times', what: 'a lifecycle time out of order', expect: /^Impact started \(1 Jan 2024, 00:30 UTC\) cannot be later than declared \(1 Jan 2024, 00:00 UTC\)/, run: () => operating((doc, t) => setLifecycleTimestamp(doc, t.ctx, 'started', T0 + 30 * MINUTE)) },
];

/** Messages are for people: a sentence, no raw ISO time, no internals. */
export const messageProblems = (message: string): string[] => {
  const problems: string[] = [];
  if (!/^[A-Z“"]/.test(message)) problems.push('does not start like a sentence');
  if (!/[.)]$/.test(message)) problems.push('does not end like a sentence');
  if (/\d{4}-\d{2}-\d{2}T\d{2}:/.test(message)) problems.push('has a raw ISO time');
  if (/\bundefined\b|\bNaN\b|ZodError|TypeError|\[object/.test(message)) problems.push('shows internals');
  if (/(\b\w+\b) \1\b/.test(message.replace(/\d+/g, ''))) problems.push('repeats a word');
  return problems;
};

export const CATALOGUE_START = '<!-- bad-input:start (generated by npm run docs:format from shared/testing/bad-input-catalogue.ts; do not edit by hand) -->';
export const CATALOGUE_END = '<!-- bad-input:end -->';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README table: every case with the message it gets. */
export const catalogueDoc = (): string =>
  [
    CATALOGUE_START,
    '',
    `${BAD_INPUT.length} cases, each run by \`shared/bad-input.test.ts\` against the real code (the import check, the invite parser, the operations): the message is the one a person gets, and nothing changes on the device.`,
    '',
    '| area | input | message |',
    '| --- | --- | --- |',
    ...BAD_INPUT.map((c) => `| ${c.area} | ${cell(c.what)} | ${cell(c.run().message)} |`),
    '',
    CATALOGUE_END,
  ].join('\n');
