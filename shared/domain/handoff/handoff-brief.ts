import { inPlan } from '../runbook/in-plan';
import { ROLES, type Actor, type IncidentSnapshot, type OperationalPeriod, type Role, type Status, type TimelineEntry } from '../../schema/types';
import { entriesThatMatter } from '../timeline/entries-that-matter';
import { METRIC_NAMES, METRIC_SPANS, describeSpan, metricOf } from '../../metrics/metrics';
import { ROLE_LABELS } from '../roles/role-ops';
import { lastUpdateOf, nextUpdateDue, type Cadence } from '../updates/update-cadence';
import { runbookProgress } from '../runbook/runbook-progress';
import { spokenDuration, utcClock, utcDateTime } from '../../time/utc-time';
import type { Severity } from '../../schema/types';

/*
 * The handoff brief (the ICS-201 idea): what the next commander, or a late
 * joiner, needs to take over, generated from live state as Markdown that reads
 * fine as plain text in any chat.
 */

export interface HandoffBriefInput {
  incident: IncidentSnapshot;
  now: number;
  /** Who prepared it. */
  by?: Actor;
  /** At most how many key events to list (the most recent of those that matter; 40 unless given). */
  keyEvents?: number;
  /** The operational period being handed over: the brief then covers what changed in it. */
  period?: OperationalPeriod & { number: number };
  cadence?: Readonly<Record<Severity, Cadence>>;
}

export const OBJECTIVE: Record<Status, string> = {
  investigating: 'Find the cause and stop the user impact (mitigate first, fix later).',
  identified: 'Apply the fix or workaround and confirm that the impact has stopped.',
  monitoring: 'Confirm the fix holds against the exit criteria, then resolve.',
  resolved: 'Close out: name a postmortem owner and make sure the action items are owned.',
  closed: 'None: the incident is closed.',
};

const SINGLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'sme'> => r !== 'sme');

const oneLine = (s: string): string => s.trim().replace(/\s+/g, ' ');

/** The entries that matter (pinned, decisions, actions, status or severity changes, shifts), at most the `n` most recent, oldest first. */
export const keyEventsOf = (timeline: readonly TimelineEntry[], n: number, from?: number): TimelineEntry[] => (n <= 0 ? [] : entriesThatMatter(timeline, { from }).slice(-n));

const nextUpdateLine = (input: HandoffBriefInput): string => {
  const { meta, updates } = input.incident;
  const last = lastUpdateOf(updates);
  const due = nextUpdateDue({ severity: meta.severity, status: meta.status, declaredAt: meta.lifecycle.declared, lastUpdate: last, cadence: input.cadence });
  switch (due.kind) {
    case 'none':
      return due.reason === 'severity' ? `none (no stakeholder updates at ${meta.severity})` : due.reason === 'finished' ? 'none (the resolution was posted)' : 'unknown';
    case 'on_change':
      return due.pending ? 'now (the status changed since the last update)' : 'when the status changes';
    case 'scheduled': {
      const left = due.dueAt - input.now;
      return left >= 0 ? `${utcClock(due.dueAt)} (in ${spokenDuration(left)})` : `${utcClock(due.dueAt)} (OVERDUE by ${spokenDuration(-left)})`;
    }
  }
};

export const handoffBrief = (input: HandoffBriefInput): string => {
  const { incident, now } = input;
  const { meta, timeline, runbook, actions, updates, roles, experts } = incident;
  const out: string[] = [];
  const section = (title: string, lines: string[], empty: string) => out.push('', `## ${title}`, ...(lines.length > 0 ? lines : [`- ${empty}`]));

  const period = input.period;
  out.push(`# Handoff brief: ${oneLine(meta.title)}${meta.drill ? ' [DRILL]' : ''}${period ? ` (end of period ${period.number})` : ''}`);
  out.push(`Prepared ${utcDateTime(now)}${input.by ? ` by ${input.by.name}` : ''}.`);

  const declared = meta.lifecycle.declared;
  section(
    'Situation',
    [
      `- Severity: ${meta.severity}`,
      `- Status: ${meta.status}`,
      `- Impact: ${oneLine(meta.impact) || 'not recorded yet'}`,
      ...(meta.summary.trim() ? [`- Summary: ${oneLine(meta.summary)}`] : []),
      ...(declared !== undefined ? [`- Declared: ${utcDateTime(declared)} (${spokenDuration(now - declared)} ago)`] : []),
      ...(meta.lifecycle.mitigated !== undefined ? [`- Mitigated: ${utcDateTime(meta.lifecycle.mitigated)}`] : []),
    ],
    '',
  );
  const figures = METRIC_NAMES.flatMap((name) => {
    const ms = metricOf(meta.lifecycle, name);
    return ms === null ? [] : [`- ${METRIC_SPANS[name].label} (${describeSpan(name).toLowerCase()}): ${spokenDuration(ms)}`];
  });
  if (figures.length > 0) section('Figures so far', figures, '');
  section(
    'Objectives',
    [
      ...(period ? [`- This period's goal: ${oneLine(period.goal)} (planned to end ${utcDateTime(period.plannedEndAt)})`] : []),
      `- ${period ? 'Next: ' : ''}${OBJECTIVE[meta.status]}`,
    ],
    '',
  );

  const n = input.keyEvents ?? 40;
  const all = entriesThatMatter(timeline, { from: period?.startedAt });
  const shown = keyEventsOf(timeline, n, period?.startedAt);
  section(
    period ? `What changed in period ${period.number} (since ${utcDateTime(period.startedAt)})` : 'Key events',
    [
      ...(all.length > shown.length ? [`- (${all.length - shown.length} earlier ones are in the timeline)`] : []),
      ...shown.map((e) => `- ${utcClock(e.occurredAt)} · ${e.kind.replace('_', ' ')}${e.pinned ? ' · pinned' : ''} · ${oneLine(e.text)} (${e.author.name})`),
    ],
    period ? 'no decisions, actions or status changes in this period' : 'none yet',
  );

  const progress = runbookProgress(runbook);
  section(
    `Open runbook steps (${progress.done + progress.skipped} of ${progress.total} settled)`,
    runbook
      .filter((s) => s.state === 'todo' && inPlan(s))
      .map((s) => `- [ ] ${oneLine(s.title)}${s.assignee ? ` (${s.assignee})` : ' (unassigned)'}${s.risky ? ` RISKY; rollback: ${oneLine(s.rollback ?? 'none given')}` : ''}`),
    'none',
  );
  section(
    'Open actions',
    actions
      .filter((a) => a.status === 'open' || a.status === 'in_progress')
      .map((a) => `- [ ] ${oneLine(a.title)} (${a.owner || 'no owner'}, ${a.due ? `due ${a.due}` : 'no due date'}, ${a.priority}${a.status === 'in_progress' ? ', in progress' : ''})`),
    'none',
  );

  const last = lastUpdateOf(updates);
  section(
    'Communications',
    [
      `- Last stakeholder update: ${last ? `${utcClock(last.postedAt)} (${last.status}) by ${last.postedBy.name}` : 'none posted yet'}`,
      `- Next update due: ${nextUpdateLine(input)}`,
    ],
    '',
  );

  const holder = (r: Role) => roles.find((a) => a.role === r)?.holder.name ?? 'UNASSIGNED';
  const sme = experts.map((e) => (e.area ? `${e.holder.name} (${e.area})` : e.holder.name)).join(', ');
  section('Roles', [...SINGLE_ROLES.map((r) => `- ${ROLE_LABELS[r]}: ${holder(r)}`), `- Subject-matter experts: ${sme || 'none'}`], '');
  return out.join('\n') + '\n';
};

/** The brief for a chat that shows Markdown as typed: headings become plain lines, check boxes plain dashes. */
export const briefAsPlainText = (markdown: string): string =>
  markdown
    .split('\n')
    .map((l) => l.replace(/^# (.*)$/, (_m, t: string) => t.toUpperCase()).replace(/^## (.*)$/, '$1:').replace(/^- \[ \] /, '- '))
    .join('\n');
