import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PhaseSegment } from '@shared/metrics/phases';
import { PHASE_COLOR, fmtMs } from './format';

/** The measured phases as one stacked bar; loaded on demand with recharts. */
const PhaseBarChart = ({ segments }: { segments: PhaseSegment[] }) => {
  const known = segments.filter((s) => s.ms !== null);
  const row: Record<string, number | string> = { name: 'phases' };
  for (const s of known) row[s.id] = s.ms!;
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
        {known.map((s) => (
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
