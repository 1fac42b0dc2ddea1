import type { IncidentMeta, Status } from '../../schema/types';
import { dueAfterPosting, type Cadence } from './update-cadence';
import { spokenDuration, utcClock } from '../../time/utc-time';
import type { Severity } from '../../schema/types';

/** The statuses with a template; `closed` uses the resolved one. */
export const UPDATE_TEMPLATE_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type UpdateTemplateStatus = (typeof UPDATE_TEMPLATE_STATUSES)[number];

export const templateStatusFor = (status: Status): UpdateTemplateStatus => (status === 'closed' ? 'resolved' : status);

export interface DraftInput {
  meta: Pick<IncidentMeta, 'title' | 'severity' | 'impact' | 'drill' | 'lifecycle'>;
  status: UpdateTemplateStatus;
  /** When it will be posted (now): the next update is promised from here. */
  now: number;
  cadence?: Readonly<Record<Severity, Cadence>>;
}

const sentence = (s: string): string => {
  const t = s.trim().replace(/\s+/g, ' ');
  if (t === '') return '';
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

const nextLine = (input: DraftInput): string => {
  const next = dueAfterPosting(input.meta.severity, input.now, input.cadence);
  if (next === 'none') return '';
  if (next === 'on_change') return 'We will post another update when the situation changes.';
  return `Next update by ${utcClock(next)}.`;
};

const affected = (input: DraftInput): string => {
  const impact = sentence(input.meta.impact);
  return impact ? `Affected: ${impact}` : '';
};

/** How long users were affected: the impact duration of METRIC_SPANS, when the lifecycle says. */
const impactWindow = ({ lifecycle }: DraftInput['meta'], now: number): string => {
  const from = lifecycle.started;
  const to = lifecycle.resolved ?? lifecycle.mitigated ?? now;
  if (from === undefined || to < from) return '';
  return `Impact lasted from ${utcClock(from)} to ${utcClock(to)} (${spokenDuration(to - from)}).`;
};

/**
 * A stakeholder update in plain language, filled from the incident: what is
 * affected and for whom, what is being done, and when the next update comes.
 * The person posting edits it before it goes out.
 */
export const draftUpdate = (input: DraftInput): string => {
  const { meta, status, now } = input;
  const title = meta.title.trim();
  const body: Record<UpdateTemplateStatus, string[]> = {
    investigating: [`We are investigating an issue: ${sentence(title)}`, affected(input), 'We are working to find the cause and restore service.', nextLine(input)],
    identified: [`We have identified the cause of the issue: ${sentence(title)}`, affected(input), 'We are working on a fix.', nextLine(input)],
    monitoring: [`A fix has been applied, and we are monitoring the results. Issue: ${sentence(title)}`, affected(input), nextLine(input)],
    resolved: [`The issue is resolved: ${sentence(title)}`, impactWindow(meta, now), 'A postmortem will follow.'],
  };
  const text = body[status].filter((line) => line !== '').join(' ');
  // A drill update must never be mistaken for a real one if it leaks out of the room.
  return meta.drill ? `[DRILL] ${text}` : text;
};
