import type { AuthoredEntryKind, EntryKind } from '@shared/schema/types';

export interface KindInfo {
  label: string;
  /** Alt + this key selects the kind in the capture box. */
  key: string;
}

export const AUTHORED_KIND_INFO: Record<AuthoredEntryKind, KindInfo> = {
  observation: { label: 'Observation', key: 'o' },
  action: { label: 'Action', key: 'a' },
  decision: { label: 'Decision', key: 'd' },
  status: { label: 'Status', key: 's' },
  comms: { label: 'Comms', key: 'c' },
  note: { label: 'Note', key: 'n' },
};

export const KIND_LABEL: Record<EntryKind, string> = {
  ...Object.fromEntries(Object.entries(AUTHORED_KIND_INFO).map(([k, v]) => [k, v.label])),
  severity_change: 'Severity',
  status_change: 'Status change',
  role_change: 'Role',
  runbook: 'Runbook',
  lifecycle: 'Lifecycle',
  drill: 'Drill',
  period: 'Period',
} as Record<EntryKind, string>;

export const kindForShortcut = (key: string): AuthoredEntryKind | null => {
  const k = key.toLowerCase();
  const hit = Object.entries(AUTHORED_KIND_INFO).find(([, v]) => v.key === k);
  return hit ? (hit[0] as AuthoredEntryKind) : null;
};
