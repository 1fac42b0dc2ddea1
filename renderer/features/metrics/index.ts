export { MetricsPane } from './MetricsPane';
export { MetricsPage } from './MetricsPage';
export { MetricsLink } from './MetricsLink';
