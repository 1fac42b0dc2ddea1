import { declareIncident } from '../../shared/domain/incident/incident-ops';
import { addEntry, editEntry } from '../../shared/domain/timeline/timeline-ops';
import { systemContext } from '../../shared/core/context';
import { createIncidentDoc } from '../../shared/schema/incident-doc';
import { incidentToJson } from '../../shared/export/json';
import { newSigningKey, signerOf } from '../../shared/evidence/signer';

/** A JSON export of a small incident whose entries a device signed, as the app writes it. */
export const signedExportJson = (): string => {
  const doc = createIncidentDoc('readme-verify');
  const ctx = { ...systemContext({ name: 'Ada', deviceId: 'dev-ada' }), signer: signerOf(newSigningKey())! };
  declareIncident(doc, ctx, { title: 'Checkout returns 500', severity: 'SEV2' });
  const id = addEntry(doc, ctx, { kind: 'observation', text: 'Error rate 12% on /checkout' });
  editEntry(doc, ctx, { id, text: 'Error rate 14% on /checkout' });
  addEntry(doc, ctx, { kind: 'action', text: 'Rolled back web to v41' });
  return incidentToJson(doc, Date.now());
};
