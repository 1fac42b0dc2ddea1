import { Suspense, lazy, useMemo } from 'react';
import { METRIC_NAMES, METRIC_SPANS, describeSpan, incidentMetrics } from '@shared/metrics/metrics';
import { phaseSegments } from '@shared/metrics/phases';
import type { IncidentHandle } from '../../data/incident-registry';
import { useMeta } from '../../data/use-incident';
import { useNow } from '../../data/use-now';
import { MILESTONE_LABEL } from '../lifecycle';
import { PeriodList } from '../periods';
import { PHASE_COLOR, fmtMs } from './format';
import './metrics.css';

// recharts stays out of the main bundle: it loads when a chart is first shown.
const PhaseBarChart = lazy(() => import('./PhaseBarChart'));

/** One incident's response, phase by phase, from its lifecycle times. */
export const MetricsPane = ({ handle }: { handle: IncidentHandle }) => {
  const meta = useMeta(handle.doc);
  const now = useNow(1000);
  const lifecycle = meta?.lifecycle;
  const segments = useMemo(() => (lifecycle ? phaseSegments(lifecycle, now) : []), [lifecycle, now]);
  const spans = useMemo(() => (lifecycle ? incidentMetrics(lifecycle) : null), [lifecycle]);
  if (!meta || !spans) return null;
  const measured = segments.some((s) => s.ms !== null);
  return (
    <section className="metrics-pane" aria-labelledby="phase-heading">
      <h2 id="phase-heading">Response phases</h2>
      {meta.drill && <p className="dim">This is a drill: it is left out of the metrics across incidents.</p>}
      <div className="phase-bar" role="img" aria-label="Phase bar: the durations are listed below" data-testid="phase-bar">
        {measured ? (
          <Suspense fallback={<div className="chart-loading">Loading chart…</div>}>
            <PhaseBarChart segments={segments} />
          </Suspense>
        ) : (
          <p className="dim">No phase can be measured yet: set the lifecycle times above.</p>
        )}
      </div>
      <ol className="phase-list">
        {segments.map((s) => (
          <li key={s.id} data-testid={`phase-${s.id}`} data-ms={s.ms ?? ''}>
            <span className="swatch" style={{ background: PHASE_COLOR[s.id] }} aria-hidden="true" />
            <span className="phase-name">{s.label}</span>
            <span className="phase-span dim">
              {s.from ? `${MILESTONE_LABEL[s.from]} → ${MILESTONE_LABEL[s.to]}` : `→ ${MILESTONE_LABEL[s.to]}`}
            </span>
            <span className="phase-value">
              {fmtMs(s.ms)}
              {s.ongoing && ' so far'}
            </span>
          </li>
        ))}
      </ol>
      <table className="data-table">
        <caption>Response figures, each from one milestone to another</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">From → to</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {METRIC_NAMES.map((n) => (
            <tr key={n} data-testid={`metric-${n}`}>
              <th scope="row">{METRIC_SPANS[n].label}</th>
              <td>
                {describeSpan(n)}
              </td>
              <td>{fmtMs(spans[n])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PeriodList handle={handle} />
    </section>
  );
};
