/** A key combination. `mod` is Cmd on macOS and Ctrl elsewhere. */
export interface Shortcut {
  /** KeyboardEvent.key, compared case-insensitively ("k", "?", "Escape"). */
  key: string;
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

/** The parts of a KeyboardEvent that matching needs; plain objects in tests. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const isLetter = (key: string): boolean => /^[a-z]$/i.test(key);

/**
 * Whether the event is this shortcut. Shift counts only for letters: "?" is
 * Shift+/ on most layouts and on others not, so for symbols the key says it all.
 */
export const matchesShortcut = (e: KeyLike, s: Shortcut, isMac: boolean): boolean => {
  if (e.key.toLowerCase() !== s.key.toLowerCase()) return false;
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const otherMod = isMac ? e.ctrlKey : e.metaKey;
  if (mod !== (s.mod ?? false) || otherMod) return false;
  if (e.altKey !== (s.alt ?? false)) return false;
  if ((isLetter(s.key) || s.shift !== undefined) && e.shiftKey !== (s.shift ?? false)) return false;
  return true;
};

const KEY_NAMES: Record<string, string> = { ' ': 'Space', arrowup: '↑', arrowdown: '↓', escape: 'Esc' };

/** How the shortcut is written for this platform: "Ctrl+Shift+Z" or "⌘⇧Z". */
export const formatShortcut = (s: Shortcut, isMac: boolean): string => {
  const key = KEY_NAMES[s.key.toLowerCase()] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  if (isMac) return `${s.mod ? '⌘' : ''}${s.alt ? '⌥' : ''}${s.shift ? '⇧' : ''}${key}`;
  return [s.mod && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', key].filter(Boolean).join('+');
};

/** The parts of an event target that decide whether the user is typing. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset', 'image']);

/** Typing into a field: single-key shortcuts and undo must leave such keys to it. */
export const isTypingTarget = (t: TargetLike | null): boolean => {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = t.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase());
};
