/** Host a room on the LAN (side pane of the war room) and find rooms others host (incident list). */
export { LanHostPane } from './LanHostPane';
export { LanRooms } from './LanRooms';
