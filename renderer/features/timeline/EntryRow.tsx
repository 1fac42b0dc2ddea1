import { memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { focusCaptureBox, focusSiblingRow } from './row-focus';
import type { TimelineEntry } from '@shared/schema/types';
import { KIND_LABEL } from './entry-kinds';
import { wallDate, wallStampOn, wallTime, zoneName, type Zone } from '@shared/time/wall-clock';
import { EntryEditor } from './EntryEditor';
import { EntryHistory } from './EntryHistory';
import { RetractForm } from './RetractForm';
import { LinkedText } from './LinkedText';
import type { EntryCommands } from './entry-commands';
import { useAppStore } from '../../store/app-store';
import { describeOffset } from '@shared/presence/clock-skew';
import { EntryVerdict } from '../evidence';

type Mode = 'view' | 'edit' | 'retract';

interface Props {
  entry: TimelineEntry;
  /** The zone times are shown in, and `today` in it: a row of another day shows its date. */
  zone: Zone;
  today: string;
  commands: EntryCommands;
  /** The entry this person just added: briefly highlighted. */
  justAdded?: boolean;
}

/** "14:51:05 PST" (for titles and the retraction line: "2015-10-21 14:51:05 PDT" when not today). */
const stamp = wallStampOn;

/** The time column: the time and its zone, and above it the date when it is not today. */
const TimeCell = ({ t, zone, today }: { t: number; zone: Zone; today: string }) => {
  const date = wallDate(t, zone);
  return (
    <>
      {date !== today && <span className="entry-date">{date}</span>}
      {wallTime(t, zone)} {zoneName(t, zone)}
    </>
  );
};

/**
 * One timeline entry. Retracted entries stay visible, struck through, with who
 * retracted them and why. When the row has focus: ↑/↓ or K/J move to the
 * previous or next entry, P pins, E or Enter edits, R retracts, H shows the
 * edit history, Esc goes back to the entry box.
 */
export const EntryRow = memo(({ entry, zone, today, commands, justAdded = false }: Props) => {
  const [mode, setMode] = useState<Mode>('view');
  const rowRef = useRef<HTMLDivElement>(null);
  // Back on the row once an edit or a retraction closes (saved or not), so the keyboard loop goes on from here.
  const wasOpen = useRef(false);
  useEffect(() => {
    if (mode !== 'view') wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      const active = document.activeElement;
      if (!active || active === document.body || rowRef.current?.contains(active)) rowRef.current?.focus({ preventScroll: true });
    }
  }, [mode]);
  const [showHistory, setShowHistory] = useState(false);
  const late = entry.recordedAt - entry.occurredAt > 60_000;
  const retracted = entry.retracted;
  const skew = useAppStore((s) => s.skewedDevices[entry.author.deviceId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (k === 'ArrowDown' || k === 'j') focusSiblingRow(e.currentTarget, 1);
    else if (k === 'ArrowUp' || k === 'k') focusSiblingRow(e.currentTarget, -1);
    else if (k === 'Escape') focusCaptureBox();
    else if (k === 'p') commands.togglePin(entry);
    else if ((k === 'e' || k === 'Enter') && !retracted) setMode('edit');
    else if (k === 'r' && !retracted) setMode('retract');
    else if (k === 'h') setShowHistory((v) => !v);
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={rowRef}
      role="listitem"
      tabIndex={0}
      className={`entry kind-${entry.kind}${retracted ? ' retracted' : ''}${entry.pinned ? ' pinned' : ''}${justAdded ? ' just-added' : ''}`}
      data-just-added={justAdded || undefined}
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
        title={`Happened ${stamp(entry.occurredAt, zone, '')}${late ? `; recorded ${stamp(entry.recordedAt, zone, '')}` : ''}`}
      >
        <TimeCell t={entry.occurredAt} zone={zone} today={today} />
      </time>
      <span className={`entry-kind badge kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
      <div className="entry-body">
        {mode === 'edit' ? (
          <EntryEditor entry={entry} zone={zone} commands={commands} onDone={() => setMode('view')} />
        ) : (
          <span className="entry-text">
            {entry.pinned && (
              <span className="entry-pin" aria-label="Pinned">
                ★{' '}
              </span>
            )}
            {retracted ? <s>{entry.text}</s> : <LinkedText text={entry.text} />}
            {entry.edits.length > 0 && (
              <button type="button" className="link entry-edited" onClick={() => setShowHistory((v) => !v)}>
                (edited {entry.edits.length}×)
              </button>
            )}
          </span>
        )}
        {retracted && (
          <span className="entry-retraction">
            Retracted by {retracted.by.name} at {stamp(retracted.at, zone, today)}
            {retracted.reason ? `: ${retracted.reason}` : ''}
          </span>
        )}
        {mode === 'retract' && <RetractForm entry={entry} commands={commands} onDone={() => setMode('view')} />}
        {showHistory && <EntryHistory entry={entry} zone={zone} today={today} />}
      </div>
      <span className="entry-author">
        {entry.author.name}
        <EntryVerdict entryId={entry.id} />
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
