import type { ShareWithdrawal } from '@shared/storage/shares';
import { localHourMinute } from '../../ui/local-time';
import { useShareRow } from '../../sync';

/** Said to a peer whose invite was replaced or withdrawn while it was connected (see sync/share-withdrawal.ts). */
export const describeWithdrawal = (w: ShareWithdrawal): string =>
  w.kind === 'new-invite'
    ? `${w.by} made a new invite for this incident at ${localHourMinute(w.at)}, so this device left the old room. Ask them for the new invite and paste it into "Join with invite" to keep syncing. Your copy stays here.`
    : `${w.by} stopped sharing this incident at ${localHourMinute(w.at)}, so this device left the room. Your copy stays here.`;

export const WithdrawnNotice = ({ withdrawal }: { withdrawal: ShareWithdrawal }) => (
  <p className="sharing-withdrawn" role="status" data-testid="share-withdrawn">
    {describeWithdrawal(withdrawal)}
  </p>
);

/** In the war room, under the header: shown while this device holds a withdrawn invite for the incident. */
export const ShareWithdrawnBanner = ({ incidentId }: { incidentId: string }) => {
  const withdrawn = useShareRow(incidentId)?.withdrawn;
  return withdrawn ? <WithdrawnNotice withdrawal={withdrawn} /> : null;
};
