import type * as Y from 'yjs';
import { addActionItem } from '../domain/actions/action-ops';
import { declareIncident, setStatus, setSummaryFields } from '../domain/incident/incident-ops';
import { LOCAL_ORIGIN } from '../core/origins';
import { assignRole } from '../domain/roles/role-ops';
import { addStep, checkStep } from '../domain/runbook/runbook-ops';
import { addEntry, editEntry, retractEntry } from '../domain/timeline/timeline-ops';
import { appendJsonToFragment } from '../postmortem/fragment-json';
import { postmortemOf, updatesOf } from '../schema/incident-doc';
import type { PmDoc } from '../postmortem/pm-json';
import { MINUTE, T0, newDoc, testContext } from './fixtures';

/** A postmortem with a section, marks, a list and text that needs escaping. */
export const SAMPLE_POSTMORTEM: PmDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'A ' },
        { type: 'text', text: 'bad config', marks: [{ type: 'bold' }] },
        { type: 'text', text: ' took down checkout | EU.' },
      ],
    },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }] }] },
  ],
};

/**
 * An incident that touches every container: meta, roles, timeline (pinned,
 * edited, retracted, with pipes in text), runbook, actions, updates, postmortem.
 */
export const richIncident = (id = 'inc-rich'): Y.Doc => {
  const doc = newDoc(id);
  const ada = { name: 'Ada', deviceId: 'dev-a' };
  const t = testContext(ada, T0);
  declareIncident(doc, t.ctx, { title: 'Checkout | EU down', severity: 'SEV1', startedAt: T0 - 5 * MINUTE });
  t.advance(MINUTE);
  assignRole(doc, t.ctx, 'commander', ada);
  addEntry(doc, t.ctx, { kind: 'observation', text: 'p99 at 4s | errors 40%', pinned: true });
  t.advance(MINUTE);
  const wrong = addEntry(doc, t.ctx, { kind: 'decision', text: 'Fail over to us-west' });
  retractEntry(doc, t.ctx, wrong, 'us-west was down too');
  const edited = addEntry(doc, t.ctx, { kind: 'action', text: 'Rolled back' });
  t.advance(MINUTE);
  editEntry(doc, t.ctx, { id: edited, text: 'Rolled back deploy 2024.11.3' });
  const step = addStep(doc, t.ctx, { title: 'Page the DB team', assignee: 'Grace' });
  checkStep(doc, t.ctx, step);
  addStep(doc, t.ctx, { title: 'Post status page update' });
  addActionItem(doc, t.ctx, { title: 'Alert on config drift', owner: 'Bob', due: '2024-02-01', priority: 'P1', type: 'prevent' });
  setSummaryFields(doc, t.ctx, { summary: 'Config push broke checkout.', impact: 'EU checkout failed for 20 minutes.' });
  t.advance(MINUTE);
  setStatus(doc, t.ctx, 'monitoring');
  doc.transact(() => {
    updatesOf(doc).insert(0, [{ id: 'u-1', status: 'investigating', text: 'We are investigating.', postedAt: T0 + MINUTE, postedBy: ada }]);
    appendJsonToFragment(postmortemOf(doc), SAMPLE_POSTMORTEM);
  }, LOCAL_ORIGIN);
  return doc;
};
