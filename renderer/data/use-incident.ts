import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { typeVersionStore, type WatchedType } from './type-version';
import type * as Y from 'yjs';
import { readMeta, readRoles } from '@shared/schema/read-model';
import { timelineProjectionOf } from '@shared/domain/timeline/timeline-projection';
import type { SaveState } from '@shared/storage/doc-persistence';
import { useServices } from './services';
import type { IncidentHandle } from './incident-registry';

export type HandleState =
  | { status: 'loading' }
  | { status: 'ready'; handle: IncidentHandle }
  | { status: 'error'; message: string };

export const useIncidentHandle = (incidentId: string): HandleState => {
  const { registry } = useServices();
  const [result, setResult] = useState<{ id: string; state: HandleState } | null>(null);
  useEffect(() => {
    let live = true;
    registry.open(incidentId).then(
      (handle) => live && setResult({ id: incidentId, state: { status: 'ready', handle } }),
      (e: unknown) =>
        live && setResult({ id: incidentId, state: { status: 'error', message: e instanceof Error ? e.message : String(e) } }),
    );
    return () => {
      live = false;
    };
  }, [registry, incidentId]);
  return result?.id === incidentId ? result.state : { status: 'loading' };
};

/** A counter that moves on every change, local or remote, inside one top-level type. */
export const useTypeVersion = (doc: Y.Doc, name: WatchedType): number => {
  const store = typeVersionStore(doc, name);
  return useSyncExternalStore(store.subscribe, store.get);
};

export const useMeta = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'meta');
  return useMemo(() => (void v, readMeta(doc)), [doc, v]);
};

/** The sorted timeline; unchanged entries keep their identity between renders. */
export const useTimeline = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'timeline');
  return useMemo(() => (void v, timelineProjectionOf(doc).entries()), [doc, v]);
};

export const useRoles = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'roles');
  return useMemo(() => (void v, readRoles(doc)), [doc, v]);
};

export const useSaveState = (handle: IncidentHandle): SaveState =>
  useSyncExternalStore(
    (l) => handle.persistence.onSaveState(l),
    () => handle.persistence.saveState,
  );
