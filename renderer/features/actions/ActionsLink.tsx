import { useAppStore } from '../../store/app-store';

export const ActionsLink = () => {
  const navigate = useAppStore((s) => s.navigate);
  return (
    <button type="button" onClick={() => navigate({ name: 'actions' })}>
      All action items
    </button>
  );
};
