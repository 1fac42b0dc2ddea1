import type * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../core/origins';
import { createIncidentDoc } from '../schema/incident-doc';
import { writeSnapshot } from '../schema/records';
import type { IncidentExport } from './json-schema';

/** A brand-new document holding the export; its guid is the incident id. */
export const docFromExport = (data: IncidentExport): Y.Doc => {
  const doc = createIncidentDoc(data.incident.meta.id);
  doc.transact(() => writeSnapshot(doc, data.incident), IMPORT_ORIGIN);
  return doc;
};
