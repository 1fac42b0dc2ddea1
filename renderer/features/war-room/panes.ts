import type { ComponentType } from 'react';
import type { IncidentHandle } from '../../data/incident-registry';
import type { MainPane } from '../../store/war-room-slice';
import { Timeline } from '../timeline';

export interface PaneProps {
  handle: IncidentHandle;
}

/**
 * The war room's panes. The main area shows one of MAIN_PANES as tabs; the side
 * column stacks SIDE_PANES. A feature joins the war room by adding itself here.
 */
export const MAIN_PANES: { id: MainPane; label: string; component: ComponentType<PaneProps> }[] = [
  { id: 'timeline', label: 'Timeline', component: Timeline },
];

export const SIDE_PANES: { id: string; label: string; component: ComponentType<PaneProps> }[] = [];
