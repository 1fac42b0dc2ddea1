import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import './action-menu.css';

export interface MenuAction {
  /** The item's accessible name, e.g. "Hand off scribe". */
  label: string;
  /** What the item shows, e.g. "Hand off"; the label when absent. */
  text?: string;
  run: () => void;
}

/**
 * A compact "⋯" menu button for a row's actions (WAI-ARIA menu button):
 * Enter, Space or ↓ opens on the first item, ↑ ↓ Home End move, Enter picks,
 * Esc closes, and focus goes back to the button unless the action moved it.
 */
export const ActionMenu = ({ label, actions, buttonRef }: { label: string; actions: readonly MenuAction[]; buttonRef?: RefObject<HTMLButtonElement | null> }) => {
  const [open, setOpen] = useState(false);
  const ownRef = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownRef;
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  useLayoutEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const focusItem = (i: number) => items.current[(i + actions.length) % actions.length]?.focus();
  const onKey = (e: KeyboardEvent) => {
    if (!open) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setOpen(true);
      }
      return;
    }
    const at = items.current.findIndex((el) => el === document.activeElement);
    if (e.key === 'ArrowDown') focusItem(at + 1);
    else if (e.key === 'ArrowUp') focusItem(at - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(actions.length - 1);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') return setOpen(false);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <span
      className="action-menu"
      onKeyDown={onKey}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="action-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        title={label}
        onClick={() => setOpen((v) => !v)}
      >
        ⋯
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={label} className="action-menu-list">
          {actions.map((a, i) => (
            <button
              key={a.label}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-label={a.label}
              onClick={() => {
                close();
                a.run();
              }}
            >
              {a.text ?? a.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
};
