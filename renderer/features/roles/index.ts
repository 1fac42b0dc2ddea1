export { RolesPane } from './RolesPane';
export { PersonInput } from './PersonInput';
export { PersonForm } from './PersonForm';
export { usePeople } from './use-people';
export { CommanderChip } from './CommanderChip';
