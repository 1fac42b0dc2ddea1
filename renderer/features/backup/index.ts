/** Everything on this device in one file, and back (incident list tools). */
export { BackupControls } from './BackupControls';
