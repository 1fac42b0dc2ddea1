import type { StakeholderUpdate } from '@shared/schema/types';
import { platform } from '../../platform';
import { useAppStore } from '../../store/app-store';
import { errorMessage } from '../../data/use-run-op';
import { localHourMinute } from '../../ui/local-time';


/** Updates as posted, newest first; each can be copied again. */
export const UpdateList = ({ updates }: { updates: readonly StakeholderUpdate[] }) => {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const copy = (text: string) => platform.copyText(text).catch((e: unknown) => pushNotice('error', `Could not copy: ${errorMessage(e)}`));
  if (updates.length === 0) return <p className="dim">No update posted yet.</p>;
  const newestFirst = [...updates].sort((a, b) => b.postedAt - a.postedAt);
  return (
    <ol className="update-list" aria-label="Posted updates">
      {newestFirst.map((u) => (
        <li key={u.id} className="update-item" data-testid="posted-update" data-status={u.status}>
          <div className="update-head">
            <time dateTime={new Date(u.postedAt).toISOString()}>{localHourMinute(u.postedAt)}</time>
            <span className={`badge status status-${u.status}`}>{u.status}</span>
            <span className="dim">{u.postedBy.name}</span>
            <button type="button" className="link" aria-label={`Copy the ${localHourMinute(u.postedAt)} update`} onClick={() => void copy(u.text)}>
              Copy
            </button>
          </div>
          <p className="update-text">{u.text}</p>
        </li>
      ))}
    </ol>
  );
};
