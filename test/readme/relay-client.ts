import type * as Y from 'yjs';
import { createShareSecret, deriveShareKeys, type ShareKeys } from '../../shared/sync/share-keys';
import { providerClient } from '../../electron/relay/testing/relay-clients';

/**
 * A sync client of the relay, as the app's relay session is: Hocuspocus's
 * provider with the document name and token an invite's keys give. Only this
 * file knows the wire protocol, so the check of `npm run relay` stays
 * behavioural if the relay moves to another Yjs server.
 */
export interface RelayClient {
  doc: Y.Doc;
  synced(): boolean;
  close(): void;
}

/** Keys for one room, as an invite would carry. */
export const roomKeys = (): ShareKeys => deriveShareKeys(createShareSecret());

export const connectRelay = (url: string, keys: ShareKeys): RelayClient => {
  const client = providerClient(url, keys);
  return {
    doc: client.doc,
    synced: () => client.provider.isSynced,
    close: () => client.destroy(),
  };
};
