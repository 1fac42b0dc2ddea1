import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { WeekBucket } from '@shared/metrics/weekly';
import { SEVERITIES } from '@shared/schema/types';
import { SEVERITY_COLOR, fmtMs } from './format';

const AXIS = { stroke: '#8b95a7', fontSize: 11 };
/** The tooltip is HTML, so it can follow the theme's variables. */
const TOOLTIP = {
  contentStyle: { background: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' },
  labelStyle: { color: 'var(--text)', fontWeight: 600 },
  // Series colours (SEV1 red on white) fail contrast as text; the legend carries the colour.
  itemStyle: { color: 'var(--text)' },
  cursor: { fill: '#8b95a722' },
};

export const SeverityChart = ({ weeks }: { weeks: WeekBucket[] }) => (
  <ResponsiveContainer width="100%" height={220}>
    <BarChart data={weeks.map((w) => ({ week: w.week, ...w.counts }))} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="3 3" stroke="#8b95a733" />
      <XAxis dataKey="week" tick={AXIS} />
      <YAxis allowDecimals={false} tick={AXIS} width={32} />
      <Tooltip {...TOOLTIP} />
      <Legend />
      {SEVERITIES.map((s) => (
        <Bar key={s} dataKey={s} stackId="sev" fill={SEVERITY_COLOR[s]} isAnimationActive={false} />
      ))}
    </BarChart>
  </ResponsiveContainer>
);

/** Mean and median side by side: one long incident pulls the mean, the median shows the typical one. */
export const TrendChart = ({ weeks, metric, color }: { weeks: WeekBucket[]; metric: 'tta' | 'ttr'; color: string }) => (
  <ResponsiveContainer width="100%" height={200}>
    <LineChart
      data={weeks.map((w) => ({ week: w.week, mean: w[metric]?.mean ?? null, median: w[metric]?.median ?? null }))}
      accessibilityLayer={false}
    >
      <CartesianGrid strokeDasharray="3 3" stroke="#8b95a733" />
      <XAxis dataKey="week" tick={AXIS} />
      <YAxis tickFormatter={(v: number) => fmtMs(v)} tick={AXIS} width={64} />
      <Tooltip {...TOOLTIP} cursor={{ stroke: '#8b95a7' }} formatter={(v) => fmtMs(Number(v))} />
      <Legend />
      <Line type="monotone" dataKey="mean" name="Mean" stroke={color} strokeWidth={2} dot isAnimationActive={false} />
      <Line type="monotone" dataKey="median" name="Median" stroke={color} strokeDasharray="5 4" dot isAnimationActive={false} />
    </LineChart>
  </ResponsiveContainer>
);

const WeeklyCharts = ({ weeks, chart }: { weeks: WeekBucket[]; chart: 'severity' | 'tta' | 'ttr' }) =>
  chart === 'severity' ? (
    <SeverityChart weeks={weeks} />
  ) : (
    <TrendChart weeks={weeks} metric={chart} color={chart === 'tta' ? '#f5c542' : '#3ecf8e'} />
  );

export default WeeklyCharts;
