import { describe, expect, it } from 'vitest';
import { addStep } from './runbook-ops';
import { moveStep } from './runbook-order-ops';
import { declareIncident } from '../incident/incident-ops';
import { incidentToJson, parseIncidentExport } from '../../export/json';
import { docFromExport } from '../../export/doc-from-export';
import { readRunbook } from '../../schema/read-model';
import { T0, newDoc, testContext } from '../../testing/fixtures';

describe('runbook steps through a JSON export', () => {
  it('keep their display order and their risky flag and rollback', () => {
    const doc = newDoc('inc-export');
    const { ctx } = testContext();
    declareIncident(doc, ctx, { title: 'DB down', severity: 'SEV1' });
    addStep(doc, ctx, { title: 'Look at graphs' });
    const risky = addStep(doc, ctx, { title: 'Fail over', risky: true, rollback: 'Fail back' });
    moveStep(doc, ctx, risky, 0);
    const parsed = parseIncidentExport(incidentToJson(doc, T0));
    if (!parsed.ok) throw new Error(parsed.message);
    const copy = docFromExport(parsed.value);
    expect(readRunbook(copy)).toEqual(readRunbook(doc));
    expect(readRunbook(copy).map((s) => [s.title, s.risky ?? false, s.rollback ?? ''])).toEqual([
      ['Fail over', true, 'Fail back'],
      ['Look at graphs', false, ''],
    ]);
  });
});
