import type { IncidentMeta } from '@shared/schema/types';
import { formatDuration, headlineFigure } from '@shared/metrics/metrics';
import type { IncidentHandle } from '../../data/incident-registry';
import { SaveIndicator } from './SaveIndicator';
import { IncidentControls, LifecycleTimes, TitleEditor } from '../lifecycle';
import { useNow } from '../../data/use-now';
import { SharingControls } from '../sharing';
import { ExportMenu } from '../export';
import { IncidentFileActions } from '../incident-admin';

export const IncidentHeader = ({ meta, handle }: { meta: IncidentMeta; handle: IncidentHandle }) => {
  const now = useNow(1000);
  const headline = headlineFigure(meta.lifecycle, now);
  return (
    <>
      <header className="incident-header">
        <IncidentControls meta={meta} handle={handle}>
          <TitleEditor title={meta.title} handle={handle} />
        </IncidentControls>
        {headline && (
          <span className="elapsed" data-testid="incident-elapsed" title={headline.label}>
            <span className="dim">{headline.label}</span> {formatDuration(headline.ms)}
          </span>
        )}
        <SaveIndicator handle={handle} />
        <SharingControls incidentId={handle.id} title={meta.title} />
        <ExportMenu handle={handle} />
        <IncidentFileActions incidentId={handle.id} title={meta.title} />
      </header>
      <LifecycleTimes lifecycle={meta.lifecycle} handle={handle} />
    </>
  );
};
