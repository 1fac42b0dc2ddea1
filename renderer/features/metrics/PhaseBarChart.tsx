import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PhaseSegment } from '@shared/metrics/phases';
import { PHASE_COLOR, fmtMs } from './format';

/** The measured phases as one stacked bar; loaded on demand with recharts. */
/**
 * Every phase is always a Bar, in the fixed phase order, with 0 when it is not
 * measured: recharts keeps the stacking order of the Bars it first saw, so a
 * Bar added later in the middle was drawn last, until the page was reloaded.
 */
const PhaseBarChart = ({ segments }: { segments: PhaseSegment[] }) => {
  const row: Record<string, number | string> = { name: 'phases' };
  for (const s of segments) row[s.id] = s.ms ?? 0;
  return (
    <ResponsiveContainer width="100%" height={48}>
      <BarChart layout="vertical" data={[row]} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <XAxis type="number" hide domain={[0, 'dataMax']} />
        <YAxis type="category" dataKey="name" hide />
        <Tooltip
          formatter={(v) => fmtMs(Number(v))}
          cursor={false}
          itemStyle={{ color: 'var(--text)' }}
          contentStyle={{ background: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--text)' }}
        />
        {segments.map((s) => (
          <Bar
            key={s.id}
            dataKey={s.id}
            name={s.ongoing ? `${s.label} (so far)` : s.label}
            stackId="phases"
            fill={PHASE_COLOR[s.id]}
            fillOpacity={s.ongoing ? 0.45 : 1}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
};

export default PhaseBarChart;
