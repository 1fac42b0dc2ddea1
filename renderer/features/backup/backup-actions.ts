import { buildBackup, checkBackup, restoreBackup, type BackupSettings, type RestoreReport } from '@shared/backup/backup';
import { toStorageError } from '@shared/storage/storage-error';
import type { WarroomDb } from '@shared/storage/database';
import type { IncidentRegistry } from '../../data/incident-registry';
import { platform } from '../../platform';

/** The day in UTC, for the file name: warroom-backup-2026-12-02.json. */
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Back up everything on this device into one file. Open incidents are saved
 * first, so what is on screen is in the file.
 */
export const backUpEverything = async (db: WarroomDb, registry: IncidentRegistry, settings: BackupSettings): Promise<{ saved: boolean; incidents: number }> => {
  await Promise.all(registry.openHandles().map((h) => h.persistence.whenSaved()));
  const now = Date.now();
  const text = await buildBackup(db, now, settings);
  const incidents = (JSON.parse(text) as { incidents: unknown[] }).incidents.length;
  const result = await platform.saveFile({ suggestedName: `warroom-backup-${day(now)}.json`, mimeType: 'application/json', data: text });
  return { saved: result.saved, incidents };
};

export type RestoreResult = ({ ok: true; settings: BackupSettings } & RestoreReport) | { ok: false; message: string };

/** Check the whole file, then restore it through the registry (the live documents the war room uses); nothing is written if the check fails. */
export const restoreFromFile = async (file: Blob, db: WarroomDb, registry: IncidentRegistry): Promise<RestoreResult> => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, message: 'The file could not be read. Nothing was changed.' };
  }
  const checked = checkBackup(bytes);
  if (!checked.ok) return checked;
  try {
    const report = await restoreBackup(db, checked.value, (id) => registry.open(id));
    return { ok: true, settings: checked.value.file.settings, ...report };
  } catch (e) {
    const message = e instanceof Error && e.message.startsWith('This backup') ? e.message : toStorageError(e).message;
    return { ok: false, message };
  }
};
