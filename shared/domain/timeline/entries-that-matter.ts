import type { EntryKind, TimelineEntry } from '../../schema/types';

/*
 * What a reader who was not there needs from the timeline: the decisions, the
 * actions taken, status and severity changes, shifts, and whatever someone
 * pinned. The handoff brief and the postmortem draft both pick by this rule,
 * never by "the last few", which after a noisy hour is all chatter.
 */

export const KINDS_THAT_MATTER: ReadonlySet<EntryKind> = new Set<EntryKind>(['decision', 'action', 'status_change', 'severity_change', 'period']);

export const entryMatters = (e: TimelineEntry): boolean => e.retracted === null && (e.pinned || KINDS_THAT_MATTER.has(e.kind));

/** The entries that matter, in the order given, optionally only those that happened in [from, to). */
export const entriesThatMatter = (timeline: readonly TimelineEntry[], window: { from?: number; to?: number } = {}): TimelineEntry[] =>
  timeline.filter((e) => entryMatters(e) && (window.from === undefined || e.occurredAt >= window.from) && (window.to === undefined || e.occurredAt < window.to));

/** Entries the system wrote (role changes, runbook changes, lifecycle stamps…): what "hide system entries" hides. */
export const SYSTEM_KINDS_HIDDEN: ReadonlySet<EntryKind> = new Set<EntryKind>(['role_change', 'runbook', 'lifecycle', 'drill']);
