export { RunbookPane } from './RunbookPane';
