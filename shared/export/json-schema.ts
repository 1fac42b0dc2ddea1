import { z } from 'zod';
import { snapshotSchema, type IncidentSnapshot } from '../schema/records';

/**
 * The JSON export: `{ format, schemaVersion, exportedAt, incident }`, where
 * `incident` is the snapshot of every record type (records/index.ts), the
 * postmortem among them as ProseMirror JSON. Its schema is the record types'
 * own, with the rules the operations keep (unique ids, lifecycle order, the
 * same limits as the UI), so an import can make nothing an operation could not.
 *
 * Version 1 (before experts and the postmortem were records) is still read:
 * see upgradeV1.
 */

export const EXPORT_FORMAT = 'warroom.incident';
export const EXPORT_VERSION = 2;

export interface IncidentExport {
  format: typeof EXPORT_FORMAT;
  schemaVersion: typeof EXPORT_VERSION;
  /** Epoch milliseconds. */
  exportedAt: number;
  incident: IncidentSnapshot;
}

export const exportSchema: z.ZodType<IncidentExport> = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  schemaVersion: z.literal(EXPORT_VERSION),
  exportedAt: z.number().refine(Number.isFinite, 'must be a time'),
  incident: snapshotSchema,
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A version 1 file in version 2's shape: the postmortem moves into the
 * incident, and the single subject-matter expert that version 1 kept among the
 * roles moves to `experts`. Anything else is left for the schema to judge.
 */
export const upgradeV1 = (raw: Record<string, unknown>): unknown => {
  const incident = isRecord(raw.incident) ? { ...raw.incident } : raw.incident;
  if (isRecord(incident)) {
    const roles = Array.isArray(incident.roles) ? incident.roles : [];
    incident.roles = roles.filter((r) => !(isRecord(r) && r.role === 'sme'));
    incident.experts = roles
      .filter((r): r is Record<string, unknown> => isRecord(r) && r.role === 'sme')
      .map(({ role: _role, ...expert }) => ({ area: '', ...expert }));
    incident.postmortem = raw.postmortem;
  }
  const { postmortem: _pm, ...rest } = raw;
  return { ...rest, schemaVersion: EXPORT_VERSION, incident };
};
