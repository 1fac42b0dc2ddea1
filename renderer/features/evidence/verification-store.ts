import type * as Y from 'yjs';
import { checkSignatures, verifyTimeline, type SignatureCache, type VerificationReport } from '@shared/evidence/verify';
import { evidenceProjectionOf } from '@shared/evidence/evidence-projection';
import { timelineProjectionOf } from '@shared/domain/timeline/timeline-projection';

/*
 * Checking signatures on request, not on open: one check costs about a
 * millisecond, so a 10,000-entry incident takes seconds of CPU, which the
 * first screen and the scribe's typing must never wait for. Once asked, the
 * check follows the document: each new statement is checked once (the cache),
 * in batches that yield to the page, and the report is rebuilt.
 */

export interface VerificationState {
  report: VerificationReport | null;
  running: boolean;
}

interface Entry {
  state: VerificationState;
  listeners: Set<() => void>;
  cache: SignatureCache;
  following: boolean;
  pending: boolean;
}

const byDoc = new WeakMap<Y.Doc, Entry>();
/** The verdicts of the incident on screen, by entry id (ids are random, so incidents never collide). */
let current: VerificationReport | null = null;
const rowListeners = new Set<() => void>();

const entryOf = (doc: Y.Doc): Entry => {
  let e = byDoc.get(doc);
  if (!e) byDoc.set(doc, (e = { state: { report: null, running: false }, listeners: new Set(), cache: new Map(), following: false, pending: false }));
  return e;
};

const set = (doc: Y.Doc, e: Entry, state: VerificationState) => {
  e.state = state;
  if (state.report) {
    current = state.report;
    for (const l of rowListeners) l();
  }
  for (const l of e.listeners) l();
};

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const run = async (doc: Y.Doc, describeTime: (t: number) => string): Promise<void> => {
  const e = entryOf(doc);
  if (e.state.running) {
    e.pending = true;
    return;
  }
  set(doc, e, { ...e.state, running: true });
  try {
    do {
      e.pending = false;
      const records = [...evidenceProjectionOf(doc).records];
      await checkSignatures(records, e.cache, pause);
      const report = verifyTimeline(timelineProjectionOf(doc).entries(), records, { cache: e.cache, describeTime });
      set(doc, e, { report, running: e.pending });
    } while (e.pending);
  } finally {
    if (e.state.running) set(doc, e, { ...e.state, running: false });
  }
};

export const verification = {
  get: (doc: Y.Doc): VerificationState => entryOf(doc).state,
  subscribe: (doc: Y.Doc, listener: () => void): (() => void) => {
    const e = entryOf(doc);
    e.listeners.add(listener);
    return () => e.listeners.delete(listener);
  },
  /** Check now, and again (debounced) after every later change to the timeline or its statements. */
  start: (doc: Y.Doc, describeTime: (t: number) => string): Promise<void> => {
    const e = entryOf(doc);
    if (!e.following) {
      e.following = true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      doc.on('afterTransaction', (tr: Y.Transaction) => {
        if (tr.changed.size === 0) return;
        clearTimeout(timer);
        timer = setTimeout(() => void run(doc, describeTime), 1_000);
      });
    }
    return run(doc, describeTime);
  },
  /** Every statement's signature checked (in batches that yield), for an export to verify against without blocking the page. */
  checked: async (doc: Y.Doc): Promise<SignatureCache> => {
    const e = entryOf(doc);
    await checkSignatures([...evidenceProjectionOf(doc).records], e.cache, pause);
    return e.cache;
  },
  /** The verdict on one entry of the incident last checked, or undefined. */
  verdictOf: (entryId: string) => current?.entries.get(entryId),
  subscribeRows: (listener: () => void): (() => void) => {
    rowListeners.add(listener);
    return () => rowListeners.delete(listener);
  },
};
