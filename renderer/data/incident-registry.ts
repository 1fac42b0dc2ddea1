import type * as Y from 'yjs';
import { createIncidentDoc } from '@shared/schema/incident-doc';
import { DocPersistence, type UnsavedBackup } from '@shared/storage/doc-persistence';
import type { WarroomDb } from '@shared/storage/database';
import { afterPaint } from '../platform/after-paint';

export interface IncidentHandle {
  id: string;
  doc: Y.Doc;
  persistence: DocPersistence;
}

/**
 * One live Y.Doc per incident for the whole window, loaded from IndexedDB once.
 * Every view of an incident shares it, so there is exactly one persistence path.
 */
export class IncidentRegistry {
  private opening = new Map<string, Promise<IncidentHandle>>();
  private loaded: IncidentHandle[] = [];
  private openedListeners = new Set<(h: IncidentHandle) => void>();

  constructor(
    private readonly db: WarroomDb,
    private readonly backup?: UnsavedBackup,
  ) {}

  /** Every incident open in this window, with what it holds in memory. */
  openHandles(): readonly IncidentHandle[] {
    return this.loaded;
  }

  /** Called once per incident, after its stored state is loaded (sync attaches here). */
  onOpened(fn: (h: IncidentHandle) => void): () => void {
    this.openedListeners.add(fn);
    return () => this.openedListeners.delete(fn);
  }

  open(id: string): Promise<IncidentHandle> {
    let handle = this.opening.get(id);
    if (!handle) {
      handle = (async () => {
        const doc = createIncidentDoc(id);
        const persistence = await DocPersistence.open(this.db, doc, { defer: afterPaint, backup: this.backup });
        const h = { id, doc, persistence };
        this.loaded.push(h);
        for (const l of this.openedListeners) l(h);
        return h;
      })();
      // A failed open must not stick: the next attempt tries again.
      handle.catch(() => this.opening.delete(id));
      this.opening.set(id, handle);
    }
    return handle;
  }

  /**
   * Forget an open incident: write what is still queued, stop persisting and
   * drop its Y.Doc. The next open() loads it from disk afresh (or finds
   * nothing, once it is deleted). Sync must be stopped first.
   */
  async close(id: string): Promise<void> {
    const opening = this.opening.get(id);
    if (!opening) return;
    this.opening.delete(id);
    const h = await opening.catch(() => null);
    if (!h) return;
    this.loaded = this.loaded.filter((x) => x !== h);
    await h.persistence.destroy();
    h.doc.destroy();
  }

  /** Updates not yet on disk across every open incident; synchronous for `beforeunload`. */
  unsavedCount(): number {
    return this.loaded.reduce((n, h) => n + h.persistence.unsavedCount, 0);
  }
}
