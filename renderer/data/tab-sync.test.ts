import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TAB_ORIGIN } from '@shared/core/origins';
import { declareIncident, setTitle } from '@shared/domain/incident/incident-ops';
import { readMeta } from '@shared/schema/read-model';
import { newDoc, testContext } from '@shared/testing/fixtures';
import { syncTabs } from './tab-sync';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((s) => s()));

const eventually = async (check: () => boolean) => {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('tabs of one profile', () => {
  it('pass their edits to each other, and a tab that opens later gets what it lacks', async () => {
    const channel = `test-${Math.random()}`;
    const a = newDoc('tabbed');
    const t = testContext();
    declareIncident(a, t.ctx, { title: 'Tab one', severity: 'SEV3' });
    stops.push(syncTabs(a, channel));
    const b = newDoc('tabbed');
    stops.push(syncTabs(b, channel));
    await eventually(() => readMeta(b)?.title === 'Tab one');

    const origins: unknown[] = [];
    a.on('update', (_u: Uint8Array, o: unknown) => origins.push(o));
    setTitle(b, t.ctx, 'Renamed in tab two');
    await eventually(() => readMeta(a)?.title === 'Renamed in tab two');
    // Marked as another tab's, so this tab neither undoes it nor sends it back.
    expect(origins).toContain(TAB_ORIGIN);
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  });
});
