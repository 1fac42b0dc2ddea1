import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import { COMMAND_GROUPS, IS_MAC, useCommands } from './commands';
import { formatShortcut } from './shortcuts';
import { localShortcutHelp, type HelpSection } from './shortcut-help';
import './palette.css';
import { useModalDialog, whenStillClosed } from '../../ui/use-modal-dialog';

const Section = ({ section }: { section: HelpSection }) => (
  <section className="shortcut-section" aria-label={section.title}>
    <h3>{section.title}</h3>
    <dl>
      {section.items.map((i) => (
        <div key={`${i.keys}-${i.does}`}>
          <dt>
            <kbd>{i.keys}</kbd>
          </dt>
          <dd>{i.does}</dd>
        </div>
      ))}
    </dl>
  </section>
);

/** "?": every shortcut, those of the commands on offer here and those of the timeline. */
export const ShortcutOverlay = () => {
  const open = useAppStore((s) => s.shortcutsOpen);
  const setOpen = useAppStore((s) => s.setShortcutsOpen);
  const commands = useCommands();
  const ref = useModalDialog(open, 'button');
  const isMac = IS_MAC;


  const sections = useMemo((): HelpSection[] => {
    const withKeys = commands.filter((c) => c.shortcut);
    const global = COMMAND_GROUPS.flatMap((g) => withKeys.filter((c) => c.group === g)).map((c) => ({
      keys: formatShortcut(c.shortcut!, isMac),
      does: c.title,
    }));
    return [{ title: 'Anywhere (outside text fields)', items: global }, ...localShortcutHelp(isMac)];
  }, [commands, isMac]);

  return (
    <dialog ref={ref} className="dialog shortcuts" aria-labelledby="shortcuts-heading" onClose={whenStillClosed(() => setOpen(false))}>
      {open && (
        <>
          <div className="shortcuts-head">
            <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
            <button type="button" onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
          <div className="shortcut-sections">
            {sections.map((s) => (
              <Section key={s.title} section={s} />
            ))}
          </div>
        </>
      )}
    </dialog>
  );
};
