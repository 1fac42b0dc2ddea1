import { memo, useState, type KeyboardEvent } from 'react';
import type { TimelineEntry } from '@shared/schema/types';
import { KIND_LABEL } from './entry-kinds';
import { formatClock } from './time-format';
import { localDateTime } from '../../ui/local-time';
import { EntryEditor } from './EntryEditor';
import { EntryHistory } from './EntryHistory';
import { RetractForm } from './RetractForm';
import type { EntryCommands } from './entry-commands';
import { useAppStore } from '../../store/app-store';
import { describeOffset } from '@shared/presence/clock-skew';

type Mode = 'view' | 'edit' | 'retract';

interface Props {
  entry: TimelineEntry;
  utc: boolean;
  commands: EntryCommands;
}

/**
 * One timeline entry. Retracted entries stay visible, struck through, with who
 * retracted them and why. When the row has focus: P pins, E edits, R retracts,
 * H shows the edit history.
 */
export const EntryRow = memo(({ entry, utc, commands }: Props) => {
  const [mode, setMode] = useState<Mode>('view');
  const [showHistory, setShowHistory] = useState(false);
  const late = entry.recordedAt - entry.occurredAt > 60_000;
  const retracted = entry.retracted;
  const skew = useAppStore((s) => s.skewedDevices[entry.author.deviceId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key.toLowerCase();
    if (k === 'p') commands.togglePin(entry);
    else if (k === 'e' && !retracted) setMode('edit');
    else if (k === 'r' && !retracted) setMode('retract');
    else if (k === 'h') setShowHistory((v) => !v);
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="listitem"
      tabIndex={0}
      className={`entry kind-${entry.kind}${retracted ? ' retracted' : ''}${entry.pinned ? ' pinned' : ''}`}
      data-testid="timeline-entry"
      data-entry-id={entry.id}
      data-kind={entry.kind}
      data-pinned={entry.pinned}
      data-retracted={retracted !== null}
      onKeyDown={onKeyDown}
    >
      <time
        className="entry-time"
        dateTime={new Date(entry.occurredAt).toISOString()}
        title={`Happened ${localDateTime(entry.occurredAt)}${late ? `; recorded ${localDateTime(entry.recordedAt)}` : ''}`}
      >
        {formatClock(entry.occurredAt, utc)}
      </time>
      <span className={`entry-kind badge kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
      <div className="entry-body">
        {mode === 'edit' ? (
          <EntryEditor entry={entry} commands={commands} onDone={() => setMode('view')} />
        ) : (
          <span className="entry-text">
            {entry.pinned && (
              <span className="entry-pin" aria-label="Pinned">
                ★{' '}
              </span>
            )}
            {retracted ? <s>{entry.text}</s> : entry.text}
            {entry.edits.length > 0 && (
              <button type="button" className="link entry-edited" onClick={() => setShowHistory((v) => !v)}>
                (edited {entry.edits.length}×)
              </button>
            )}
          </span>
        )}
        {retracted && (
          <span className="entry-retraction">
            Retracted by {retracted.by.name} at {formatClock(retracted.at, utc)}
            {retracted.reason ? `: ${retracted.reason}` : ''}
          </span>
        )}
        {mode === 'retract' && <RetractForm entry={entry} commands={commands} onDone={() => setMode('view')} />}
        {showHistory && <EntryHistory entry={entry} utc={utc} />}
      </div>
      <span className="entry-author">
        {entry.author.name}
        {skew !== undefined && (
          <span className="entry-skew" data-testid="entry-skew" title={`${entry.author.name}'s clock is ${describeOffset(skew)} of yours: the recorded time of this entry may be off`}>
            {' '}⚠ clock
          </span>
        )}
      </span>
      <span className="entry-actions">
        <button type="button" onClick={() => commands.togglePin(entry)} aria-label={entry.pinned ? 'Unpin entry' : 'Pin entry'} title="P">
          {entry.pinned ? '★' : '☆'}
        </button>
        {!retracted && (
          <>
            <button type="button" onClick={() => setMode('edit')} aria-label="Edit entry" title="E">
              ✎
            </button>
            <button type="button" onClick={() => setMode('retract')} aria-label="Retract entry" title="R">
              ⌫
            </button>
          </>
        )}
      </span>
    </div>
  );
});
EntryRow.displayName = 'EntryRow';
