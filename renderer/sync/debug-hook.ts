import Dexie from 'dexie';
import * as Y from 'yjs';
import { TOP_LEVEL_NAMES, TOP_LEVEL_TYPES, timelineOf } from '@shared/schema/incident-doc';
import { addEntry } from '@shared/domain/timeline/timeline-ops';
import { addStep, checkStep } from '@shared/domain/runbook/runbook-ops';
import { declareIncident } from '@shared/domain/incident/incident-ops';
import { systemContext } from '@shared/core/context';
import { LOCAL_ORIGIN } from '@shared/core/origins';
import { actorOf, loadOrCreateProfile } from '@shared/storage/profile';
import type { WarroomDb } from '@shared/storage/database';
import type { IncidentRegistry } from '../data/incident-registry';
import { preciseNow } from './peer-channel';
import type { SyncManager } from './sync-manager';
import type { SyncStats } from './incident-sync';

/**
 * `window.__warroomSync`: a read-only view of sync for end-to-end tests and the
 * benchmark (documented in the README, "Sync debug hook"). Nothing here writes.
 *
 * `window.__warroomTest` (only with `?testhooks=1` in the address): writes that
 * go through the real domain operations and the real doc, for tests that need
 * more data than a person would type (the 10,000-entry incident).
 */
export interface SyncDebugHook {
  ids(): string[];
  stats(incidentId: string): SyncStats | null;
  /** The document's content as plain JSON, per top-level type, plus its state vector. */
  content(incidentId: string): unknown;
  /** Number of timeline entries (cheap, unlike content()). */
  timelineLength(incidentId: string): number;
  /** Resolves with the (sub-ms, epoch) time at which an entry with this text is in the doc. */
  entryArrival(incidentId: string, text: string): Promise<number>;
}

/** Every top-level type of the registry as JSON (the postmortem as its XML string), plus the state vector. */
const docContent = (doc: Y.Doc) => ({
  ...Object.fromEntries(
    TOP_LEVEL_NAMES.map((n) => {
      const type = TOP_LEVEL_TYPES[n](doc);
      return [n, type instanceof Y.XmlFragment ? type.toString() : type.toJSON()];
    }),
  ),
  stateVector: Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort(([a], [b]) => a - b)),
});

const hasEntry = (doc: Y.Doc, text: string): boolean => timelineOf(doc).toArray().some((m) => m instanceof Y.Map && m.get('text') === text);

export const installSyncDebugHook = (sync: SyncManager, registry: IncidentRegistry, db: WarroomDb): void => {
  const hook: SyncDebugHook = {
    ids: () => sync.ids(),
    stats: (id) => sync.stats(id),
    content: (id) => {
      const h = sync.handleOf(id);
      return h ? docContent(h.doc) : null;
    },
    timelineLength: (id) => {
      const h = sync.handleOf(id);
      return h ? timelineOf(h.doc).length : -1;
    },
    entryArrival: async (id, text) => {
      const { doc } = await registry.open(id);
      if (hasEntry(doc, text)) return preciseNow();
      return new Promise<number>((resolve) => {
        const check = () => {
          if (!hasEntry(doc, text)) return;
          doc.off('afterTransaction', check);
          resolve(preciseNow());
        };
        doc.on('afterTransaction', check);
      });
    },
  };
  Object.defineProperty(window, '__warroomSync', { value: Object.freeze(hook), configurable: true });

  if (new URLSearchParams(window.location.search).get('testhooks') !== '1') return;
  const ctx = async () => systemContext(actorOf(await loadOrCreateProfile(db)));
  const test = {
    /** Add `count` authored entries in transactions of 500; resolves once all are on disk. */
    addEntries: async (id: string, count: number, prefix = 'Generated entry'): Promise<number> => {
      const h = await registry.open(id);
      const c = await ctx();
      for (let start = 0; start < count; start += 500) {
        h.doc.transact(() => {
          for (let i = start; i < Math.min(count, start + 500); i += 1) addEntry(h.doc, c, { kind: 'note', text: `${prefix} ${i}` });
        }, LOCAL_ORIGIN);
        await h.persistence.whenSaved();
      }
      return timelineOf(h.doc).length;
    },
    /**
     * Add one entry and return the precise time taken just before its transaction:
     * the send time for the latency benchmark. Context and handle are resolved first
     * so that no IndexedDB read is inside the measured span.
     */
    addEntry: async (id: string, text: string): Promise<number> => {
      const h = await registry.open(id);
      const c = await ctx();
      const t0 = preciseNow();
      addEntry(h.doc, c, { kind: 'note', text });
      return t0;
    },
    /** Fold the incident's stored rows into one (what background compaction does); resolves once committed. */
    compact: async (id: string): Promise<void> => {
      const h = await registry.open(id);
      await h.persistence.whenSaved();
      await h.persistence.compact();
    },
    /** Bytes of the incident's stored update rows, and the length of its state encoded afresh: the stored ratio. */
    storedBytes: async (id: string): Promise<{ stored: number; encoded: number; rows: number }> => {
      const h = await registry.open(id);
      const rows = await db.docUpdates.where('[incidentId+seq]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray();
      return { stored: rows.reduce((n, r) => n + r.update.byteLength, 0), encoded: Y.encodeStateAsUpdate(h.doc).byteLength, rows: rows.length };
    },
    /** ms for a bare Y.applyUpdate of this incident's whole state into a fresh Y.Doc, in this page: the open benchmark's baseline. */
    bareApply: async (id: string): Promise<number> => {
      const h = await registry.open(id);
      const update = Y.encodeStateAsUpdate(h.doc);
      const t0 = performance.now();
      Y.applyUpdate(new Y.Doc(), update);
      return performance.now() - t0;
    },
    /**
     * Declare `count` incidents (`bench-0`…), the first `big` of them with `entries`
     * entries each, written through the domain operations and the persistence
     * like typed ones, each closed once on disk: the incident-list benchmark.
     */
    seedIncidents: async (count: number, big: number, entries: number): Promise<void> => {
      const c = await ctx();
      for (let i = 0; i < count; i++) {
        const id = `bench-${i}`;
        const h = await registry.open(id);
        declareIncident(h.doc, c, { title: `Bench incident ${i}`, severity: 'SEV3' });
        for (let start = 0; i < big && start < entries; start += 500) {
          h.doc.transact(() => {
            for (let j = start; j < Math.min(entries, start + 500); j++) addEntry(h.doc, c, { kind: 'note', text: `incident ${i} entry ${j} word${j % 300}` });
          }, LOCAL_ORIGIN);
        }
        await h.persistence.whenSaved();
        await registry.close(id);
      }
    },
    whenSaved: async (id: string): Promise<void> => {
      const h = await registry.open(id);
      await h.persistence.whenSaved();
    },
    addStep: async (id: string, title: string): Promise<string> => {
      const h = await registry.open(id);
      const stepId = addStep(h.doc, await ctx(), { title });
      await h.persistence.whenSaved();
      return stepId;
    },
    checkStep: async (id: string, stepId: string): Promise<void> => {
      const h = await registry.open(id);
      checkStep(h.doc, await ctx(), stepId);
      await h.persistence.whenSaved();
    },
  };
  Object.defineProperty(window, '__warroomTest', { value: Object.freeze(test), configurable: true });
};
