import { useAppStore } from '../../store/app-store';

/** From the incident list to the metrics across incidents. */
export const MetricsLink = () => {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button type="button" onClick={() => navigate({ name: 'metrics' })}>
      Metrics across incidents
    </button>
  );
};
