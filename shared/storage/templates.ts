import type { z } from 'zod';
import { randomId } from '../core/context';
import { DomainError } from '../core/errors';
import { templateSchema, type RunbookTemplate } from '../domain/runbook/runbook-templates';
import { parseOrThrow } from '../schema/validation';
import type { WarroomDb } from './database';
import { toStorageError } from './storage-error';

/**
 * The team's own runbook templates, on this device (Dexie table `templates`).
 * The built-in ones (DEFAULT_TEMPLATES) are code and cannot be changed; their
 * ids start with `default:`, which a stored template's id never does.
 */
export interface TemplateRow extends RunbookTemplate {
  createdAt: number;
  updatedAt: number;
}

const saveSchema = templateSchema.extend({
  id: templateSchema.shape.id.refine((id) => !id.startsWith('default:'), 'built-in templates cannot be changed').optional(),
});
export type SaveTemplateInput = z.input<typeof saveSchema>;

/** Every stored template that still reads as one, by name. A row that does not (a newer version wrote it) is skipped. */
export const listTemplates = async (db: WarroomDb): Promise<TemplateRow[]> => {
  const rows = await db.templates.toArray();
  return rows
    .flatMap((row) => {
      const parsed = templateSchema.safeParse(row);
      return parsed.success && typeof row.createdAt === 'number' && typeof row.updatedAt === 'number'
        ? [{ ...parsed.data, createdAt: row.createdAt, updatedAt: row.updatedAt }]
        : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
};

/** Create (no id) or replace a template; returns the stored row. Refuses invalid input before touching the database. */
export const saveTemplate = async (db: WarroomDb, input: SaveTemplateInput, now: number): Promise<TemplateRow> => {
  const data = parseOrThrow(saveSchema, input, 'Template');
  try {
    return await db.transaction('rw', db.templates, async () => {
      const id = data.id ?? `tpl-${randomId()}`;
      const existing = data.id ? await db.templates.get(id) : undefined;
      const row: TemplateRow = { ...data, id, createdAt: existing?.createdAt ?? now, updatedAt: now };
      await db.templates.put(row);
      return row;
    });
  } catch (e) {
    throw toStorageError(e);
  }
};

export const deleteTemplate = async (db: WarroomDb, id: string): Promise<void> => {
  if (id.startsWith('default:')) throw new DomainError('invalid_input', 'Built-in templates cannot be deleted.');
  try {
    await db.templates.delete(id);
  } catch (e) {
    throw toStorageError(e);
  }
};
