export { IncidentFileActions } from './IncidentFileActions';
export { useArchivedIds } from './use-archived';
