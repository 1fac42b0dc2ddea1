import * as Y from 'yjs';
import { z } from 'zod';
import { applyImport, type ImportTarget } from '../export/apply-import';
import { checkYjsImport } from '../export/import-file';
import { previewYjsMerge } from '../export/merge-preview';
import { readMeta } from '../schema/read-model';
import { templateSchema } from '../domain/runbook/runbook-templates';
import type { WarroomDb } from '../storage/database';
import { loadStoredDoc } from '../storage/stored-actions';
import { isWebSocketUrl } from '../sync/ws-url';
import { fromBase64Url, toBase64Url } from '../sync/base64url';
import { toStorageError } from '../storage/storage-error';

/*
 * Everything this device holds, in one file, and back: every incident (its
 * whole stored document, as a Yjs update), whether it is archived, how each is
 * shared, the team's runbook templates, the person's name and the device's
 * settings. Not the device id or its signing key: those identify this device,
 * and a second device restored from the same file must not sign as this one.
 * The invites' secrets are in it (a restored device rejoins its rooms), so the
 * file is as sensitive as the invites: say so where it is written.
 */

export const BACKUP_FORMAT = 'warroom.backup';
export const BACKUP_VERSION = 1;
/** 500 MB: hundreds of long incidents, and a wrong file refused before parsing. */
export const MAX_BACKUP_BYTES = 500 * 1024 * 1024;

export interface BackupSettings {
  theme?: 'light' | 'dark';
}

const time = z.number().int().min(0).max(8.64e15);
const wsUrl = z.string().refine(isWebSocketUrl, 'is not a ws:// or wss:// address');

const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  createdAt: time,
  profile: z.strictObject({ name: z.string().max(80), color: z.string().max(32) }),
  settings: z.strictObject({ theme: z.enum(['light', 'dark']).optional() }),
  incidents: z
    .array(z.strictObject({ id: z.string().min(1).max(128), title: z.string().max(500), update: z.string().max(MAX_BACKUP_BYTES), archivedAt: time.nullable() }))
    .max(100_000),
  templates: z.array(templateSchema.extend({ createdAt: time, updatedAt: time })).max(10_000),
  shares: z
    .array(
      z.strictObject({
        incidentId: z.string().min(1).max(128),
        room: z.string().min(1).max(256),
        password: z.string().min(1).max(256),
        signaling: z.array(wsUrl).max(16),
        relays: z.array(wsUrl).max(16),
        title: z.string().max(500),
        role: z.enum(['host', 'guest']),
        createdAt: time,
      }),
    )
    .max(100_000),
});
export type BackupFile = z.infer<typeof backupSchema>;

/** Writes the backup. Only what is on disk is in it: the caller waits for open incidents to be saved first. */
export const buildBackup = async (db: WarroomDb, now: number, settings: BackupSettings): Promise<string> => {
  try {
    const [rows, templates, shares, archived, profile] = await Promise.all([db.incidents.toArray(), db.templates.toArray(), db.shares.toArray(), db.archived.toArray(), db.profile.get('local')]);
    const archivedAt = new Map(archived.map((a) => [a.incidentId, a.archivedAt]));
    const incidents: BackupFile['incidents'] = [];
    for (const row of rows) {
      const doc = await loadStoredDoc(db, row.id);
      incidents.push({ id: row.id, title: row.title, update: toBase64Url(Y.encodeStateAsUpdate(doc)), archivedAt: archivedAt.get(row.id) ?? null });
      doc.destroy();
    }
    const file: BackupFile = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now,
      profile: { name: profile?.name ?? '', color: profile?.color ?? '' },
      settings: settings.theme ? { theme: settings.theme } : {},
      incidents,
      templates: templates.map((t) => ({ id: t.id, name: t.name, kind: t.kind, severities: t.severities, steps: t.steps, createdAt: t.createdAt, updatedAt: t.updatedAt })),
      shares: shares.map((s) => ({ incidentId: s.incidentId, room: s.room, password: s.password, signaling: s.signaling, relays: s.relays, title: s.title, role: s.role, createdAt: s.createdAt })),
    };
    return `${JSON.stringify(file)}\n`;
  } catch (e) {
    throw toStorageError(e);
  }
};

export interface CheckedBackup {
  file: BackupFile;
  /** Each incident's update, checked as an import is. */
  updates: Map<string, Uint8Array>;
}

const describe = (issue: z.core.$ZodIssue): string => {
  const where = issue.path.length > 0 ? ` (at ${issue.path.join(' → ')})` : '';
  return `${issue.message}${where}`;
};

/** The whole file checked before anything is written: the backup's shape, then every incident as an import of it would be. */
export const checkBackup = (bytes: Uint8Array): { ok: true; value: CheckedBackup } | { ok: false; message: string } => {
  const refuse = (why: string) => ({ ok: false as const, message: `This backup cannot be restored: ${why} Nothing was changed.` });
  if (bytes.length > MAX_BACKUP_BYTES) return refuse('the file is over 500 MB, far more than a Warroom backup.');
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return refuse('the file is not JSON text (it may be truncated, damaged, or not a backup).');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return refuse('the file is not a Warroom backup (an exported incident is imported with "Import incident…").');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) return refuse(`it comes from a newer Warroom (backup version ${version}); update Warroom to restore it.`);
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) return refuse(`${describe(parsed.error.issues[0]!)}.`);
  const updates = new Map<string, Uint8Array>();
  for (const [i, inc] of parsed.data.incidents.entries()) {
    const what = `incident ${i + 1} of ${parsed.data.incidents.length} (“${inc.title}”)`;
    if (updates.has(inc.id)) return refuse(`${what} is in the file twice.`);
    const bytes = fromBase64Url(inc.update);
    if (!bytes) return refuse(`${what} is damaged (its document is not base64url).`);
    const checked = checkYjsImport(bytes);
    if (!checked.ok) return refuse(`${what}: ${checked.message}`);
    if (checked.incidentId !== inc.id) return refuse(`${what} holds a different incident than its id says.`);
    updates.set(inc.id, bytes);
  }
  const templateIds = new Set<string>();
  for (const t of parsed.data.templates) {
    if (templateIds.has(t.id)) return refuse(`the template “${t.name}” is in the file twice.`);
    templateIds.add(t.id);
  }
  return { ok: true, value: { file: parsed.data, updates } };
};

export interface RestoreReport {
  created: number;
  merged: number;
  templates: number;
  shares: number;
}

/**
 * Restores a checked backup: incidents new here are created, ones already
 * here are merged as a CRDT (nothing here is lost: a merge only adds), and a
 * merge that would delete what is here refuses the whole restore before any
 * write. Templates newer in the file replace older ones; a share, an archive
 * mark or a name already set here is kept.
 */
export const restoreBackup = async (db: WarroomDb, checked: CheckedBackup, open: (id: string) => Promise<ImportTarget>): Promise<RestoreReport> => {
  const { file, updates } = checked;
  const targets = new Map<string, ImportTarget>();
  for (const inc of file.incidents) {
    const target = await open(inc.id);
    if (readMeta(target.doc) !== null) {
      const preview = previewYjsMerge(target.doc, updates.get(inc.id)!);
      if (preview.refusals.length > 0) throw new Error(`This backup cannot be restored: merging it into “${inc.title}” would ${preview.refusals.join('; ')}. Nothing was changed.`);
    }
    targets.set(inc.id, target);
  }
  const report: RestoreReport = { created: 0, merged: 0, templates: 0, shares: 0 };
  for (const inc of file.incidents) {
    const bytes = updates.get(inc.id)!;
    const valid = checkYjsImport(bytes);
    if (!valid.ok) throw new Error(valid.message);
    const outcome = await applyImport(valid, async () => targets.get(inc.id)!, { confirmed: true });
    report[outcome.outcome] += 1;
  }
  try {
    await db.transaction('rw', [db.templates, db.shares, db.archived, db.profile], async () => {
      for (const t of file.templates) {
        const here = await db.templates.get(t.id);
        if (!here || here.updatedAt < t.updatedAt) {
          await db.templates.put(t);
          report.templates += 1;
        }
      }
      for (const s of file.shares) {
        if (await db.shares.get(s.incidentId)) continue;
        await db.shares.put(s);
        report.shares += 1;
      }
      for (const inc of file.incidents) if (inc.archivedAt !== null && !(await db.archived.get(inc.id))) await db.archived.put({ incidentId: inc.id, archivedAt: inc.archivedAt });
      const profile = await db.profile.get('local');
      if (profile && !profile.name && file.profile.name) await db.profile.put({ ...profile, name: file.profile.name });
    });
  } catch (e) {
    throw toStorageError(e);
  }
  return report;
};
