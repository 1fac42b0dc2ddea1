export { UpdatesPane } from './UpdatesPane';
