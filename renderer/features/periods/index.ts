export { PeriodsPane } from './PeriodsPane';
export { PeriodList } from './PeriodList';
