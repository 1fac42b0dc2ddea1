import { useId, useState } from 'react';
import { FilePickButton } from '../../ui/FilePickButton';
import { useServices } from '../../data/services';
import { useAppStore } from '../../store/app-store';
import { backUpEverything, restoreFromFile } from './backup-actions';
import './backup.css';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Back up everything on this device into one file, and restore it here or on
 * another device: every incident, its share and archive mark, the team's
 * runbook templates, the person's name and the theme.
 */
export const BackupControls = () => {
  const { db, registry } = useServices();
  const pushNotice = useAppStore((s) => s.pushNotice);
  const themeChoice = useAppStore((s) => s.themeChoice);
  const pickTheme = useAppStore((s) => s.pickTheme);
  const [busy, setBusy] = useState<'backup' | 'restore' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();

  const backUp = async () => {
    setBusy('backup');
    setError(null);
    try {
      const { saved, incidents } = await backUpEverything(db, registry, themeChoice === 'system' ? {} : { theme: themeChoice });
      if (saved) pushNotice('info', `Backed up ${plural(incidents, 'incident')}, with templates and settings. The file holds the invites' secrets: keep it as safe as the invites.`);
    } catch (e) {
      setError(`Not backed up: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (file: File) => {
    setBusy('restore');
    setError(null);
    const result = await restoreFromFile(file, db, registry);
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    if (result.settings.theme && themeChoice === 'system') pickTheme(result.settings.theme);
    pushNotice(
      'info',
      `Restored: ${plural(result.created, 'new incident')}, ${plural(result.merged, 'incident')} merged into the copy here, ${plural(result.templates, 'template')}, ${plural(result.shares, 'share')}.`,
    );
  };

  return (
    <div className="backup">
      <button type="button" onClick={() => void backUp()} disabled={busy !== null}>
        {busy === 'backup' ? 'Backing up…' : 'Back up everything'}
      </button>
      <FilePickButton
        label="Restore from backup…"
        busyLabel="Restoring…"
        busy={busy === 'restore'}
        ariaLabel="Restore from backup"
        accept=".json,application/json"
        describedBy={error ? errorId : undefined}
        disabled={busy !== null}
        onFile={(file) => void onFile(file)}
      />
      {error && (
        <p id={errorId} role="alert" className="backup-error" data-testid="backup-error">
          {error}
        </p>
      )}
    </div>
  );
};
