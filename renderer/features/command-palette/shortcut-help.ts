import { AUTHORED_ENTRY_KINDS } from '@shared/schema/types';
import { AUTHORED_KIND_INFO } from '../timeline';

export interface HelpItem {
  keys: string;
  does: string;
}

export interface HelpSection {
  title: string;
  items: HelpItem[];
}

/**
 * Keys that belong to one place on screen (the capture box, a focused row, a
 * menu) and are handled there, not through the command registry.
 */
export const localShortcutHelp = (isMac: boolean): HelpSection[] => {
  const alt = isMac ? '⌥' : 'Alt+';
  return [
    {
      title: 'In the entry box',
      items: [
        { keys: 'Enter', does: 'Add the entry' },
        ...AUTHORED_ENTRY_KINDS.map((k) => ({
          keys: `${alt}${AUTHORED_KIND_INFO[k].key.toUpperCase()}`,
          does: `Kind: ${AUTHORED_KIND_INFO[k].label.toLowerCase()}`,
        })),
        { keys: `${alt}P`, does: 'Pin the next entry' },
        { keys: '14:32 text', does: 'Happened at 14:32 local time' },
        { keys: '14:32:05Z text', does: 'Happened at 14:32:05 UTC' },
        { keys: '-5m text', does: 'Happened 5 minutes ago' },
        { keys: 'Esc', does: 'Leave the entry box for the newest entry' },
      ],
    },
    {
      title: 'On a focused timeline entry',
      items: [
        { keys: '↑ ↓ or K J', does: 'Previous or next entry' },
        { keys: 'P', does: 'Pin or unpin' },
        { keys: 'Enter or E', does: 'Edit' },
        { keys: 'R', does: 'Retract, with a reason' },
        { keys: 'H', does: 'Show or hide the edit history' },
        { keys: 'Esc', does: 'Back to the entry box' },
      ],
    },
    {
      title: 'Severity and status menus',
      items: [
        { keys: 'Enter, Space or ↓', does: 'Open the menu' },
        { keys: '↑ ↓ Home End', does: 'Move' },
        { keys: 'Enter or Space', does: 'Pick' },
        { keys: '1–5', does: 'Pick the n-th option directly' },
        { keys: 'Esc', does: 'Close without changing' },
      ],
    },
    {
      title: 'Fields and dialogs',
      items: [
        { keys: 'Enter', does: 'Save a title or a lifecycle time' },
        { keys: 'Esc', does: 'Cancel editing, or close a dialog' },
      ],
    },
  ];
};
