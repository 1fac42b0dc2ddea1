export { DeclareDialog } from './DeclareDialog';
