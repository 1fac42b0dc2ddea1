export { PresenceBar } from './PresenceBar';
export type { Me } from './use-presence';
