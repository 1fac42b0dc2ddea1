import { useEffect, useMemo } from 'react';
import type * as Y from 'yjs';
import { readUpdates } from '@shared/schema/read-model';
import { dueNudge, lastUpdateOf, nextUpdateDue, type UpdateDue } from '@shared/domain/updates/update-cadence';
import type { IncidentMeta, StakeholderUpdate } from '@shared/schema/types';
import { useTypeVersion } from '../../data/use-incident';
import { useAppStore } from '../../store/app-store';
import { platform } from '../../platform';

export const useUpdates = (doc: Y.Doc): StakeholderUpdate[] => {
  const v = useTypeVersion(doc, 'updates');
  return useMemo(() => (void v, readUpdates(doc)), [doc, v]);
};

export const useUpdateDue = (meta: IncidentMeta, updates: readonly StakeholderUpdate[]): UpdateDue =>
  useMemo(
    () => nextUpdateDue({ severity: meta.severity, status: meta.status, declaredAt: meta.lifecycle.declared, lastUpdate: lastUpdateOf(updates) }),
    [meta.severity, meta.status, meta.lifecycle.declared, updates],
  );

/**
 * Nudge once per due time: a desktop notification (platform.notify) and a
 * notice in the window, since a browser may refuse notifications.
 */
export const useUpdateNudge = (meta: IncidentMeta, due: UpdateDue, now: number): void => {
  const nudge = dueNudge(due, now, meta.status);
  const key = nudge?.key ?? null;
  const already = useAppStore((s) => s.updateNudges[meta.id]);
  const markUpdateNudged = useAppStore((s) => s.markUpdateNudged);
  const pushNotice = useAppStore((s) => s.pushNotice);
  const message = nudge?.message;
  useEffect(() => {
    if (key === null || key === already || !message) return;
    markUpdateNudged(meta.id, key);
    pushNotice('info', `${meta.title}: ${message}`);
    // A refused or unsupported notification must not break the war room.
    platform.notify({ title: `Update due: ${meta.title}`.slice(0, 200), body: message }).catch(() => undefined);
  }, [key, already, message, meta.id, meta.title, markUpdateNudged, pushNotice]);
};
