import { describe, expect, it } from 'vitest';
import { formatShortcut, isTypingTarget, matchesShortcut, type KeyLike } from './shortcuts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('matchesShortcut', () => {
  const undo = { key: 'z', mod: true };
  const redo = { key: 'z', mod: true, shift: true };

  it('reads mod as Ctrl off macOS and as Cmd on macOS', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), undo, false)).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), undo, false)).toBe(false);
    expect(matchesShortcut(key('z', { metaKey: true }), undo, true)).toBe(true);
    expect(matchesShortcut(key('z', { ctrlKey: true }), undo, true)).toBe(false);
  });

  it('tells undo from redo by Shift, whatever the case of the key', () => {
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), undo, false)).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), redo, false)).toBe(true);
    expect(matchesShortcut(key('z', { ctrlKey: true }), redo, false)).toBe(false);
  });

  it('takes "?" as typed, with or without Shift, but not with a modifier', () => {
    expect(matchesShortcut(key('?', { shiftKey: true }), { key: '?' }, false)).toBe(true);
    expect(matchesShortcut(key('?'), { key: '?' }, false)).toBe(true);
    expect(matchesShortcut(key('?', { ctrlKey: true }), { key: '?' }, false)).toBe(false);
  });

  it('does not fire a plain letter shortcut when Alt is held (Alt+C picks the comms kind)', () => {
    expect(matchesShortcut(key('c'), { key: 'c' }, false)).toBe(true);
    expect(matchesShortcut(key('c', { altKey: true }), { key: 'c' }, false)).toBe(false);
    expect(matchesShortcut(key('C', { shiftKey: true }), { key: 'c' }, false)).toBe(false);
  });
});

describe('formatShortcut', () => {
  it('writes shortcuts the way each platform does', () => {
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatShortcut({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(formatShortcut({ key: '?' }, false)).toBe('?');
  });
});

describe('isTypingTarget', () => {
  it('is true for text fields and editable content, false for buttons, checkboxes and rows', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'search' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'datetime-local' })).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
