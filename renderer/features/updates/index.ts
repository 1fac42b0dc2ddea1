export { UpdatesPane } from './UpdatesPane';
export { UpdateDueChip } from './UpdateDueChip';
