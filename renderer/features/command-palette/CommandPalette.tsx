import { Command as Cmdk } from 'cmdk';
import { useAppStore } from '../../store/app-store';
import { COMMAND_GROUPS, IS_MAC, useCommands, type Command } from './commands';
import { formatShortcut } from './shortcuts';
import { scoreCommand } from './filter';
import './palette.css';
import { useModalDialog, whenStillClosed } from '../../ui/use-modal-dialog';

/**
 * Ctrl/Cmd+K: every registered command, searchable (cmdk). A native modal
 * dialog keeps focus inside and gives it back on close.
 */
export const CommandPalette = () => {
  const open = useAppStore((s) => s.paletteOpen);
  const setOpen = useAppStore((s) => s.setPaletteOpen);
  const commands = useCommands();
  const ref = useModalDialog(open, '[cmdk-input]');
  const isMac = IS_MAC;


  const run = (c: Command) => {
    // Close first: closing restores focus, which must not undo a command that moves it.
    ref.current?.close();
    setOpen(false);
    c.run();
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Command palette"
      onClose={whenStillClosed(() => setOpen(false))}
      onClick={(e) => e.target === e.currentTarget && setOpen(false)}
    >
      {open && (
        <Cmdk label="Command palette" loop filter={(_value, search, keywords) => scoreCommand(search, keywords?.[0] ?? '', keywords ?? [])}>
          <Cmdk.Input placeholder="Type a command…" />
          <Cmdk.List label="Commands">
            <Cmdk.Empty>No command matches.</Cmdk.Empty>
            {COMMAND_GROUPS.map((group) => {
              const items = commands.filter((c) => c.group === group);
              if (items.length === 0) return null;
              return (
                <Cmdk.Group key={group} heading={group}>
                  {items.map((c) => (
                    <Cmdk.Item key={c.id} value={c.id} keywords={[c.title, c.group, ...(c.keywords ?? [])]} onSelect={() => run(c)}>
                      <span>{c.title}</span>
                      {c.shortcut && <kbd>{formatShortcut(c.shortcut, isMac)}</kbd>}
                    </Cmdk.Item>
                  ))}
                </Cmdk.Group>
              );
            })}
          </Cmdk.List>
        </Cmdk>
      )}
    </dialog>
  );
};
