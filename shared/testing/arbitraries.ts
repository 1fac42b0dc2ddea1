import fc from 'fast-check';
import type { IncidentSnapshot, RecordName } from '../schema/records';
import { SINGLE_ROLES } from '../schema/records/roles';
import { keysAfter } from '../schema/records/fractional-key';
import { MAX_TIME, MIN_TIME } from '../schema/records/fields';
import {
  ACTION_PRIORITIES,
  ACTION_STATUSES,
  ACTION_TYPES,
  ENTRY_KINDS,
  LIFECYCLE_MILESTONES,
  SEVERITIES,
  STATUSES,
  STEP_STATES,
  type Actor,
  type Lifecycle,
} from '../schema/types';
import type { PmDoc, PmNode } from '../postmortem/pm-json';

/*
 * Random incidents for property tests: one arbitrary per record type, keyed by
 * RecordName, so a new record type does not compile here until it has one.
 * Every field of every record is generated, optional ones present and absent.
 * Test-only (fast-check is a dev dependency); nothing outside tests imports it.
 */

export interface TextStyle {
  /** Text of one line: "plain" stays the same through Markdown escaping, "any" is every Unicode string. */
  line: fc.Arbitrary<string>;
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Words of letters and digits, never blank: comes through Markdown unchanged, so its presence can be checked. */
export const PLAIN: TextStyle = {
  line: fc
    .array(fc.string({ unit: fc.constantFrom(...ALNUM.split('')), minLength: 3, maxLength: 8 }), { minLength: 1, maxLength: 4 })
    .map((w) => w.join(' ')),
};
/** Anything a person or a peer could type: Unicode, markup, pipes and every kind of line break; never blank. */
export const ANY: TextStyle = {
  line: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.constantFrom('a | b', '<script>x</script>', 'x\r\ny', 'line\u2028two', '# not a heading', '`code`')).filter((s) => s.trim() !== ''),
};

const time = fc.integer({ min: MIN_TIME, max: MAX_TIME });
const id = fc.string({ unit: fc.constantFrom(...`${ALNUM}-_`.split('')), minLength: 4, maxLength: 16 });
const actor = (t: TextStyle): fc.Arbitrary<Actor> => fc.record({ name: t.line.map((s) => s.slice(0, 80)).filter((s) => s.trim() !== ''), deviceId: id });
const b64 = (length: number) => fc.string({ unit: fc.constantFrom(...`${ALNUM}-_`.split('')), minLength: length, maxLength: length });
const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: 64, maxLength: 64 });
const ymd = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2199, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const lifecycle: fc.Arbitrary<Lifecycle> = fc
  .tuple(fc.uniqueArray(time, { minLength: LIFECYCLE_MILESTONES.length, maxLength: LIFECYCLE_MILESTONES.length }), fc.array(fc.boolean(), { minLength: LIFECYCLE_MILESTONES.length, maxLength: LIFECYCLE_MILESTONES.length }))
  .map(([times, present]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const out: Lifecycle = {};
    LIFECYCLE_MILESTONES.forEach((m, i) => {
      // Declared is always there (an incident is declared); the others may be missing.
      if (present[i] || m === 'declared') out[m] = sorted[i]!;
    });
    return out;
  });

const retraction = (t: TextStyle) => fc.record({ at: time, by: actor(t), reason: fc.oneof(fc.constant(''), t.line) });

const pmText = (t: TextStyle): fc.Arbitrary<PmNode> =>
  fc.record({ text: t.line, mark: fc.option(fc.constantFrom('bold', 'italic', 'code'), { nil: null }) }).map(({ text, mark }): PmNode => (mark ? { type: 'text', text, marks: [{ type: mark }] } : { type: 'text', text }));

const pmDoc = (t: TextStyle): fc.Arbitrary<PmDoc> =>
  fc
    .array(
      fc.oneof(
        fc.record({ type: fc.constant('paragraph'), content: fc.array(pmText(t), { minLength: 1, maxLength: 3 }) }),
        fc.record({ type: fc.constant('heading'), attrs: fc.record({ level: fc.integer({ min: 1, max: 3 }) }), content: fc.array(pmText(t), { minLength: 1, maxLength: 1 }) }),
        fc.record({
          type: fc.constant('bulletList'),
          content: fc.array(fc.record({ type: fc.constant('listItem'), content: fc.tuple(fc.record({ type: fc.constant('paragraph'), content: fc.array(pmText(t), { minLength: 1, maxLength: 2 }) })) }), { minLength: 1, maxLength: 3 }),
        }),
      ),
      { maxLength: 4 },
    )
    .map((content) => ({ type: 'doc', content: (content as PmNode[]).map(mergeTexts) }));

const sameMarks = (a: PmNode, b: PmNode) => JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);

/** Adjacent text runs with the same marks are one run, in ProseMirror and in Yjs alike: generate them merged. */
const mergeTexts = (node: PmNode): PmNode => {
  if (!node.content) return node;
  const out: PmNode[] = [];
  for (const child of node.content.map(mergeTexts)) {
    const last = out.at(-1);
    if (last && last.type === 'text' && child.type === 'text' && sameMarks(last, child)) out[out.length - 1] = { ...last, text: `${last.text}${child.text}` };
    else out.push(child);
  }
  return { ...node, content: out };
};

/** The arbitraries, one per record type: a new record type fails to compile here until it has one. */
export const recordArbitraries = (t: TextStyle): { [K in RecordName]: fc.Arbitrary<IncidentSnapshot[K]> } => ({
  meta: fc.record({
    id,
    title: t.line.map((s) => s.slice(0, 200)).filter((s) => s.trim() !== ''),
    severity: fc.constantFrom(...SEVERITIES),
    status: fc.constantFrom(...STATUSES),
    drill: fc.boolean(),
    summary: fc.oneof(fc.constant(''), t.line),
    impact: fc.oneof(fc.constant(''), t.line),
    lifecycle,
    createdBy: actor(t),
  }),
  roles: fc.subarray([...SINGLE_ROLES]).chain((roles) => fc.tuple(...roles.map((role) => fc.record({ role: fc.constant(role), holder: actor(t), assignedAt: time, assignedBy: actor(t) })))),
  experts: fc.uniqueArray(fc.record({ holder: actor(t), area: fc.oneof(fc.constant(''), t.line.map((s) => s.slice(0, 80))), assignedAt: time, assignedBy: actor(t) }), { maxLength: 3, selector: (e) => e.holder.deviceId }),
  timeline: fc.uniqueArray(
    fc.record({
      id,
      kind: fc.constantFrom(...ENTRY_KINDS),
      text: t.line,
      author: actor(t),
      occurredAt: time,
      recordedAt: time,
      clock: fc.nat({ max: 1_000_000 }),
      pinned: fc.boolean(),
      retracted: fc.option(retraction(t), { nil: null }),
      edits: fc.array(
        fc.record({ text: t.line, occurredAt: time, editedAt: time, editedBy: actor(t), lifted: fc.option(retraction(t), { nil: undefined }) }).map((e) => {
          if (e.lifted === undefined) delete (e as { lifted?: unknown }).lifted;
          return e;
        }),
        { maxLength: 2 },
      ),
    }),
    { maxLength: 8, selector: (e) => e.id },
  ),
  runbook: fc
    .uniqueArray(
      fc.record({
        id,
        title: t.line.map((s) => s.slice(0, 200)).filter((s) => s.trim() !== ''),
        detail: fc.oneof(fc.constant(''), t.line),
        assignee: fc.option(t.line.map((s) => s.slice(0, 80)).filter((s) => s.trim() !== ''), { nil: null }),
        state: fc.constantFrom(...STEP_STATES),
        skipReason: fc.option(t.line, { nil: null }),
        doneBy: fc.option(actor(t), { nil: null }),
        doneAt: fc.option(time, { nil: null }),
        risky: fc.option(fc.constant(true as const), { nil: undefined }),
        rollback: fc.option(t.line, { nil: undefined }),
        removed: fc.option(fc.record({ by: actor(t), at: time, reason: t.line }), { nil: undefined }),
      }),
      { maxLength: 5, selector: (s) => s.id },
    )
    // In display order, each with its order key (steps are shown sorted by it).
    .map((steps) => {
      const keys = keysAfter(null, steps.length);
      return steps.map((s, i) => {
        const step = { ...s, order: keys[i]! };
        if (step.risky === undefined) delete (step as { risky?: unknown }).risky;
        if (step.rollback === undefined) delete (step as { rollback?: unknown }).rollback;
        if (step.removed === undefined) delete (step as { removed?: unknown }).removed;
        return step;
      });
    }),
  actions: fc.uniqueArray(
    fc.record({
      id,
      title: t.line.map((s) => s.slice(0, 200)).filter((s) => s.trim() !== ''),
      owner: t.line.map((s) => s.slice(0, 80)),
      due: ymd,
      priority: fc.constantFrom(...ACTION_PRIORITIES),
      type: fc.constantFrom(...ACTION_TYPES),
      status: fc.constantFrom(...ACTION_STATUSES),
      createdAt: time,
      createdBy: actor(t),
    }),
    { maxLength: 4, selector: (a) => a.id },
  ),
  updates: fc.uniqueArray(fc.record({ id, status: fc.constantFrom(...STATUSES), text: t.line, postedAt: time, postedBy: actor(t) }), { maxLength: 3, selector: (u) => u.id }),
  postmortem: pmDoc(t),
  // Shaped like signed statements (their signatures are not real: shared/evidence/verify.test.ts signs for real).
  evidence: fc.array(
    fc.record({
      device: b64(43),
      deviceId: id,
      seq: fc.integer({ min: 1, max: 1000 }),
      kind: fc.constantFrom('entry' as const, 'edit' as const, 'retract' as const),
      entryId: id,
      hash: hex64,
      result: fc.option(hex64, { nil: null }),
      prev: fc.option(hex64, { nil: null }),
      at: time,
      sig: b64(86),
    }),
    { maxLength: 3 },
  ),
  periods: fc.uniqueArray(
    fc.record({
      id,
      goal: t.line,
      startedAt: time,
      startedBy: actor(t),
      plannedEndAt: time,
      endedAt: fc.option(time, { nil: null }),
      endedBy: fc.option(actor(t), { nil: null }),
      brief: fc.option(t.line, { nil: null }),
      acknowledgedAt: fc.option(time, { nil: null }),
      acknowledgedBy: fc.option(actor(t), { nil: null }),
    }),
    { maxLength: 3, selector: (p) => p.id },
  ),
});

/** A whole random incident, every record type generated by its arbitrary. */
export const incidentArbitrary = (t: TextStyle = ANY): fc.Arbitrary<IncidentSnapshot> => fc.record(recordArbitraries(t)) as fc.Arbitrary<IncidentSnapshot>;
