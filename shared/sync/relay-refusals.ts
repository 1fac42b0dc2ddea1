/**
 * Why a relay refuses a client, as sent in Hocuspocus's permission-denied
 * message (electron/relay/relay-auth.ts). All are final for that token and
 * document but `relay-unavailable`: the relay's database could not be asked,
 * so the app tries again a little later (renderer/sync/relay-session.ts).
 */
export const RELAY_REFUSALS = ['wrong-secret', 'bad-token', 'unknown-document', 'too-many-documents', 'relay-unavailable'] as const;
export type RelayRefusal = (typeof RELAY_REFUSALS)[number];
export const RELAY_UNAVAILABLE: RelayRefusal = 'relay-unavailable';
