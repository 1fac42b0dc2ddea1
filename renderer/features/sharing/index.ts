export { SharingControls } from './SharingControls';
export { ConnectionStatus } from './ConnectionStatus';
export { JoinWithInvite } from './JoinWithInvite';
export { SyncPresence } from './SyncPresence';
export { ShareWithdrawnBanner } from './WithdrawnNotice';
