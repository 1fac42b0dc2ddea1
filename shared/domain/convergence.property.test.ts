import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { declareIncident, setSeverity, setStatus } from './incident/incident-ops';
import { addEntry, editEntry, retractEntry, setPinned } from './timeline/timeline-ops';
import { assignRole, releaseRole } from './roles/role-ops';
import { addStep, checkStep, skipStep, uncheckStep } from './runbook/runbook-ops';
import { addActionItem } from './actions/action-ops';
import { isDomainError } from '../core/errors';
import { LOCAL_ORIGIN, REMOTE_ORIGIN } from '../core/origins';
import { actionsOf, runbookOf, timelineOf } from '../schema/incident-doc';
import { readIncident, readRunbook, readTimeline } from '../schema/read-model';
import { AUTHORED_ENTRY_KINDS, ROLES, SEVERITIES, STATUSES } from '../schema/types';
import { MINUTE, T0, docJson, newDoc, testContext, type TestContext } from '../testing/fixtures';

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
      const from = peers[op.from % peers.length]!;
      if (from !== peer) for (const u of from.local) Y.applyUpdate(doc, u, REMOTE_ORIGIN);
      return;
    }
  }
};

/** Every id stored in the raw arrays, readable or not. */
const rawIds = (doc: Y.Doc): string[] =>
  [timelineOf(doc), runbookOf(doc), actionsOf(doc)].flatMap((arr) => arr.toArray().map((m) => String(m.get('id'))));

const run = (plans: Op[][], seed: number): void => {
  const declarer = testContext(people[0], T0, 'p0');
  const peers: Peer[] = plans.map((_, index) => {
    const doc = newDoc('inc-converge');
    const t = index === 0 ? declarer : testContext(people[index], T0 + index * 7_000, `p${index}`);
    const peer: Peer = { index, doc, t, local: [], origins: [], edits: 0, refusals: 0 };
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
    expect(new Set(p.origins)).toEqual(new Set(p.origins.length > 0 ? [LOCAL_ORIGIN] : []));
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
  expect(snapshot.timeline.reduce((n, e) => n + e.edits.length, 0)).toBe(peers.reduce((n, p) => n + p.edits, 0));
};

describe('convergence', () => {
  it('3–5 peers converge to the same incident, whatever the delivery order, losing nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 5, maxLength: 40 }), { minLength: 3, maxLength: 5 }), fc.integer(), (plans, seed) => {
        run(plans, seed);
      }),
      { numRuns: 100 },
    );
    // 100 runs of up to 5 peers × 40 operations: about 5 s on a quiet two-core machine, 38 s seen on a loaded one.
  }, 600_000);
});
