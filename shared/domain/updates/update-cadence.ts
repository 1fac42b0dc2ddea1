import type { Severity, StakeholderUpdate, Status } from '../../schema/types';

const MINUTE = 60_000;

/** How often stakeholders hear from us, per severity (DOMAIN.md): an interval, on status change, or never. */
export type Cadence = number | 'on_change' | 'none';

export const DEFAULT_CADENCE: Readonly<Record<Severity, Cadence>> = {
  SEV1: 20 * MINUTE,
  SEV2: 30 * MINUTE,
  SEV3: 60 * MINUTE,
  SEV4: 'on_change',
  SEV5: 'none',
};

export type UpdateDue =
  /** An update is due at `dueAt`, counted from the last update (or from the declaration before the first). */
  | { kind: 'scheduled'; dueAt: number; everyMs: number; from: 'declared' | 'last_update'; statusChanged: boolean }
  /** Updates go out when the status changes; `pending` when it has changed since the last one (or none was posted). */
  | { kind: 'on_change'; pending: boolean; lastPostedAt: number | null }
  | { kind: 'none'; reason: 'severity' | 'finished' | 'no_baseline' };

export interface CadenceInput {
  severity: Severity;
  status: Status;
  declaredAt: number | undefined;
  /** The most recent update, if any. */
  lastUpdate: Pick<StakeholderUpdate, 'postedAt' | 'status'> | null;
  cadence?: Readonly<Record<Severity, Cadence>>;
}

const isOver = (s: Status) => s === 'resolved' || s === 'closed';

/** When the next stakeholder update is due. Pure: the caller compares with its clock. */
export const nextUpdateDue = ({ severity, status, declaredAt, lastUpdate, cadence = DEFAULT_CADENCE }: CadenceInput): UpdateDue => {
  const every = cadence[severity];
  if (every === 'none') return { kind: 'none', reason: 'severity' };
  // Once the incident is over and stakeholders were told so, nothing more is owed.
  if (isOver(status) && lastUpdate && isOver(lastUpdate.status)) return { kind: 'none', reason: 'finished' };
  const statusChanged = lastUpdate === null || lastUpdate.status !== status;
  if (every === 'on_change') return { kind: 'on_change', pending: statusChanged, lastPostedAt: lastUpdate?.postedAt ?? null };
  const base = lastUpdate?.postedAt ?? declaredAt;
  if (base === undefined) return { kind: 'none', reason: 'no_baseline' };
  return { kind: 'scheduled', dueAt: base + every, everyMs: every, from: lastUpdate ? 'last_update' : 'declared', statusChanged };
};

/** The latest update by posting time (ties: the later one in the list). */
export const lastUpdateOf = <T extends Pick<StakeholderUpdate, 'postedAt'>>(updates: readonly T[]): T | null =>
  updates.reduce<T | null>((best, u) => (best === null || u.postedAt >= best.postedAt ? u : best), null);

/** When the update after one posted at `postedAt` will be due, for the "next update by" line. */
export const dueAfterPosting = (severity: Severity, postedAt: number, cadence = DEFAULT_CADENCE): number | 'on_change' | 'none' => {
  const every = cadence[severity];
  return typeof every === 'number' ? postedAt + every : every;
};

/**
 * Whether to nudge now, and the key of this particular due moment: the caller
 * notifies once per key, so one overdue update is one notification.
 */
export const dueNudge = (due: UpdateDue, now: number, status: Status): { key: string; message: string } | null => {
  if (due.kind === 'scheduled' && now >= due.dueAt) {
    return { key: `at:${due.dueAt}`, message: `A stakeholder update is due (every ${Math.round(due.everyMs / MINUTE)} min).` };
  }
  if (due.kind === 'on_change' && due.pending) {
    return { key: `status:${status}:${due.lastPostedAt ?? 'none'}`, message: `The status is now ${status}: a stakeholder update is due.` };
  }
  return null;
};

/** "12:05", "1:02:03"; the absolute value, the caller says whether it is overdue. */
export const formatCountdown = (ms: number): string => {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};
