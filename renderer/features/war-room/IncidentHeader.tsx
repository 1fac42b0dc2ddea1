import type { IncidentMeta } from '@shared/schema/types';
import { formatDuration, headlineFigure } from '@shared/metrics/metrics';
import type { IncidentHandle } from '../../data/incident-registry';
import { SaveIndicator } from './SaveIndicator';
import { IncidentControls, LifecycleTimes, TitleEditor } from '../lifecycle';
import { useNow } from '../../data/use-now';
import { SharingControls } from '../sharing';
import { ExportMenu } from '../export';
import { IncidentFileActions } from '../incident-admin';
import { CommanderChip } from '../roles';
import { UpdateDueChip } from '../updates';
import { NoticeBar } from '../notices';
import { DrillBanner } from './DrillBanner';

/**
 * The incident bar stays on screen however the war room scrolls, at every width
 * down to 960 px: severity, title, status, drill, elapsed time, the IC, the next
 * update and the connection. Notices show under it, in the flow, so they never
 * cover the entry box. What is used less (export, archive, lifecycle times) scrolls.
 */
export const IncidentHeader = ({ meta, handle }: { meta: IncidentMeta; handle: IncidentHandle }) => {
  const now = useNow(1000);
  const headline = headlineFigure(meta.lifecycle, now);
  return (
    <>
      <div className="incident-bar" data-testid="incident-bar">
        {meta.drill && <DrillBanner />}
        <header className="incident-header">
          <IncidentControls meta={meta} handle={handle}>
            <TitleEditor title={meta.title} handle={handle} />
          </IncidentControls>
          {headline && (
            <span className="elapsed" data-testid="incident-elapsed" title={headline.label}>
              <span className="dim">{headline.label}</span> {formatDuration(headline.ms)}
            </span>
          )}
          <CommanderChip doc={handle.doc} />
          <UpdateDueChip handle={handle} meta={meta} />
          <SharingControls incidentId={handle.id} title={meta.title} />
          <SaveIndicator handle={handle} />
        </header>
        <NoticeBar inline />
      </div>
      <div className="incident-tools">
        <LifecycleTimes lifecycle={meta.lifecycle} handle={handle} />
        <span className="incident-tools-actions">
          <ExportMenu handle={handle} />
          <IncidentFileActions incidentId={handle.id} title={meta.title} />
        </span>
      </div>
    </>
  );
};
