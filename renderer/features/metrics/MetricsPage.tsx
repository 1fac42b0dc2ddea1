import { Suspense, lazy, useMemo, type ReactNode } from 'react';
import { aggregateMetrics } from '@shared/metrics/metrics';
import { weeklyBuckets, type WeeklyInput } from '@shared/metrics/weekly';
import type { IncidentRow } from '@shared/storage/database';
import { useFilledRows } from '../../data/use-filled-rows';
import { useIncidentRows } from '../../data/use-incident-list';
import { useNow } from '../../data/use-now';
import { useAppStore } from '../../store/app-store';
import { useArchivedIds } from '../incident-admin';
import { SpreadTable } from './SpreadTable';
import { SeverityTable, TrendTable } from './WeeklyTables';
import './metrics.css';

const WeeklyCharts = lazy(() => import('./WeeklyCharts'));

/** A metric counts an incident once both of its milestones are recorded; say which ones are missing. */
const NOT_MEASURED = {
  tta: 'No incident here has both a detected and an acknowledged time yet. Set "detected" in the war room header.',
  ttr: 'No incident here has both a started and a resolved time yet. Set "started" in the war room header.',
};

const toInput = (r: IncidentRow): WeeklyInput => ({
  declaredAt: r.declaredAt,
  severity: r.severity,
  drill: r.drill,
  // Rows not yet filled in still know when they were declared and resolved.
  lifecycle: r.lifecycle ?? { declared: r.declaredAt, ...(r.resolvedAt !== null ? { resolved: r.resolvedAt } : {}) },
});

const Chart = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="chart" role="img" aria-label={`${label}: the numbers are in the table below`}>
    <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>{children}</Suspense>
  </div>
);

/** Metrics across incidents, per ISO week (UTC); drills left out unless asked for. */
export const MetricsPage = () => {
  const includeArchived = useAppStore((s) => s.metricsIncludeArchived);
  const setIncludeArchived = useAppStore((s) => s.setMetricsIncludeArchived);
  const rows = useFilledRows(useIncidentRows(includeArchived), true);
  const archivedCount = useArchivedIds().size;
  const includeDrills = useAppStore((s) => s.metricsIncludeDrills);
  const setIncludeDrills = useAppStore((s) => s.setMetricsIncludeDrills);
  const navigate = useAppStore((s) => s.navigate);
  const now = useNow(3_600_000);
  const inputs = useMemo(() => (rows ?? []).map(toInput), [rows]);
  const report = useMemo(() => weeklyBuckets(inputs, { includeDrills, until: now }), [inputs, includeDrills, now]);
  const spreads = useMemo(() => aggregateMetrics(inputs, { includeDrills }), [inputs, includeDrills]);

  return (
    <main className="page metrics-page">
      <nav className="crumbs" aria-label="Breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ name: 'list' })}>
          ← All incidents
        </button>
      </nav>
      <h1 className="page-title">Metrics across incidents</h1>
      <div className="metrics-controls">
        <label className="inline">
          <input type="checkbox" checked={includeDrills} onChange={(e) => setIncludeDrills(e.target.checked)} /> Include drills
        </label>
        {(archivedCount > 0 || includeArchived) && (
          <label className="inline">
            <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Include archived
          </label>
        )}
        <p className="dim" data-testid="metrics-summary" aria-live="polite">
          {report.counted + report.older} {report.counted + report.older === 1 ? 'incident' : 'incidents'} counted
          {report.drillsLeftOut > 0 && `; ${report.drillsLeftOut} ${report.drillsLeftOut === 1 ? 'drill' : 'drills'} left out`}
          {report.older > 0 && `; ${report.older} older than the charted weeks`}
          {!includeArchived && archivedCount > 0 && `; ${archivedCount} archived ${archivedCount === 1 ? 'incident' : 'incidents'} left out`}. Weeks are ISO weeks in UTC, by declared time.
        </p>
      </div>
      {rows === undefined ? (
        <p className="empty">Loading…</p>
      ) : report.weeks.length === 0 ? (
        <p className="empty">No incidents to measure yet{report.drillsLeftOut > 0 ? ' (only drills, which are left out)' : ''}.</p>
      ) : (
        <>
          <section aria-labelledby="spread-heading">
            <h2 id="spread-heading">Response times</h2>
            <SpreadTable spreads={spreads} />
          </section>
          <section aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">Incidents per week</h2>
            <Chart label="Stacked bars of incidents per week by severity">
              <WeeklyCharts weeks={report.weeks} chart="severity" />
            </Chart>
            <SeverityTable weeks={report.weeks} />
          </section>
          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">Time to acknowledge and to resolve</h2>
            <div className="trend-grid">
              {(['tta', 'ttr'] as const).map((m) => (
                <div key={m}>
                  <h3>{m === 'tta' ? 'Time to acknowledge (MTTA)' : 'Time to resolve (MTTR)'}</h3>
                  {report.weeks.some((w) => w[m] !== null) ? (
                    <Chart label={`${m === 'tta' ? 'MTTA' : 'MTTR'} per week, mean and median`}>
                      <WeeklyCharts weeks={report.weeks} chart={m} />
                    </Chart>
                  ) : (
                    <p className="dim">{NOT_MEASURED[m]}</p>
                  )}
                </div>
              ))}
            </div>
            <TrendTable weeks={report.weeks} />
          </section>
        </>
      )}
    </main>
  );
};
