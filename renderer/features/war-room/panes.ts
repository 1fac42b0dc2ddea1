import type { ComponentType } from 'react';
import type { MainPane } from '../../store/war-room-slice';
import { Timeline } from '../timeline';
import { PostmortemPane } from '../postmortem';
import { MetricsPane } from '../metrics';
import { RolesPane } from '../roles';
import { RunbookPane } from '../runbook';
import { UpdatesPane } from '../updates';
import { LanHostPane } from '../lan-host';
import { SignaturesPane } from '../evidence';
import { PeriodsPane } from '../periods';
import { ImpactPane } from '../impact';

export type { PaneProps } from '../../ui/pane';
import type { PaneProps } from '../../ui/pane';

/**
 * The war room's panes. The main area shows one of MAIN_PANES as tabs; the side
 * column stacks SIDE_PANES. A feature joins the war room by adding itself here.
 */
export const MAIN_PANES: { id: MainPane; label: string; component: ComponentType<PaneProps> }[] = [
  { id: 'timeline', label: 'Timeline', component: Timeline },
  { id: 'postmortem', label: 'Postmortem', component: PostmortemPane },
  { id: 'metrics', label: 'Metrics', component: MetricsPane },
];

export const SIDE_PANES: { id: string; label: string; component: ComponentType<PaneProps> }[] = [
  { id: 'impact', label: 'Impact and summary', component: ImpactPane },
  { id: 'roles', label: 'Roles', component: RolesPane },
  { id: 'periods', label: 'Shifts', component: PeriodsPane },
  { id: 'runbook', label: 'Runbook', component: RunbookPane },
  { id: 'updates', label: 'Updates', component: UpdatesPane },
  { id: 'lan-host', label: 'LAN host', component: LanHostPane },
  { id: 'signatures', label: 'Signatures', component: SignaturesPane },
];
