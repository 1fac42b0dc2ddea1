import type * as Y from 'yjs';

/** The part of a y-webrtc Room this touches (y-webrtc 10.3, src/y-webrtc.js). */
export interface EchoingRoom {
  doc: Y.Doc;
  _docUpdateHandler: (update: Uint8Array, origin: unknown) => void;
}

/**
 * y-webrtc sends on every update the document applies, those from peers too:
 * that flood is what carries an edit across a mesh where not everyone is
 * connected to everyone. But it runs inside the handler of the peer's message,
 * between the update reaching the document and the screen showing it, and on
 * the data channel and an AES-encrypted BroadcastChannel message besides.
 * Updates from peers (origin: the room) are passed on `later` instead (the app
 * passes afterPaint); the flood is kept, and local edits still go out at once.
 *
 * `registered`: whether the room has already put its handler on the document
 * (y-webrtc does when the room connects).
 */
export const deferPeerEchoes = (room: EchoingRoom, registered: boolean, later: (run: () => void) => void = (run) => setTimeout(run, 0)): void => {
  const send = room._docUpdateHandler;
  const deferred = (update: Uint8Array, origin: unknown): void => {
    if (origin === room) later(() => send(update, origin));
    else send(update, origin);
  };
  if (registered) room.doc.off('update', send);
  // y-webrtc reads this property each time it connects or disconnects, so it keeps using the deferred one.
  room._docUpdateHandler = deferred;
  if (registered) room.doc.on('update', deferred);
};
