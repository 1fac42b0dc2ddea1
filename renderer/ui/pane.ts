import type { IncidentHandle } from '../data/incident-registry';

/** What every war-room pane is given: the incident it shows. Here, so features need not import the war room to be one of its panes. */
export interface PaneProps {
  handle: IncidentHandle;
}
