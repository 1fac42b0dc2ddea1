import { useAppStore } from '../../store/app-store';

/**
 * `inline`: in the war room, under the incident bar and in the flow, so a notice
 * never covers the entry box; elsewhere the notices float in a corner. Only one
 * of the two renders at a time (App leaves the floating one out in a war room).
 */
export const NoticeBar = ({ inline = false }: { inline?: boolean }) => {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className={`notices${inline ? ' inline' : ''}`} aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid="notice">
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
};
