import { METRIC_NAMES, METRIC_SPANS, type MetricName, type Spread } from '@shared/metrics/metrics';
import { fmtMs } from './format';

/** Every metric over the counted incidents, with its spread: the mean alone hides the long tail. */
export const SpreadTable = ({ spreads }: { spreads: Record<MetricName, Spread | null> }) => (
  <table className="data-table" data-testid="spread-table">
    <caption>Response times over all counted incidents</caption>
    <thead>
      <tr>
        <th scope="col">Metric</th>
        <th scope="col">Incidents measured</th>
        <th scope="col">Mean</th>
        <th scope="col">Median</th>
        <th scope="col">90th percentile</th>
        <th scope="col">Shortest – longest</th>
      </tr>
    </thead>
    <tbody>
      {METRIC_NAMES.map((n) => {
        const s = spreads[n];
        return (
          <tr key={n} data-metric={n}>
            <th scope="row">
              {METRIC_SPANS[n].average} <span className="dim">({METRIC_SPANS[n].label.toLowerCase()})</span>
            </th>
            <td>{s?.count ?? 0}</td>
            <td>{fmtMs(s?.mean)}</td>
            <td>{fmtMs(s?.median)}</td>
            <td>{fmtMs(s?.p90)}</td>
            <td>{s ? `${fmtMs(s.min)} – ${fmtMs(s.max)}` : '—'}</td>
          </tr>
        );
      })}
    </tbody>
  </table>
);
