import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { declareIncident, setSeverity, setStatus } from './incident/incident-ops';
import { addEntry, editEntry, retractEntry, setPinned } from './timeline/timeline-ops';
import { assignRole, releaseRole } from './roles/role-ops';
import { addStep, checkStep, skipStep, uncheckStep } from './runbook/runbook-ops';
import { addActionItem, updateActionItem } from './actions/action-ops';
import { addExpert, handOffExpert, removeExpert } from './roles/expert-ops';
import { moveStep } from './runbook/runbook-order-ops';
import { removeStep, restoreStep } from './runbook/runbook-removal-ops';
import { assignStep } from './runbook/runbook-ops';
import { postUpdate } from './updates/update-ops';
import { setDrill, setTitle } from './incident/incident-ops';
import { UndoJournal } from './undo/journal';
import { appendJsonToFragment } from '../postmortem/fragment-json';
import { paragraph } from '../postmortem/pm-json';
import { postmortemOf, updatesOf } from '../schema/incident-doc';
import { readActions, readExperts } from '../schema/read-model';
import { isDomainError } from '../core/errors';
import { LOCAL_ORIGIN, REDO_ORIGIN, REMOTE_ORIGIN, UNDO_ORIGIN } from '../core/origins';
import { actionsOf, runbookOf, timelineOf } from '../schema/incident-doc';
import { readIncident, readRunbook, readTimeline } from '../schema/read-model';
import { AUTHORED_ENTRY_KINDS, ROLES, SEVERITIES, STATUSES } from '../schema/types';
import { newSigningKey, signerOf } from '../evidence/signer';
import { verifyTimeline } from '../evidence/verify';
import { MINUTE, T0, docJson, newDoc, testContext, type TestContext } from '../testing/fixtures';

/** 100 runs in npm test; `npm run test:fuzz` sets FUZZ_RUNS=10000 (FUZZ_SEED replays one run). */
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const FUZZ_RUNS = Number(env.FUZZ_RUNS ?? 100);

/*
 * Peers edit one incident concurrently, then exchange their updates in any
 * order, with duplicates. Every peer must end with the same document, and
 * nothing any peer created may be lost.
 */

const text = fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 10 }) }, { weight: 1, arbitrary: fc.constantFrom('', '  ') });
const pick = fc.nat({ max: 1000 });

const opArb = fc.oneof(
  { weight: 6, arbitrary: fc.record({ t: fc.constant('add' as const), kind: fc.constantFrom(...AUTHORED_ENTRY_KINDS), text, pinned: fc.boolean(), backdate: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('edit' as const), pick, text: fc.option(text, { nil: undefined }), shift: fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('pin' as const), pick, flag: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('retract' as const), pick, reason: fc.string({ maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('missing' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('severity' as const), sev: fc.constantFrom(...SEVERITIES) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('status' as const), status: fc.constantFrom(...STATUSES), back: fc.option(fc.nat({ max: 90 }), { nil: undefined }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('role' as const), role: fc.constantFrom(...ROLES), who: fc.nat({ max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('release' as const), role: fc.constantFrom(...ROLES) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('addStep' as const), title: text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('check' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('uncheck' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('skip' as const), pick, reason: text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('action' as const), title: text, due: fc.constantFrom('2024-03-01', '2024-03-02', '2024-02-30', 'soon') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('pull' as const), from: fc.nat({ max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('expert' as const), who: fc.nat({ max: 4 }), area: fc.constantFrom('', 'Postgres', 'Kafka') }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('handOffExpert' as const), pick, who: fc.nat({ max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('removeExpert' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), pick, to: fc.nat({ max: 10 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('removeStep' as const), pick, reason: text }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('restoreStep' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('assignStep' as const), pick, who: fc.option(fc.nat({ max: 4 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('updateAction' as const), pick, status: fc.constantFrom('open', 'in_progress', 'done', 'wont_do' as const), priority: fc.constantFrom('P1', 'P2', 'P3' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('post' as const), status: fc.constantFrom(...STATUSES), text }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('postmortem' as const), text }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('title' as const), text }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('drill' as const), flag: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('undo' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('redo' as const) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

interface Peer {
  index: number;
  doc: Y.Doc;
  t: TestContext;
  /** Updates this peer produced itself, in order. */
  local: Uint8Array[];
  /** Origins of every update other than the ones delivered to it. */
  origins: unknown[];
  edits: number;
  refusals: number;
  journal: UndoJournal;
}

const people = ['Ada', 'Bob', 'Cy', 'Di', 'Ed'].map((name, i) => ({ name, deviceId: `dev-${i}` }));

/** A small deterministic PRNG (mulberry32) for the delivery order, seeded by fast-check. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
  return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
};

const at = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

const apply = (peer: Peer, op: Op, peers: Peer[]): void => {
  const { doc, t } = peer;
  const ctx = t.ctx;
  t.advance(1_000 + (op.t.length % 7) * 1_000);
  const entries = readTimeline(doc);
  const steps = readRunbook(doc);
  switch (op.t) {
    case 'add':
      addEntry(doc, ctx, { kind: op.kind, text: op.text, pinned: op.pinned, occurredAt: t.current() - op.backdate * 1_000 });
      return;
    case 'edit': {
      const e = at(entries, op.pick);
      if (!e) return;
      const before = e.edits.length;
      editEntry(doc, ctx, { id: e.id, text: op.text, occurredAt: op.shift === undefined ? undefined : e.occurredAt + op.shift * 1_000 });
      if (readTimeline(doc).find((x) => x.id === e.id)!.edits.length > before) peer.edits += 1;
      return;
    }
    case 'pin': {
      const e = at(entries, op.pick);
      if (e) setPinned(doc, ctx, e.id, op.flag);
      return;
    }
    case 'retract': {
      const e = at(entries, op.pick);
      if (e) retractEntry(doc, ctx, e.id, op.reason);
      return;
    }
    case 'missing':
      editEntry(doc, ctx, { id: `nope-${op.pick}`, text: 'x' });
      return;
    case 'severity':
      setSeverity(doc, ctx, op.sev);
      return;
    case 'status':
      // Sometimes back-dated, sometimes to before the incident was declared (refused).
      setStatus(doc, ctx, op.status, op.back === undefined ? undefined : t.current() - op.back * 1_000);
      return;
    case 'role':
      assignRole(doc, ctx, op.role, people[op.who]!);
      return;
    case 'release':
      releaseRole(doc, ctx, op.role);
      return;
    case 'addStep':
      addStep(doc, ctx, { title: op.title });
      return;
    case 'check':
    case 'uncheck':
    case 'skip': {
      const s = at(steps, op.pick);
      const id = s ? s.id : `nope-${op.pick}`;
      if (op.t === 'check') checkStep(doc, ctx, id);
      else if (op.t === 'uncheck') uncheckStep(doc, ctx, id);
      else skipStep(doc, ctx, id, op.reason);
      return;
    }
    case 'action':
      addActionItem(doc, ctx, { title: op.title, owner: 'Owner', due: op.due });
      return;
    case 'pull': {
      // Delayed, partial delivery: this peer hears from one other before the rest.
      const from = peers[op.from % peers.length]!;
      if (from !== peer) for (const u of from.local) Y.applyUpdate(doc, u, REMOTE_ORIGIN);
      return;
    }
    case 'expert':
      addExpert(doc, ctx, people[op.who]!, op.area);
      return;
    case 'handOffExpert': {
      const e = at(readExperts(doc), op.pick);
      if (e) handOffExpert(doc, ctx, e.holder.deviceId, people[op.who]!);
      return;
    }
    case 'removeExpert': {
      const e = at(readExperts(doc), op.pick);
      if (e) removeExpert(doc, ctx, e.holder.deviceId);
      return;
    }
    case 'move': {
      const s = at(steps, op.pick);
      if (s) moveStep(doc, ctx, s.id, op.to % Math.max(1, steps.length));
      return;
    }
    case 'removeStep':
    case 'restoreStep': {
      const s = at(steps, op.pick);
      if (!s) return;
      if (op.t === 'removeStep') removeStep(doc, ctx, s.id, op.reason);
      else restoreStep(doc, ctx, s.id);
      return;
    }
    case 'assignStep': {
      const s = at(steps, op.pick);
      if (s) assignStep(doc, ctx, s.id, op.who === null ? null : people[op.who]!.name);
      return;
    }
    case 'updateAction': {
      const a = at(readActions(doc), op.pick);
      if (a) updateActionItem(doc, ctx, a.id, { status: op.status, priority: op.priority });
      return;
    }
    case 'post':
      postUpdate(doc, ctx, { status: op.status, text: op.text });
      return;
    case 'postmortem':
      // Text typed into the postmortem (as the editor's binding would add a paragraph).
      if (op.text.trim()) doc.transact(() => appendJsonToFragment(postmortemOf(doc), { type: 'doc', content: [paragraph(op.text)] }), LOCAL_ORIGIN);
      return;
    case 'title':
      setTitle(doc, ctx, op.text);
      return;
    case 'drill':
      setDrill(doc, ctx, op.flag);
      return;
    case 'undo':
    case 'redo': {
      // A refusal (a posted update, a field changed since) is an outcome, not an error.
      if (op.t === 'undo') peer.journal.undo(ctx);
      else peer.journal.redo(ctx);
      return;
    }
  }
};

/** Every id stored in the raw arrays, readable or not. */
const rawIds = (doc: Y.Doc): string[] =>
  [
    ...[timelineOf(doc), runbookOf(doc), actionsOf(doc)].flatMap((arr) => arr.toArray().map((m) => String(m.get('id')))),
    ...updatesOf(doc).toArray().map((u) => String((u as { id: unknown }).id)),
  ];

const SIGNERS = [0, 1, 2, 3].map(() => signerOf(newSigningKey())!);

const run = (plans: Op[][], seed: number): void => {
  const declarer = testContext(people[0], T0, 'p0');
  const peers: Peer[] = plans.map((_, index) => {
    const doc = newDoc('inc-converge');
    const t = index === 0 ? declarer : testContext(people[index], T0 + index * 7_000, `p${index}`);
    // Four peers sign their timeline changes; the fifth does not, as a stock y-webrtc peer or an older app.
    if (index < SIGNERS.length) t.ctx.signer = SIGNERS[index];
    const peer: Peer = { index, doc, t, local: [], origins: [], edits: 0, refusals: 0, journal: new UndoJournal(doc) };
    doc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) return;
      peer.origins.push(origin);
      peer.local.push(u);
    });
    return peer;
  });
  const first = peers[0]!;
  declareIncident(first.doc, first.t.ctx, { title: 'Convergence', severity: 'SEV2', startedAt: T0 - 10 * MINUTE });
  const declared = Y.encodeStateAsUpdate(first.doc);
  for (const p of peers.slice(1)) {
    Y.applyUpdate(p.doc, declared, REMOTE_ORIGIN);
    p.t.setNow(T0 + p.index * 7_000);
  }

  // Interleave the peers' plans round-robin, as concurrent people would type.
  const longest = Math.max(...plans.map((p) => p.length));
  for (let step = 0; step < longest; step++) {
    for (const peer of peers) {
      const op = plans[peer.index]![step];
      if (!op) continue;
      try {
        apply(peer, op, peers);
      } catch (e) {
        if (!isDomainError(e)) throw e;
        peer.refusals += 1;
      }
    }
  }

  // Deliver every update to every other peer, shuffled, with duplicates.
  const rand = prng(seed);
  for (const target of peers) {
    const inbox = peers.filter((p) => p !== target).flatMap((p) => p.local);
    const dupes = inbox.filter(() => rand() < 0.3);
    const all = inbox.concat(dupes);
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
    for (const u of all) Y.applyUpdate(target.doc, u, REMOTE_ORIGIN);
  }

  const reference = peers[0]!.doc;
  const issued = peers.flatMap((p) => p.t.issued).sort();
  for (const p of peers) {
    // Every write was one of this peer's own, tagged: an operation, or an undo or redo of one.
    for (const o of p.origins) expect([LOCAL_ORIGIN, UNDO_ORIGIN, REDO_ORIGIN]).toContain(o);
    expect(p.doc.store.pendingStructs).toBeNull();
    expect(p.doc.store.pendingDs).toBeNull();
    expect(docJson(p.doc)).toEqual(docJson(reference));
    expect(p.doc.toJSON()).toEqual(reference.toJSON());
    expect(readIncident(p.doc)).toEqual(readIncident(reference));
    expect(Y.encodeStateVector(p.doc)).toEqual(Y.encodeStateVector(reference));
    // Nothing created anywhere is missing, and nothing appears that nobody created.
    expect(rawIds(p.doc).sort()).toEqual(issued);
  }
  const snapshot = readIncident(reference)!;
  // Every entry is readable and every successful edit kept its previous version.
  expect(snapshot.timeline.map((e) => e.id).sort()).toEqual(timelineOf(reference).toArray().map((m) => String(m.get('id'))).sort());
  // (Undo and redo add versions of their own: writing a text back, lifting a retraction.)
  expect(snapshot.timeline.reduce((n, e) => n + e.edits.length, 0)).toBeGreaterThanOrEqual(peers.reduce((n, p) => n + p.edits, 0));
  // Whatever the order, every signed change verifies once merged: concurrent edits, undo, redo, retractions.
  const report = verifyTimeline(snapshot.timeline, snapshot.evidence, { describeTime: String });
  expect(report.problems).toEqual([]);
  expect(report.unverified).toBe(0);
  const unsignedAuthor = people[SIGNERS.length]!.deviceId;
  for (const e of snapshot.timeline) {
    const hands = [e.author, ...e.edits.flatMap((h) => [h.editedBy, ...(h.lifted ? [h.lifted.by] : [])]), ...(e.retracted ? [e.retracted.by] : [])];
    // Only what the peer that does not sign wrote or touched may read as unsigned.
    if (hands.every((a) => a.deviceId !== unsignedAuthor)) expect(report.entries.get(e.id)?.state, e.id).toBe('verified');
  }
};

describe('convergence', () => {
  it('5 peers running every kind of operation converge to the same incident, whatever the delivery order, losing nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 5, maxLength: 40 }), { minLength: 5, maxLength: 5 }), fc.integer(), (plans, seed) => {
        run(plans, seed);
      }),
      { numRuns: FUZZ_RUNS, ...(env.FUZZ_SEED ? { seed: Number(env.FUZZ_SEED) } : {}) },
    );
    // 100 runs of 5 peers × up to 40 operations: 10-30 s on a two-core machine, loaded or not; sized by work.
  }, Math.max(600_000, FUZZ_RUNS * 3_000));
});
