/**
 * Stands in for y-leveldb in the relay bundle. @y/websocket-server imports it
 * at load time, but we persist with FileDocStore, and leveldown's native
 * binding cannot be bundled (and often does not install).
 */
export class LeveldbPersistence {
  constructor() {
    throw new Error('y-leveldb is not bundled; the Warroom relay persists documents with FileDocStore');
  }
}
