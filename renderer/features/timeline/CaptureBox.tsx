import { memo, useEffect, useRef, type KeyboardEvent } from 'react';
import { useDeviceDraft } from '../../data/use-device-draft';
import { focusLastRow } from './row-focus';
import { rovingIndex } from '../../ui/roving';
import { AUTHORED_ENTRY_KINDS } from '@shared/schema/types';
import { addEntry } from '@shared/domain/timeline/timeline-ops';
import { parseCapture } from '@shared/domain/timeline/capture-syntax';
import { useAppStore } from '../../store/app-store';
import type { IncidentHandle } from '../../data/incident-registry';
import { useRunOp } from '../../data/use-run-op';
import { AUTHORED_KIND_INFO, kindForShortcut } from './entry-kinds';
import { useZone } from '../../data/use-zone';

/**
 * The scribe's input. Enter commits; Alt+letter picks the kind; Alt+P pins;
 * "14:32 …", "-5m …" or "2015-10-21 14:51Z …" sets when it happened, read in
 * the zone the timeline is shown in (see parseCapture). The text is cleared when the
 * entry is in the document, and kept when the entry is refused. A failed disk
 * write does not bring it back: the entry is already recorded and kept for the
 * retry, so a second Enter would record it twice.
 */
// Memoised: the timeline re-renders on every entry, the box only when its own state changes.
export const CaptureBox = memo(function CaptureBox({ handle, onAdded }: { handle: IncidentHandle; onAdded?: (id: string) => void }) {
  const kind = useAppStore((s) => s.captureKind);
  const pinned = useAppStore((s) => s.capturePinned);
  const setKind = useAppStore((s) => s.setCaptureKind);
  const togglePinned = useAppStore((s) => s.toggleCapturePinned);
  const resetPinned = useAppStore((s) => s.resetCapturePinned);
  const runOp = useRunOp(handle);
  const zone = useZone();
  // A draft on this device: it survives a tab switch, leaving the war room and a reload.
  const [text, setText] = useDeviceDraft(handle.id, 'capture');
  const inputRef = useRef<HTMLInputElement>(null);
  const chipRefs = useRef<(HTMLButtonElement | null)[]>([]);

  // Ready to type when the timeline opens, but not when someone is moving through the war-room tabs with the arrows.
  useEffect(() => {
    // preventScroll: focusing must not scroll the incident bar out of view.
    if (!document.activeElement?.closest('[role="tablist"]')) inputRef.current?.focus({ preventScroll: true });
  }, []);

  // A WAI-ARIA radio group: the arrow keys check the next kind and keep focus on the chips.
  const onChipKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const next = rovingIndex(e.key, AUTHORED_ENTRY_KINDS.indexOf(kind), AUTHORED_ENTRY_KINDS.length);
    if (next === null) return;
    e.preventDefault();
    setKind(AUTHORED_ENTRY_KINDS[next]!);
    chipRefs.current[next]?.focus();
  };

  const commit = () => {
    const parsed = parseCapture(text, Date.now(), zone);
    if (!parsed.text) return;
    const result = runOp((doc, ctx) => addEntry(doc, ctx, { kind, text: parsed.text, occurredAt: parsed.occurredAt, pinned }));
    if (!result.ok) return;
    setText('');
    resetPinned();
    onAdded?.(result.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Esc leaves the box for the newest entry, from where the arrow keys or J/K move through the timeline.
    if (e.key === 'Escape' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (!focusLastRow()) inputRef.current?.blur();
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      commit();
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.code === 'KeyP') {
        e.preventDefault();
        togglePinned();
        return;
      }
      const picked = kindForShortcut(e.code.replace(/^Key/, ''));
      if (picked) {
        e.preventDefault();
        setKind(picked);
      }
    }
  };

  return (
    <div className="capture" role="group" aria-label="Add timeline entry">
      <div className="capture-kinds" role="radiogroup" aria-label="Entry kind">
        {AUTHORED_ENTRY_KINDS.map((k, i) => (
          <button
            key={k}
            ref={(el) => {
              chipRefs.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={kind === k}
            tabIndex={kind === k ? 0 : -1}
            onKeyDown={onChipKeyDown}
            className={`kind-chip kind-${k}`}
            onClick={() => {
              setKind(k);
              inputRef.current?.focus();
            }}
            title={`Alt+${AUTHORED_KIND_INFO[k].key.toUpperCase()}`}
          >
            {AUTHORED_KIND_INFO[k].label}
            <kbd>{AUTHORED_KIND_INFO[k].key.toUpperCase()}</kbd>
          </button>
        ))}
        <button
          type="button"
          aria-pressed={pinned}
          className="pin-toggle"
          onClick={togglePinned}
          title="Alt+P"
          aria-label="Pin the next entry"
        >
          {pinned ? '★ Pinned' : '☆ Pin'}
        </button>
      </div>
      <input
        ref={inputRef}
        className="capture-input"
        aria-label="Timeline entry text"
        placeholder={`${AUTHORED_KIND_INFO[kind].label}: what happened? (start with "14:32", "-5m" or "2015-10-21 14:51" for when, in ${zone === 'utc' ? 'UTC' : 'local time'}; Enter adds)`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        data-testid="capture-input"
        data-kind={kind}
      />
    </div>
  );
});
