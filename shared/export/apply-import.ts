import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { readMeta } from '../schema/read-model';
import { checkImportFile, type ValidImport } from './import-file';
import { mergeExportInto } from './merge';
import { previewYjsMerge } from './merge-preview';

/** Where an import lands: the live document of that id and its persistence. */
export interface ImportTarget {
  doc: Y.Doc;
  persistence: { whenSaved(): Promise<void> };
}

export interface ImportOutcome {
  incidentId: string;
  title: string;
  /** New on this device, or merged into the copy already here. */
  outcome: 'created' | 'merged';
}

/**
 * Apply a checked import and resolve only once it is on disk. A Yjs update
 * merges as a CRDT whether or not the incident exists; a JSON export starts a
 * new incident, or is merged by id into the one already here.
 */
/** Refused before anything changed; `confirm` lists what the person must agree to first. */
export class ImportRefusal extends Error {
  constructor(
    message: string,
    readonly confirm: string[] = [],
  ) {
    super(message);
  }
}

export const applyImport = async (checked: ValidImport, open: (id: string) => Promise<ImportTarget>, options: { confirmed?: boolean } = {}): Promise<ImportOutcome> => {
  const target = await open(checked.incidentId);
  const existed = readMeta(target.doc) !== null;
  if (checked.kind === 'yjs' && existed) {
    const preview = previewYjsMerge(target.doc, checked.update);
    if (preview.refusals.length > 0) {
      throw new ImportRefusal(`This file would not merge into the incident here: ${preview.refusals.join('; ')}. Nothing was changed. A Warroom export never does this; the file may be from a damaged or altered copy.`);
    }
    if (preview.changes.length > 0 && !options.confirmed) {
      throw new ImportRefusal(`Merging this file changes what is already here: ${preview.changes.join('; ')}.`, preview.changes);
    }
  }
  if (checked.kind === 'json' && existed) mergeExportInto(target.doc, checked.data);
  else Y.applyUpdate(target.doc, checked.update, IMPORT_ORIGIN);
  await target.persistence.whenSaved();
  const meta = readMeta(target.doc);
  if (meta?.id !== checked.incidentId) throw new Error('The import was written but the incident cannot be read back.');
  return { incidentId: checked.incidentId, title: meta.title, outcome: existed ? 'merged' : 'created' };
};

export type ImportResult = ({ ok: true } & ImportOutcome) | { ok: false; message: string; confirm?: string[] };

/**
 * Check a file completely, then apply it. A refused file never reaches `open`,
 * so nothing on this device is created or changed.
 */
export const importIncident = async (
  bytes: Uint8Array,
  fileName: string,
  open: (id: string) => Promise<ImportTarget>,
  options: { confirmed?: boolean } = {},
): Promise<ImportResult> => {
  const checked = checkImportFile(bytes, fileName);
  if (!checked.ok) return checked;
  try {
    return { ok: true, ...(await applyImport(checked, open, options)) };
  } catch (e) {
    if (e instanceof ImportRefusal) return { ok: false, message: e.message, ...(e.confirm.length > 0 ? { confirm: e.confirm } : {}) };
    return { ok: false, message: `The import could not be saved: ${e instanceof Error ? e.message : String(e)}` };
  }
};
