import { useAppStore } from '../../store/app-store';
import { useAppCommands } from './app-commands';
import { CommandPalette } from './CommandPalette';
import { ShortcutOverlay } from './ShortcutOverlay';
import { useGlobalShortcuts } from './use-global-shortcuts';

/** The palette, the shortcut overlay and the key handler, mounted once for the app. */
export const GlobalCommands = ({ onDeclare }: { onDeclare: () => void }) => {
  useAppCommands(onDeclare);
  useGlobalShortcuts();
  return (
    <>
      <CommandPalette />
      <ShortcutOverlay />
    </>
  );
};

/** Buttons in the top bar for the palette and the shortcuts, for those who reach for the mouse. */
export const CommandButtons = () => {
  const setPaletteOpen = useAppStore((s) => s.setPaletteOpen);
  const setShortcutsOpen = useAppStore((s) => s.setShortcutsOpen);
  return (
    <>
      <button type="button" className="topbar-tool" onClick={() => setPaletteOpen(true)} title="Command palette (Ctrl/Cmd+K)">
        Commands
      </button>
      <button type="button" className="topbar-tool" aria-label="Keyboard shortcuts" onClick={() => setShortcutsOpen(true)} title="Keyboard shortcuts (?)">
        ?
      </button>
    </>
  );
};
