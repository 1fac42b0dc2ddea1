import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { SCHEMA_VERSION, createIncidentDoc, metaOf } from '../schema/incident-doc';
import { META_KEYS, incidentIdSchema } from '../schema/records/meta';
import { docFromExport } from './doc-from-export';
import { buildIncidentExport, parseIncidentExport } from './json';
import { exportSchema, type IncidentExport } from './json-schema';
import { describeIssue } from './issue-words';
import { readIncidentWithReport } from '../schema/records';

/**
 * Everything an import needs, checked before anything on this device changes.
 * `update` is what to apply to a new incident (the file itself for a Yjs
 * export, the rebuilt document for JSON); `data` is the JSON for a merge.
 */
export type ValidImport =
  | { kind: 'json'; incidentId: string; title: string; update: Uint8Array; data: IncidentExport }
  | { kind: 'yjs'; incidentId: string; title: string; update: Uint8Array };

export type ImportCheck = ({ ok: true } & ValidImport) | { ok: false; message: string };

/** 50 MB: far above any real incident, low enough to refuse a wrong file before parsing it. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const refuse = (message: string): ImportCheck => ({ ok: false, message });

const looksLikeJson = (bytes: Uint8Array): boolean => {
  for (const b of bytes) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf) continue; // whitespace, UTF-8 BOM
    return b === 0x7b; // "{"
  }
  return false;
};

export const checkJsonImport = (bytes: Uint8Array): ImportCheck => {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('The file is not UTF-8 text, so it is not a JSON export.');
  }
  const parsed = parseIncidentExport(text);
  if (!parsed.ok) return parsed;
  const data = parsed.value;
  const doc = docFromExport(data);
  try {
    return { ok: true, kind: 'json', incidentId: data.incident.meta.id, title: data.incident.meta.title, update: Y.encodeStateAsUpdate(doc), data };
  } finally {
    doc.destroy();
  }
};

/**
 * A Yjs export is applied to a scratch document first; it must decode
 * completely and hold a declared incident of our schema version, and what it
 * holds must pass the same checks as a JSON export.
 */
export const checkYjsImport = (bytes: Uint8Array): ImportCheck => {
  const scratch = new Y.Doc();
  try {
    try {
      Y.applyUpdate(scratch, bytes, IMPORT_ORIGIN);
    } catch {
      return refuse('The file is not a Yjs update, or it is damaged.');
    }
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) {
      return refuse('The Yjs file is incomplete (truncated, or only part of a document).');
    }
    const meta = metaOf(scratch);
    const version = meta.get(META_KEYS.schemaVersion);
    if (version === undefined && meta.get(META_KEYS.id) === undefined) return refuse('The file holds no Warroom incident.');
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      return refuse(`The file comes from a newer Warroom (layout version ${version}); this version reads layout version ${SCHEMA_VERSION}: update Warroom to import it.`);
    }
    if (version !== SCHEMA_VERSION) return refuse('The file does not say which layout version it is in, so it cannot be read safely.');
    const id = meta.get(META_KEYS.id);
    if (typeof id !== 'string') return refuse('The file holds an incident without an id.');
    if (!incidentIdSchema.safeParse(id).success) return refuse('The file holds an incident whose id is not valid (1 to 128 letters, digits, _ or -).');
    // Read it as the document it will become: its guid is the incident id.
    const asIncident = createIncidentDoc(id);
    try {
      Y.applyUpdate(asIncident, bytes, IMPORT_ORIGIN);
      const damaged = readIncidentWithReport(asIncident)?.setAside[0];
      if (damaged) {
        return refuse(`The Yjs file holds a damaged record in ${damaged.record}${damaged.id ? ` (“${damaged.id}”)` : ''}: ${damaged.reason}.`);
      }
      const check = exportSchema.safeParse(buildIncidentExport(asIncident, 0));
      if (!check.success) return refuse(`The Yjs file holds an invalid incident: ${describeIssue(check.error)}.`);
      return { ok: true, kind: 'yjs', incidentId: id, title: check.data.incident.meta.title, update: bytes };
    } finally {
      asIncident.destroy();
    }
  } catch (e) {
    return refuse(`The Yjs file could not be read: ${e instanceof Error ? e.message : String(e)}.`);
  } finally {
    scratch.destroy();
  }
};

/** JSON or Yjs, told apart by the name when it says, else by the first byte. */
export const checkImportFile = (bytes: Uint8Array, fileName = ''): ImportCheck => {
  if (bytes.length === 0) return refuse('The file is empty.');
  if (bytes.length > MAX_IMPORT_BYTES) return refuse('The file is larger than 50 MB; it is not an incident export.');
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return checkJsonImport(bytes);
  if (name.endsWith('.yjs') || name.endsWith('.bin')) return checkYjsImport(bytes);
  return looksLikeJson(bytes) ? checkJsonImport(bytes) : checkYjsImport(bytes);
};
