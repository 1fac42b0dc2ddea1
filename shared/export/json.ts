import type * as Y from 'yjs';
import { DomainError } from '../core/errors';
import { pmDepthWithin } from '../postmortem/pm-schema';
import { readIncident } from '../schema/records';
import { EXPORT_FORMAT, EXPORT_VERSION, exportSchema, upgradeV1, type IncidentExport } from './json-schema';
import { describeIssue } from './issue-words';

export { EXPORT_FORMAT, EXPORT_VERSION, type IncidentExport } from './json-schema';

/** The whole incident as plain data: what the JSON export writes. */
export const buildIncidentExport = (doc: Y.Doc, exportedAt: number): IncidentExport => {
  const incident = readIncident(doc);
  if (!incident) throw new DomainError('not_declared', 'There is nothing to export: this incident has not been declared or synced yet.');
  return { format: EXPORT_FORMAT, schemaVersion: EXPORT_VERSION, exportedAt, incident };
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
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    return { ok: false, message: `The file comes from a newer Warroom (format version ${version}). This version reads versions 1 and ${EXPORT_VERSION}: update Warroom to import it.` };
  }
  if (version !== 1 && version !== EXPORT_VERSION) {
    return { ok: false, message: 'The file does not say which format version it is in, so it cannot be read safely.' };
  }
  const current = version === 1 ? upgradeV1(raw) : raw;
  if (isRecord(current) && isRecord(current.incident) && !pmDepthWithin(current.incident.postmortem)) {
    return { ok: false, message: 'The postmortem in the file is nested too deeply to be one we wrote.' };
  }
  const result = exportSchema.safeParse(current);
  if (!result.success) return { ok: false, message: `The file is not a valid incident export: ${describeIssue(result.error)}.` };
  return { ok: true, value: result.data };
};
