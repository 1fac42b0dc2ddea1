import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface PickerOption<T extends string> {
  value: T;
  label: string;
}

interface Props<T extends string> {
  /** What is being picked ("Severity"); names the button and the menu. */
  label: string;
  value: T;
  options: readonly PickerOption<T>[];
  onPick: (value: T) => void;
  className: string;
  testId: string;
}

/**
 * A menu button for a value that is changed on purpose, not in passing: a
 * native select would commit on every arrow key and log each step to the
 * timeline. Enter/Space/↓ opens, ↑↓ Home End move, Enter picks, a digit picks
 * the n-th option, Esc closes.
 */
export const PickerMenu = <T extends string>({ label, value, options, onPick, className, testId }: Props<T>) => {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLLIElement | null)[]>([]);
  const menuId = useId();
  const current = options.find((o) => o.value === value) ?? options[0]!;

  const checked = Math.max(0, options.findIndex((o) => o.value === value));
  const focusItem = (i: number) => itemRefs.current[(i + options.length) % options.length]?.focus();
  const openMenu = () => setOpen(true);
  // Before paint and before the next key is handled, so a quick "↓ 3" lands in the menu.
  useLayoutEffect(() => {
    if (open) itemRefs.current[checked]?.focus();
    // Only on opening: moving within the menu must not snap back to the checked item.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const pick = (v: T) => {
    close();
    if (v !== value) onPick(v);
  };

  const onButtonKey = (e: KeyboardEvent) => {
    if (!open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      openMenu();
    }
  };

  /** On the wrapper, so keys pressed while focus is still on its way into the menu count too. */
  const onMenuKey = (e: KeyboardEvent) => {
    if (!open) return;
    const focused = itemRefs.current.findIndex((el) => el === document.activeElement);
    const at = focused >= 0 ? focused : checked;
    const digit = /^[1-9]$/.test(e.key) ? Number(e.key) - 1 : -1;
    if (e.key === 'ArrowDown') focusItem(at + 1);
    else if (e.key === 'ArrowUp') focusItem(at - 1);
    else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(options.length - 1);
    else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) pick(options[at]!.value);
    else if (digit >= 0 && digit < options.length) pick(options[digit]!.value);
    else if (e.key === 'Escape') close();
    else if (e.key === 'Tab') setOpen(false);
    else return;
    if (e.key !== 'Tab') e.preventDefault();
  };

  return (
    <span
      className="picker"
      onKeyDown={onMenuKey}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${label}: ${current.label}`}
        data-testid={testId}
        onClick={() => (open ? setOpen(false) : openMenu())}
        onKeyDown={onButtonKey}
      >
        {current.label}
      </button>
      {open && (
        <ul role="menu" id={menuId} aria-label={label} className="picker-menu">
          {options.map((o, i) => (
            <li
              key={o.value}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              role="menuitemradio"
              aria-checked={o.value === value}
              tabIndex={-1}
              onClick={() => pick(o.value)}
            >
              <kbd aria-hidden="true">{i + 1}</kbd> {o.label}
            </li>
          ))}
        </ul>
      )}
    </span>
  );
};
