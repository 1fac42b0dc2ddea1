export { PresenceBar } from './PresenceBar';
export { WarRoomPresence } from './WarRoomPresence';
export type { Me } from './use-presence';
