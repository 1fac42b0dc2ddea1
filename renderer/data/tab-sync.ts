import * as Y from 'yjs';
import { STORAGE_ORIGIN, TAB_ORIGIN } from '@shared/core/origins';

/*
 * Two tabs (or windows) of one browser profile share one database but each
 * holds its own Y.Doc: without this they diverged silently (each saved its
 * own edits; neither saw the other's until a reload) and the list kept a
 * stale title. Every tab of the profile now passes its changes to the others
 * over a BroadcastChannel per incident, and a tab that opens an incident asks
 * the others for what it lacks. Yjs updates are idempotent, so a change that
 * reaches a tab twice (here and through y-webrtc's own BroadcastChannel, for
 * a shared incident) is harmless.
 */

type Message = { kind: 'update'; update: Uint8Array } | { kind: 'want'; stateVector: Uint8Array };

export const syncTabs = (doc: Y.Doc, channelName = `warroom-doc-${doc.guid}`): (() => void) => {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(channelName);
  const post = (m: Message) => {
    try {
      channel.postMessage(m);
    } catch {
      // The channel closed under us (the tab is going away): nothing to do.
    }
  };
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    // A change from another tab is theirs to pass on; one read back from the disk is everyone's already.
    if (origin === TAB_ORIGIN || origin === STORAGE_ORIGIN) return;
    post({ kind: 'update', update });
  };
  channel.onmessage = (event: MessageEvent<Message>) => {
    const m = event.data;
    if (!m || typeof m !== 'object') return;
    try {
      if (m.kind === 'update' && m.update instanceof Uint8Array) Y.applyUpdate(doc, m.update, TAB_ORIGIN);
      else if (m.kind === 'want' && m.stateVector instanceof Uint8Array) {
        const missing = Y.encodeStateAsUpdate(doc, m.stateVector);
        // An empty diff is two bytes: not worth a message.
        if (missing.length > 2) post({ kind: 'update', update: missing });
      }
    } catch {
      // A malformed message from another tab: ignored; the disk still has what it saved.
    }
  };
  doc.on('update', onUpdate);
  post({ kind: 'want', stateVector: Y.encodeStateVector(doc) });
  return () => {
    doc.off('update', onUpdate);
    channel.close();
  };
};
