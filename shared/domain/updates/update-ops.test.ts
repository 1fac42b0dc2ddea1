import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { postUpdate } from './update-ops';
import { declareIncident } from '../incident/incident-ops';
import { REMOTE_ORIGIN } from '../../core/origins';
import { readTimeline, readUpdates } from '../../schema/read-model';
import { MAX_TEXT } from '../../schema/validation';
import { MINUTE, T0, newDoc, syncInto, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV1' });
  t.advance(5 * MINUTE);
});

describe('postUpdate', () => {
  it('records the update and a comms entry in one transaction', () => {
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    const w = watchLocalWrites(doc);
    const id = postUpdate(doc, t.ctx, { status: 'investigating', text: '  We are investigating. Next update by 14:52 UTC. ' });
    w.check();
    expect(transactions).toBe(1);
    expect(readUpdates(doc)).toEqual([{ id, status: 'investigating', text: 'We are investigating. Next update by 14:52 UTC.', postedAt: t.current(), postedBy: ada }]);
    const entry = readTimeline(doc).at(-1)!;
    expect(entry).toMatchObject({ kind: 'comms', author: ada, occurredAt: t.current() });
    expect(entry.text).toBe('Stakeholder update (investigating): We are investigating. Next update by 14:52 UTC.');
  });

  it('keeps every update in posting order, and peers posting at once keep both', () => {
    const other = newDoc();
    syncInto(doc, other, REMOTE_ORIGIN);
    postUpdate(doc, t.ctx, { status: 'identified', text: 'one' });
    postUpdate(other, testContext({ name: 'Bob', deviceId: 'dev-b' }, T0 + 6 * MINUTE).ctx, { status: 'identified', text: 'two' });
    syncInto(doc, other, REMOTE_ORIGIN);
    syncInto(other, doc, REMOTE_ORIGIN);
    expect(readUpdates(doc).map((u) => u.text).sort()).toEqual(['one', 'two']);
    expect(readUpdates(doc)).toEqual(readUpdates(other));
  });

  it('refuses a blank or oversized text, an unknown status, and an undeclared incident', () => {
    expectRefused(doc, () => postUpdate(doc, t.ctx, { status: 'identified', text: '  ' }), 'invalid_input');
    expectRefused(doc, () => postUpdate(doc, t.ctx, { status: 'identified', text: 'x'.repeat(MAX_TEXT + 1) }), 'invalid_input');
    expectRefused(doc, () => postUpdate(doc, t.ctx, { status: 'fixed' as never, text: 'x' }), 'invalid_input');
    expectRefused(newDoc('n'), () => postUpdate(newDoc('n'), t.ctx, { status: 'identified', text: 'x' }), 'not_declared');
  });
});
