import { deleteIncidentData } from '@shared/storage/incident-removal';
import type { Services } from '../../data/services';

/**
 * Delete an incident from this device, in the order that lets nothing write it
 * back: leave its rooms (no peer update arrives after), close its document
 * (what was queued is written, then nothing more), then delete its rows.
 * Peers' copies are untouched; nothing can reach them.
 */
export const deleteIncident = async ({ db, registry, sync }: Services, incidentId: string): Promise<void> => {
  await sync.forget(incidentId);
  await registry.close(incidentId);
  await deleteIncidentData(db, incidentId);
};
