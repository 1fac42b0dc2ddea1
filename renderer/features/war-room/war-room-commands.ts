import { useEffect, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { setSeverity, setStatus } from '@shared/domain/incident/incident-ops';
import { SEVERITIES, STATUSES, type IncidentMeta } from '@shared/schema/types';
import type { IncidentHandle } from '../../data/incident-registry';
import { undoJournalFor } from '@shared/domain/undo/journal';
import { useRunOp } from '../../data/use-run-op';
import { useUndo } from '../../data/use-undo';
import { useAppStore } from '../../store/app-store';
import { useRegisterCommands, type Command } from '../command-palette';
import { DRILL_SWITCH_ID, RENAME_BUTTON_ID, editButtonId } from '../lifecycle';
import { MAIN_PANES } from './panes';

/** Focus an element once React has rendered whatever the command switched to. */
const focusSoon = (find: () => HTMLElement | null, click = false) =>
  requestAnimationFrame(() => {
    const el = find();
    el?.focus();
    if (click) el?.click();
  });

/**
 * Show the timeline and focus one of its fields inside the keydown that asked for it:
 * keys typed right after `c` or `/` then land in the field, not on <body>. flushSync
 * renders the timeline first when another tab was showing.
 */
const focusNow = (show: () => void, selector: string) => {
  flushSync(show);
  const el = document.querySelector<HTMLElement>(selector);
  if (el) el.focus({ preventScroll: true });
  else focusSoon(() => document.querySelector<HTMLElement>(selector));
};

/** What the palette and the shortcuts can do inside a war room. */
export const useWarRoomCommands = (handle: IncidentHandle, meta: IncidentMeta | null): void => {
  const runOp = useRunOp(handle);
  const setMainPane = useAppStore((s) => s.setMainPane);
  const { undo, redo } = useUndo(handle);
  // Start recording from the moment the war room opens: declaring is not undoable.
  useEffect(() => void undoJournalFor(handle.doc), [handle]);

  // Rebuilt only when a title would change, not on every entry added.
  const declared = meta !== null;
  const drill = meta?.drill ?? false;
  const commands = useMemo((): Command[] => {
    if (!declared) return [];
    const showTimeline = () => setMainPane('timeline');
    return [
      ...SEVERITIES.map(
        (s): Command => ({
          id: `incident.severity.${s}`,
          title: `Set severity to ${s}`,
          group: 'Incident',
          keywords: [s, 'severity'],
          run: () => void runOp((doc, ctx) => setSeverity(doc, ctx, s)),
        }),
      ),
      ...STATUSES.map(
        (s): Command => ({
          id: `incident.status.${s}`,
          title: `Set status to ${s}`,
          group: 'Incident',
          keywords: [s, 'status'],
          run: () => void runOp((doc, ctx) => setStatus(doc, ctx, s)),
        }),
      ),
      {
        id: 'incident.drill',
        title: drill ? 'Count as a real incident (not a drill)' : 'Mark as a drill',
        group: 'Incident',
        keywords: ['drill', 'game day'],
        // Through the switch, so turning a SEV1 or SEV2 into a drill asks first here too.
        run: () => focusSoon(() => document.getElementById(DRILL_SWITCH_ID), true),
      },
      {
        id: 'incident.rename',
        title: 'Rename incident',
        group: 'Incident',
        keywords: ['title'],
        run: () => focusSoon(() => document.getElementById(RENAME_BUTTON_ID), true),
      },
      {
        id: 'incident.lifecycle',
        title: 'Edit lifecycle times',
        group: 'Incident',
        keywords: ['started', 'detected', 'acknowledged', 'mitigated', 'resolved', 'closed'],
        run: () => focusSoon(() => document.getElementById(editButtonId('started'))),
      },
      { id: 'edit.undo', title: 'Undo my last change', group: 'Edit', shortcut: { key: 'z', mod: true }, run: undo },
      { id: 'edit.redo', title: 'Redo', group: 'Edit', shortcut: { key: 'z', mod: true, shift: true }, run: redo },
      ...MAIN_PANES.map(
        (p): Command => ({ id: `view.pane.${p.id}`, title: `Show ${p.label}`, group: 'View', keywords: ['pane', 'tab'], run: () => setMainPane(p.id) }),
      ),
      {
        id: 'timeline.capture',
        title: 'Focus the entry box',
        group: 'Timeline',
        keywords: ['capture', 'write', 'add entry'],
        shortcut: { key: 'c' },
        run: () => focusNow(showTimeline, 'input.capture-input'),
      },
      {
        id: 'timeline.search',
        title: 'Search the timeline',
        group: 'Timeline',
        keywords: ['filter', 'find'],
        shortcut: { key: '/' },
        run: () => focusNow(showTimeline, 'input[aria-label="Search timeline"]'),
      },
    ];
  }, [declared, drill, runOp, setMainPane, undo, redo]);
  useRegisterCommands(commands);
};
