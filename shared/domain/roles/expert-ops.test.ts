import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addExpert, handOffExpert, removeExpert } from './expert-ops';
import { assignRole } from './role-ops';
import { declareIncident } from '../incident/incident-ops';
import { REMOTE_ORIGIN } from '../../core/origins';
import { rolesOf } from '../../schema/incident-doc';
import { readExperts, readRoles, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, syncInto, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };
const cy = { name: 'Cy', deviceId: 'name:cy' };
const experts = (d: Y.Doc = doc) => readExperts(d).map((e) => [e.holder.name, e.area]);
const lastText = () => readTimeline(doc).at(-1)!.text;

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'DB down', severity: 'SEV1' });
  t.advance(MINUTE);
});

describe('subject-matter experts', () => {
  it('holds several people, each with an area, and logs each change', () => {
    const w = watchLocalWrites(doc);
    addExpert(doc, t.ctx, bob, ' Postgres ');
    t.advance(MINUTE);
    addExpert(doc, t.ctx, cy, 'Kafka');
    w.check(2);
    expect(experts()).toEqual([
      ['Bob', 'Postgres'],
      ['Cy', 'Kafka'],
    ]);
    expect(readExperts(doc)[0]).toMatchObject({ assignedBy: ada, assignedAt: T0 + MINUTE });
    expect(readTimeline(doc).at(-1)).toMatchObject({ kind: 'role_change', author: ada });
    expect(lastText()).toContain('Cy');
    expect(lastText()).toContain('Kafka');
    // The single roles are untouched.
    expect(readRoles(doc)).toEqual([]);
  });

  it('changing an area replaces the entry; the same again writes nothing', () => {
    addExpert(doc, t.ctx, bob, 'Postgres');
    addExpert(doc, t.ctx, bob, 'Postgres replicas');
    expect(experts()).toEqual([['Bob', 'Postgres replicas']]);
    let updates = 0;
    doc.on('update', () => (updates += 1));
    addExpert(doc, t.ctx, bob, 'Postgres replicas');
    expect(updates).toBe(0);
  });

  it('removes and hands off, logging who from and to', () => {
    addExpert(doc, t.ctx, bob, 'Postgres');
    addExpert(doc, t.ctx, ada, 'Network');
    handOffExpert(doc, t.ctx, bob.deviceId, cy);
    expect(experts()).toContainEqual(['Cy', 'Postgres']);
    expect(experts()).not.toContainEqual(['Bob', 'Postgres']);
    expect(lastText()).toMatch(/Postgres.*handed off from Bob to Cy/);
    removeExpert(doc, t.ctx, ada.deviceId);
    expect(experts()).toEqual([['Cy', 'Postgres']]);
    expect(lastText()).toContain('Ada released');
  });

  it('refuses unknown experts, bad input and handing off to someone who already is one', () => {
    addExpert(doc, t.ctx, bob, 'Postgres');
    addExpert(doc, t.ctx, cy, 'Kafka');
    expectRefused(doc, () => removeExpert(doc, t.ctx, 'nobody'), 'not_found');
    expectRefused(doc, () => handOffExpert(doc, t.ctx, 'nobody', ada), 'not_found');
    expectRefused(doc, () => handOffExpert(doc, t.ctx, bob.deviceId, cy), 'invalid_input');
    expectRefused(doc, () => addExpert(doc, t.ctx, { name: ' ', deviceId: 'x' }), 'invalid_input');
    expectRefused(doc, () => addExpert(doc, t.ctx, bob, 'x'.repeat(81)), 'invalid_input');
    expectRefused(newDoc('n'), () => addExpert(newDoc('n'), t.ctx, bob), 'not_declared');
  });

  it('reads the single sme role of older documents as one more expert, and can release it', () => {
    assignRole(doc, t.ctx, 'sme', bob);
    addExpert(doc, t.ctx, cy, 'Kafka');
    expect(experts()).toEqual([
      ['Bob', ''],
      ['Cy', 'Kafka'],
    ]);
    removeExpert(doc, t.ctx, bob.deviceId);
    expect(rolesOf(doc).has('sme')).toBe(false);
    expect(experts()).toEqual([['Cy', 'Kafka']]);
  });

  it('two peers adding different experts at once keep both', () => {
    const other = newDoc();
    syncInto(doc, other, REMOTE_ORIGIN);
    addExpert(doc, t.ctx, bob, 'Postgres');
    addExpert(other, testContext(cy, T0 + 2 * MINUTE).ctx, cy, 'Kafka');
    syncInto(doc, other, REMOTE_ORIGIN);
    syncInto(other, doc, REMOTE_ORIGIN);
    expect(experts()).toEqual(experts(other));
    expect(experts().map(([n]) => n).sort()).toEqual(['Bob', 'Cy']);
  });

  it('skips garbage from peers', () => {
    doc.transact(() => {
      rolesOf(doc).set('sme:x', { holder: { name: 'X' } });
      rolesOf(doc).set('sme:y', 'nonsense');
      rolesOf(doc).set('sme:wrong-key', { holder: bob, area: 'a', assignedAt: T0, assignedBy: ada });
    });
    expect(readExperts(doc)).toEqual([]);
  });
});
