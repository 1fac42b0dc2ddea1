import { useMemo, type MouseEvent } from 'react';
import { splitLinks } from '@shared/domain/timeline/links';
import { platform } from '../../platform';
import { useAppStore } from '../../store/app-store';
import { errorMessage } from '../../data/use-run-op';

/**
 * An entry's text with its http(s) links clickable. They open outside the app
 * through the platform (the desktop app's checked shell.openExternal, a new
 * tab without opener in a browser), never inside the war room's window.
 */
export const LinkedText = ({ text }: { text: string }) => {
  const parts = useMemo(() => splitLinks(text), [text]);
  const pushNotice = useAppStore((s) => s.pushNotice);
  if (parts.length === 1 && parts[0]!.kind === 'text') return <>{text}</>;
  const open = (href: string) => (e: MouseEvent) => {
    e.preventDefault();
    platform.openExternal(href).catch((err: unknown) => pushNotice('error', `The link could not be opened: ${errorMessage(err)}`));
  };
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'text' ? (
          p.text
        ) : (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer" onClick={open(p.href)} className="entry-link">
            {p.text}
          </a>
        ),
      )}
    </>
  );
};
