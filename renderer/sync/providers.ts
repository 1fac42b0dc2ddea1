/*
 * The providers (y-webrtc with simple-peer, Hocuspocus) and what they pull in,
 * behind one dynamic import: a first screen (the incident list, an incident
 * nobody shares) does not need them, so they are a chunk of their own, loaded
 * when the first shared incident starts syncing.
 */
export { WebrtcSession } from './webrtc-session';
export { RelaySession } from './relay-session';
