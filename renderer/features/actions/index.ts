export { ActionItems } from './ActionItems';
export { AllActionsPage } from './AllActionsPage';
export { ActionsLink } from './ActionsLink';
