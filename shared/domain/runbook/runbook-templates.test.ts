import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { DEFAULT_TEMPLATES, suggestTemplates, templateSchema } from './runbook-templates';
import { applyRunbookTemplate } from './runbook-template-ops';
import { addStep } from './runbook-ops';
import { declareIncident } from '../incident/incident-ops';
import { readRunbook, readTimeline } from '../../schema/read-model';
import { SEVERITIES } from '../../schema/types';
import { newDoc, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

const byId = (id: string) => DEFAULT_TEMPLATES.find((t) => t.id === id)!;

describe('default templates', () => {
  it('are valid templates with distinct ids', () => {
    for (const t of DEFAULT_TEMPLATES) expect(templateSchema.safeParse(t).success, t.id).toBe(true);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });

  it('follow the DOMAIN checklists: the major list, plus the security and vendor steps', () => {
    const major = byId('default:major').steps.map((s) => s.title);
    expect(major).toHaveLength(10);
    expect(major[0]).toMatch(/scope and impact/);
    expect(major.at(-1)).toMatch(/postmortem owner/);
    const security = byId('default:security').steps.map((s) => s.title);
    for (const title of major) expect(security).toContain(title);
    expect(security.join('\n')).toMatch(/evidence[\s\S]*revoke credentials[\s\S]*legal/i);
    const vendor = byId('default:third_party').steps.map((s) => s.title);
    expect(vendor.join('\n')).toMatch(/status page[\s\S]*fallback[\s\S]*customers[\s\S]*recovery/i);
  });

  it('mark containment and failover steps risky, each with a rollback', () => {
    const risky = DEFAULT_TEMPLATES.flatMap((t) => t.steps.filter((s) => s.risky));
    expect(risky.length).toBeGreaterThanOrEqual(3);
    for (const s of risky) expect(s.rollback.length).toBeGreaterThan(10);
    for (const s of DEFAULT_TEMPLATES.flatMap((t) => t.steps.filter((x) => !x.risky))) expect(s.rollback).toBe('');
  });
});

describe('suggestTemplates', () => {
  it.each(SEVERITIES)('puts the templates made for %s first, keeping every template once', (sev) => {
    const out = suggestTemplates(DEFAULT_TEMPLATES, sev);
    expect([...out].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...DEFAULT_TEMPLATES].sort((a, b) => a.id.localeCompare(b.id)));
    const firstMiss = out.findIndex((t) => !t.severities.includes(sev));
    const lastHit = out.map((t) => t.severities.includes(sev)).lastIndexOf(true);
    if (firstMiss >= 0) expect(lastHit).toBeLessThan(firstMiss);
    expect(out.filter((t) => t.severities.includes(sev)).length).toBeGreaterThan(0);
  });
});

describe('applyRunbookTemplate', () => {
  let doc: Y.Doc;
  let t: TestContext;
  beforeEach(() => {
    doc = newDoc();
    t = testContext();
    declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV1' });
  });

  it('appends every step after existing ones, in one transaction, and logs the template name', () => {
    addStep(doc, t.ctx, { title: 'Already here' });
    const template = byId('default:security');
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const w = watchLocalWrites(doc);
    const ids = applyRunbookTemplate(doc, t.ctx, template);
    w.check();
    expect(transactions).toBe(1);
    const steps = readRunbook(doc);
    expect(steps.map((s) => s.title)).toEqual(['Already here', ...template.steps.map((s) => s.title)]);
    expect(steps.slice(1).map((s) => s.id)).toEqual(ids);
    expect(steps.slice(1).map((s) => s.risky === true)).toEqual(template.steps.map((s) => s.risky));
    expect(steps.every((s) => s.state === 'todo')).toBe(true);
    const last = readTimeline(doc).at(-1)!;
    expect(last.kind).toBe('runbook');
    expect(last.text).toContain(template.name);
    expect(last.text).toContain(`${template.steps.length} steps`);
  });

  it('asks before applying a template a second time, and applies it again once confirmed', () => {
    const template = byId('default:security');
    applyRunbookTemplate(doc, t.ctx, template);
    const message = expectRefused(doc, () => applyRunbookTemplate(doc, t.ctx, template), 'needs_confirmation');
    expect(message).toBe(`The template “${template.name}” was applied already. Applying it again adds its ${template.steps.length} steps a second time. Apply it again?`);
    applyRunbookTemplate(doc, t.ctx, template, { confirmed: true });
    expect(readRunbook(doc)).toHaveLength(template.steps.length * 2);
    // Another template is not asked about.
    expect(() => applyRunbookTemplate(doc, t.ctx, byId('default:third_party'))).not.toThrow();
  });

  it('refuses an empty or malformed template without writing', () => {
    expectRefused(doc, () => applyRunbookTemplate(doc, t.ctx, { name: 'Empty', steps: [] }), 'invalid_input');
    expectRefused(doc, () => applyRunbookTemplate(doc, t.ctx, { name: '', steps: [{ title: 'x' }] }), 'invalid_input');
    expectRefused(doc, () => applyRunbookTemplate(doc, t.ctx, { name: 'x', steps: [{ title: ' ' }] }), 'invalid_input');
    expectRefused(newDoc('n'), () => applyRunbookTemplate(newDoc('n'), t.ctx, { name: 'x', steps: [{ title: 'y' }] }), 'not_declared');
  });
});
