export { ImpactPane } from './ImpactPane';
