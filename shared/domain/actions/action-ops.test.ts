import { beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addActionItem } from './action-ops';
import { declareIncident } from '../incident/incident-ops';
import { actionsOf } from '../../schema/incident-doc';
import { readActions, readTimeline } from '../../schema/read-model';
import { MINUTE, T0, newDoc, testContext, type TestContext } from '../../testing/fixtures';
import { expectRefused, watchLocalWrites } from '../../testing/expect';

let doc: Y.Doc;
let t: TestContext;
const ada = { name: 'Ada', deviceId: 'dev-a' };

beforeEach(() => {
  doc = newDoc();
  t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout down', severity: 'SEV2' });
  t.advance(MINUTE);
});

describe('addActionItem', () => {
  it('appends an open item with defaults and returns its id', () => {
    const entries = readTimeline(doc).length;
    const w = watchLocalWrites(doc);
    const id = addActionItem(doc, t.ctx, { title: ' Add failover alert ', owner: ' Bob ', due: '2024-02-29' });
    w.check();
    expect(id).toBe(t.issued.at(-1));
    expect(readActions(doc)).toEqual([
      {
        id,
        title: 'Add failover alert',
        owner: 'Bob',
        due: '2024-02-29',
        priority: 'P2',
        type: 'prevent',
        status: 'open',
        createdAt: t.current(),
        createdBy: ada,
      },
    ]);
    expect(readTimeline(doc)).toHaveLength(entries);
  });

  it('keeps the given priority and type, appending in order', () => {
    addActionItem(doc, t.ctx, { title: 'first', owner: 'A', due: '2024-03-01' });
    const id = addActionItem(doc, t.ctx, { title: 'second', owner: 'B', due: '2024-03-02', priority: 'P1', type: 'mitigate' });
    expect(actionsOf(doc).get(1).get('id')).toBe(id);
    expect(readActions(doc)[1]).toMatchObject({ priority: 'P1', type: 'mitigate' });
  });

  it.each([
    ['no owner', { title: 'x', owner: '', due: '2024-03-01' }],
    ['no due date', { title: 'x', owner: 'Bob' }],
    ['a due date in the wrong format', { title: 'x', owner: 'Bob', due: '01/03/2024' }],
    ['an impossible due date', { title: 'x', owner: 'Bob', due: '2024-13-45' }],
    ['a due date that only exists by rolling over', { title: 'x', owner: 'Bob', due: '2023-02-29' }],
    ['no title', { title: ' ', owner: 'Bob', due: '2024-03-01' }],
    ['an unknown priority', { title: 'x', owner: 'Bob', due: '2024-03-01', priority: 'P0' }],
    ['an unknown type', { title: 'x', owner: 'Bob', due: '2024-03-01', type: 'blame' }],
  ])('refuses %s', (_what, input) => {
    expectRefused(doc, () => addActionItem(doc, t.ctx, input as never), 'invalid_input');
  });
});
