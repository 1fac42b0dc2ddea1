import type * as Y from 'yjs';
import { DomainError } from '../core/errors';
import { fragmentToJson } from '../postmortem/fragment-json';
import { pmDepthWithin } from '../postmortem/pm-schema';
import { postmortemOf } from '../schema/incident-doc';
import { readIncident } from '../schema/read-model';
import { EXPORT_FORMAT, EXPORT_VERSION, exportSchema, type IncidentExport } from './json-schema';

export { EXPORT_FORMAT, EXPORT_VERSION, type IncidentExport } from './json-schema';

/** The whole incident as plain data: what the JSON export writes. */
export const buildIncidentExport = (doc: Y.Doc, exportedAt: number): IncidentExport => {
  const incident = readIncident(doc);
  if (!incident) throw new DomainError('not_declared', 'There is nothing to export: this incident has not been declared or synced yet.');
  return { format: EXPORT_FORMAT, schemaVersion: EXPORT_VERSION, exportedAt, incident, postmortem: fragmentToJson(postmortemOf(doc)) };
};

export const incidentToJson = (doc: Y.Doc, exportedAt: number): string => `${JSON.stringify(buildIncidentExport(doc, exportedAt), null, 2)}\n`;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validate a JSON export completely. Messages say what is wrong in words a
 * person can act on: not JSON, not ours, a newer version, or which field.
 */
export const parseIncidentExport = (text: string): ParseResult<IncidentExport> => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not valid JSON. It may be truncated or damaged.' };
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT) {
    return { ok: false, message: 'The file is JSON but not a Warroom incident export.' };
  }
  const version = raw.schemaVersion;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return { ok: false, message: `The file is from a newer Warroom (schema version ${version}); this version reads version ${EXPORT_VERSION}.` };
  }
  if (version !== EXPORT_VERSION) {
    return { ok: false, message: `The file has an unsupported schema version (${JSON.stringify(version) ?? 'none'}); expected ${EXPORT_VERSION}.` };
  }
  if (!pmDepthWithin(raw.postmortem)) {
    return { ok: false, message: 'The postmortem in the file is nested too deeply to be one we wrote.' };
  }
  const result = exportSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
    return { ok: false, message: `The file is not a valid incident export: ${where}: ${issue?.message ?? 'invalid'}.` };
  }
  return { ok: true, value: result.data };
};
