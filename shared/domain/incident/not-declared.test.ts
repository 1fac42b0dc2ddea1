import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { declareIncident, setDrill, setLifecycleTimestamp, setSeverity, setStatus, setSummaryFields, setTitle } from './incident-ops';
import { addEntry, editEntry, retractEntry, setPinned } from '../timeline/timeline-ops';
import { assignRole, releaseRole } from '../roles/role-ops';
import { addStep, checkStep, skipStep, uncheckStep } from '../runbook/runbook-ops';
import { addActionItem } from '../actions/action-ops';
import type { OpContext } from '../../core/context';
import { readIncident, readMeta } from '../../schema/read-model';
import { metaOf } from '../../schema/incident-doc';
import { T0, newDoc, testContext } from '../../testing/fixtures';
import { expectRefused } from '../../testing/expect';

/** Every operation but declare, each with input that is valid on a declared incident. */
const OPS: [string, (doc: Y.Doc, ctx: OpContext) => unknown][] = [
  ['setTitle', (d, c) => setTitle(d, c, 'New title')],
  ['setSeverity', (d, c) => setSeverity(d, c, 'SEV1')],
  ['setStatus', (d, c) => setStatus(d, c, 'identified')],
  ['setLifecycleTimestamp', (d, c) => setLifecycleTimestamp(d, c, 'started', T0)],
  ['setDrill', (d, c) => setDrill(d, c, true)],
  ['setSummaryFields', (d, c) => setSummaryFields(d, c, { summary: 's' })],
  ['addEntry', (d, c) => addEntry(d, c, { kind: 'note', text: 'hello' })],
  ['editEntry', (d, c) => editEntry(d, c, { id: 'x', text: 'hello' })],
  ['setPinned', (d, c) => setPinned(d, c, 'x', true)],
  ['retractEntry', (d, c) => retractEntry(d, c, 'x', 'why')],
  ['assignRole', (d, c) => assignRole(d, c, 'commander', { name: 'Bob', deviceId: 'b' })],
  ['releaseRole', (d, c) => releaseRole(d, c, 'commander')],
  ['addStep', (d, c) => addStep(d, c, { title: 'step' })],
  ['checkStep', (d, c) => checkStep(d, c, 'x')],
  ['uncheckStep', (d, c) => uncheckStep(d, c, 'x')],
  ['skipStep', (d, c) => skipStep(d, c, 'x', 'because')],
  ['addActionItem', (d, c) => addActionItem(d, c, { title: 'a', owner: 'o', due: '2024-01-02' })],
];

describe('operations on an undeclared incident', () => {
  it.each(OPS)('%s is refused with not_declared and writes nothing', (_name, op) => {
    const doc = newDoc();
    const t = testContext(undefined, T0 + 60_000);
    expectRefused(doc, () => op(doc, t.ctx), 'not_declared');
    expect(readIncident(doc)).toBeNull();
    expect(t.issued).toEqual([]);
  });

  it.each(OPS.filter(([n]) => !/^(releaseRole|editEntry|setPinned|retractEntry|checkStep|uncheckStep|skipStep)$/.test(n)))(
    '%s succeeds once the incident is declared (so the refusal above is about declaring)',
    (_name, op) => {
      const doc = newDoc();
      const t = testContext(undefined, T0 + 60_000);
      declareIncident(doc, t.ctx, { title: 'x', severity: 'SEV3' });
      expect(() => op(doc, t.ctx)).not.toThrow();
    },
  );
});

describe('a document of a newer layout', () => {
  it('is read, but every write is refused with a message saying why, and nothing changes', () => {
    const doc = newDoc('newer');
    const t = testContext();
    declareIncident(doc, t.ctx, { title: 'From the future', severity: 'SEV3' });
    doc.transact(() => metaOf(doc).set('schemaVersion', 2));
    expect(readMeta(doc)!.title).toBe('From the future');
    expect(expectRefused(doc, () => addEntry(doc, t.ctx, { kind: 'note', text: 'x' }), 'unsupported_schema')).toMatch(/newer Warroom \(layout version 2/);
  });
});
