import { importIncident, type ImportResult } from '@shared/export/apply-import';
import type { IncidentRegistry } from '../../data/incident-registry';

/**
 * Import a JSON or Yjs export. The file is checked completely before anything
 * is opened; the incident is then created (or merged into the one with the same
 * id) through the registry, so the live document and its persistence are the
 * same ones the war room uses, and success is reported only once it is on disk.
 */
export const importIncidentFile = async (file: Blob & { name?: string }, registry: IncidentRegistry, options: { confirmed?: boolean } = {}): Promise<ImportResult> => {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, message: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  return importIncident(bytes, file.name ?? '', (id) => registry.open(id), options);
};
