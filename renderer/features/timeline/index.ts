export { Timeline } from './Timeline';
export { AUTHORED_KIND_INFO } from './entry-kinds';
