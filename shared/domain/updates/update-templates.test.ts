import { describe, expect, it } from 'vitest';
import { UPDATE_TEMPLATE_STATUSES, draftUpdate, templateStatusFor, type DraftInput } from './update-templates';
import { MINUTE, T0 } from '../../testing/fixtures';
import { utcClock } from '../../time/utc-time';

const NOW = T0 + 14 * 60 * MINUTE + 32 * MINUTE; // 14:32 UTC
const meta = (patch: Partial<DraftInput['meta']> = {}): DraftInput['meta'] => ({
  title: 'Checkout errors in EU',
  severity: 'SEV1',
  impact: '10% of EU card payments fail',
  drill: false,
  lifecycle: { declared: NOW - 30 * MINUTE },
  ...patch,
});

describe('draftUpdate', () => {
  it('investigating: what, for whom, what we do, next update by the cadence', () => {
    const text = draftUpdate({ meta: meta(), status: 'investigating', now: NOW });
    expect(text).toMatch(/^We are investigating/);
    expect(text).toContain('Checkout errors in EU.');
    expect(text).toContain('Affected: 10% of EU card payments fail.');
    expect(text).toContain('Next update by 14:52 UTC.');
  });

  it.each([
    ['SEV2', '15:02 UTC'],
    ['SEV3', '15:32 UTC'],
  ] as const)('%s promises the next update by %s', (severity, when) => {
    expect(draftUpdate({ meta: meta({ severity }), status: 'identified', now: NOW })).toContain(`Next update by ${when}.`);
  });

  it('identified and monitoring say what is being done', () => {
    expect(draftUpdate({ meta: meta(), status: 'identified', now: NOW })).toMatch(/^We have identified the cause.*working on a fix/);
    expect(draftUpdate({ meta: meta(), status: 'monitoring', now: NOW })).toMatch(/^A fix has been applied, and we are monitoring/);
  });

  it('resolved gives the impact window and promises a postmortem, no next update', () => {
    const text = draftUpdate({
      meta: meta({ lifecycle: { started: NOW - 90 * MINUTE, declared: NOW - 80 * MINUTE, mitigated: NOW - 25 * MINUTE } }),
      status: 'resolved',
      now: NOW,
    });
    expect(text).toMatch(/^The issue is resolved/);
    expect(text).toContain(`Impact lasted from ${utcClock(NOW - 90 * MINUTE)} to ${utcClock(NOW - 25 * MINUTE)} (1 h 05 min).`);
    expect(text).toContain('A postmortem will follow.');
    expect(text).not.toContain('Next update');
  });

  it('leaves out what is not known, and follows SEV4/SEV5 cadences', () => {
    const text = draftUpdate({ meta: meta({ impact: '  ', severity: 'SEV4' }), status: 'investigating', now: NOW });
    expect(text).not.toContain('Affected');
    expect(text).toContain('when the situation changes');
    expect(draftUpdate({ meta: meta({ severity: 'SEV5' }), status: 'investigating', now: NOW })).not.toMatch(/Next update|another update/);
  });

  it('marks drills', () => {
    for (const status of UPDATE_TEMPLATE_STATUSES) expect(draftUpdate({ meta: meta({ drill: true }), status, now: NOW })).toMatch(/^\[DRILL\] /);
    expect(draftUpdate({ meta: meta(), status: 'monitoring', now: NOW })).not.toContain('DRILL');
  });

  it('closed uses the resolved template', () => {
    expect(templateStatusFor('closed')).toBe('resolved');
    expect(templateStatusFor('monitoring')).toBe('monitoring');
  });
});
