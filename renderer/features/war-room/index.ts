export { WarRoomPage } from './WarRoomPage';
