import type { WeekBucket } from '@shared/metrics/weekly';
import { SEVERITIES } from '@shared/schema/types';
import { fmtMs } from './format';

/** Weeks that had incidents, newest first: the charts' numbers, readable and searchable. */
const withIncidents = (weeks: WeekBucket[]) => weeks.filter((w) => w.total > 0).reverse();

const mondayOf = (w: WeekBucket) => new Date(w.weekStart).toISOString().slice(0, 10);

export const SeverityTable = ({ weeks }: { weeks: WeekBucket[] }) => (
  <table className="data-table" data-testid="severity-table">
    <caption>Incidents per week by severity</caption>
    <thead>
      <tr>
        <th scope="col">Week</th>
        {SEVERITIES.map((s) => (
          <th key={s} scope="col">
            {s}
          </th>
        ))}
        <th scope="col">Total</th>
      </tr>
    </thead>
    <tbody>
      {withIncidents(weeks).map((w) => (
        <tr key={w.week} data-week={w.week}>
          <th scope="row">
            {w.week} <span className="dim">from {mondayOf(w)}</span>
          </th>
          {SEVERITIES.map((s) => (
            <td key={s} data-severity={s}>
              {w.counts[s]}
            </td>
          ))}
          <td data-testid="week-total">{w.total}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

export const TrendTable = ({ weeks }: { weeks: WeekBucket[] }) => (
  <table className="data-table" data-testid="trend-table">
    <caption>Time to acknowledge and to resolve per week</caption>
    <thead>
      <tr>
        <th scope="col">Week</th>
        <th scope="col">Incidents</th>
        <th scope="col">MTTA mean</th>
        <th scope="col">MTTA median</th>
        <th scope="col">MTTR mean</th>
        <th scope="col">MTTR median</th>
      </tr>
    </thead>
    <tbody>
      {withIncidents(weeks).map((w) => (
        <tr key={w.week} data-week={w.week}>
          <th scope="row">{w.week}</th>
          <td>{w.total}</td>
          <td>{fmtMs(w.tta?.mean)}</td>
          <td>{fmtMs(w.tta?.median)}</td>
          <td>{fmtMs(w.ttr?.mean)}</td>
          <td>{fmtMs(w.ttr?.median)}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
