import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ROLE_LABELS, assignRole, releaseRole } from './role-ops';
import { declareIncident } from '../incident/incident-ops';
import { readExperts, readRoles, readTimeline } from '../../schema/read-model';
import { ROLES, type Role } from '../../schema/types';
import { MINUTE, T0, newDoc, recordOrigins, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };
const bob = { name: 'Bob', deviceId: 'dev-b' };
const cy = { name: 'Cy', deviceId: 'dev-c' };

const holder = (role: Role) => readRoles(doc).find((r) => r.role === role);
const roleEntries = () => readTimeline(doc).filter((e) => e.kind === 'role_change');

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
});

describe('planning lead and commander/deputy', () => {
  it('has a planning lead role, assigned and logged like the others', () => {
    expect(ROLES).toContain('planning');
    assignRole(doc, t.ctx, 'planning', bob);
    expect(holder('planning')?.holder).toEqual(bob);
    expect(roleEntries().at(-1)?.text).toBe('Bob is now planning lead');
  });

  it('one person as commander and deputy only with a confirmation, either way round', () => {
    assignRole(doc, t.ctx, 'commander', ada);
    const message = expectRefused(doc, () => assignRole(doc, t.ctx, 'deputy', ada), 'needs_confirmation');
    expect(message).toBe('Ada is already incident commander. One person as both incident commander and deputy leaves nobody to take over. Make Ada deputy as well?');
    assignRole(doc, t.ctx, 'deputy', ada, { confirmed: true });
    expect(holder('deputy')?.holder).toEqual(ada);
    releaseRole(doc, t.ctx, 'commander');
    expectRefused(doc, () => assignRole(doc, t.ctx, 'commander', ada), 'needs_confirmation');
    assignRole(doc, t.ctx, 'commander', bob);
    expect(holder('commander')?.holder).toEqual(bob);
  });
});

describe('assignRole', () => {
  it('assigns a free role and logs it', () => {
    const w = watchLocalWrites(doc);
    assignRole(doc, t.ctx, 'commander', { name: ' Bob ', deviceId: 'dev-b' });
    w.check();
    expect(holder('commander')).toEqual({ role: 'commander', holder: bob, assignedAt: t.current(), assignedBy: ada });
    expect(roleEntries()).toHaveLength(1);
    expect(roleEntries()[0]).toMatchObject({ occurredAt: t.current(), author: ada });
    expect(roleEntries()[0]!.text).toContain('Bob');
    expect(roleEntries()[0]!.text.toLowerCase()).toContain(ROLE_LABELS.commander.toLowerCase());
  });

  it('hands off a held role, logging from whom to whom', () => {
    assignRole(doc, t.ctx, 'commander', bob);
    t.advance(60 * MINUTE);
    const w = watchLocalWrites(doc);
    assignRole(doc, t.ctx, 'commander', cy);
    w.check();
    expect(holder('commander')).toMatchObject({ holder: cy, assignedAt: t.current() });
    const handoff = roleEntries().at(-1)!;
    expect(handoff.occurredAt).toBe(t.current());
    expect(handoff.text).toMatch(/handed off/);
    expect(handoff.text.indexOf('Bob')).toBeGreaterThanOrEqual(0);
    expect(handoff.text.indexOf('Bob')).toBeLessThan(handoff.text.indexOf('Cy'));
    expect(roleEntries()).toHaveLength(2);
  });

  it('treats re-assigning the same person as a no-op', () => {
    assignRole(doc, t.ctx, 'scribe', bob);
    const rec = recordOrigins(doc);
    assignRole(doc, t.ctx, 'scribe', { ...bob });
    rec.stop();
    expect(rec.updates).toEqual([]);
  });

  it('keeps roles independent of each other', () => {
    for (const [i, role] of ROLES.entries()) assignRole(doc, t.ctx, role, { name: `P${i}`, deviceId: `d${i}` });
    // The single `sme` key of older documents is read as an expert, not as a role (see readExperts).
    expect(readRoles(doc).map((r) => [r.role, r.holder.name])).toEqual(ROLES.flatMap((r, i) => (r === 'sme' ? [] : [[r, `P${i}`]])));
    expect(readExperts(doc).map((e) => e.holder.name)).toEqual([`P${ROLES.indexOf('sme')}`]);
  });

  it.each([
    ['an unknown role', () => assignRole(doc, t.ctx, 'king' as Role, bob)],
    ['a holder without a name', () => assignRole(doc, t.ctx, 'commander', { name: '  ', deviceId: 'dev-b' })],
    ['a holder without a device id', () => assignRole(doc, t.ctx, 'commander', { name: 'Bob', deviceId: '' })],
    ['a holder name over the limit', () => assignRole(doc, t.ctx, 'commander', { name: 'x'.repeat(81), deviceId: 'd' })],
  ])('refuses %s', (_what, fn) => {
    expectRefused(doc, fn, 'invalid_input');
  });
});

describe('releaseRole', () => {
  it('frees the role and logs who released it', () => {
    assignRole(doc, t.ctx, 'comms', bob);
    t.advance(MINUTE);
    const w = watchLocalWrites(doc);
    releaseRole(doc, t.ctx, 'comms');
    w.check();
    expect(holder('comms')).toBeUndefined();
    const last = roleEntries().at(-1)!;
    expect(last.occurredAt).toBe(t.current());
    expect(last.text).toContain('Bob');
    expect(last.text).toContain('released');
  });

  it('refuses to release a role nobody holds, and unknown roles', () => {
    expectRefused(doc, () => releaseRole(doc, t.ctx, 'deputy'), 'not_found');
    expectRefused(doc, () => releaseRole(doc, t.ctx, 'king' as Role), 'invalid_input');
  });
});
