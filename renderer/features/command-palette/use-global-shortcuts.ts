import { useEffect } from 'react';
import { commandRegistry, IS_MAC } from './commands';
import { isTypingTarget, matchesShortcut } from './shortcuts';

/**
 * One keydown listener for every command's shortcut. It runs after the focused
 * element had its turn (bubbling, and skips handled events), so a timeline row's
 * P/E/R/H or a menu's arrows win. Outside a field only, unless the command says
 * otherwise, and not behind a modal dialog.
 */
export const useGlobalShortcuts = (): void => {
  useEffect(() => {
    const isMac = IS_MAC;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      const blocked = isTypingTarget(target as HTMLElement | null) || target?.closest('dialog[open]') != null;
      for (const c of commandRegistry.list()) {
        if (!c.shortcut || !matchesShortcut(e, c.shortcut, isMac)) continue;
        if (blocked && !c.whileTyping) continue;
        e.preventDefault();
        c.run();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
};
