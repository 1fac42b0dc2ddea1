export { IncidentControls } from './IncidentControls';
export { LifecycleTimes, MILESTONE_LABEL } from './LifecycleTimes';
export { TitleEditor, RENAME_BUTTON_ID } from './TitleEditor';
export { editButtonId } from './LifecycleField';
export { DRILL_SWITCH_ID } from './DrillSwitch';
