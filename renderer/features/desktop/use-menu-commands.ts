import { useEffect } from 'react';
import type { AppCommand } from '@shared/platform/app-commands';
import { exportFileName } from '@shared/export/file-name';
import { readMeta } from '@shared/schema/read-model';
import { useServices } from '../../data/services';
import { errorMessage } from '../../data/use-run-op';
import { platform } from '../../platform';
import { useAppStore } from '../../store/app-store';
import { commandRegistry } from '../command-palette';
import { exportJson, exportMarkdown, withPrintView } from '../export';
import { runAppCommand, unavailableMessage } from './run-app-command';

type SaveResult = { saved: boolean; location?: string };

/**
 * Runs what the application menu sends. Fallbacks cover commands no screen
 * registers with the palette: navigation, exports of the open incident (the
 * PDF through the platform's printToPdf and a save dialog), and finding LAN rooms.
 */
export const useMenuCommands = (openJoin: () => void): void => {
  const { registry } = useServices();
  const navigate = useAppStore((s) => s.navigate);
  const pushNotice = useAppStore((s) => s.pushNotice);

  useEffect(() => {
    const exportOpen = (label: string, save: (doc: Parameters<typeof exportJson>[0]) => Promise<SaveResult | boolean>) => async () => {
      const route = useAppStore.getState().route;
      if (route.name !== 'incident') {
        pushNotice('info', `Open an incident first: “${label}” works on the incident you are in.`);
        return;
      }
      try {
        const result = await save((await registry.open(route.incidentId)).doc);
        if (typeof result === 'object' && result.saved && result.location) pushNotice('info', `Saved ${result.location}`);
      } catch (e) {
        pushNotice('error', `${label} failed: ${errorMessage(e)}`);
      }
    };
    const printPdf = (doc: Parameters<typeof exportJson>[0]) => {
      const meta = readMeta(doc);
      let result: SaveResult = { saved: false };
      return withPrintView(doc, async () => {
        result = await platform.printToPdf({ suggestedName: meta ? exportFileName(meta, 'pdf') : 'incident.pdf' });
      }).then(() => result);
    };

    const fallbacks: Partial<Record<AppCommand, () => void>> = {
      'incident.join': () => openJoin(),
      'nav.list': () => navigate({ name: 'list' }),
      'nav.metrics': () => navigate({ name: 'metrics' }),
      'nav.actions': () => navigate({ name: 'actions' }),
      'export.markdown': () => void exportOpen('Export as Markdown', exportMarkdown)(),
      'export.json': () => void exportOpen('Export as JSON', exportJson)(),
      'export.pdf': () => void exportOpen('Export as PDF', printPdf)(),
      'lan.discover': () => {
        // The rooms list lives on the incident list; it registers lan.discover once on screen.
        navigate({ name: 'list' });
        requestAnimationFrame(() => commandRegistry.list().find((c) => c.id === 'lan.discover')?.run());
      },
    };

    return platform.onCommand((id) => {
      const outcome = runAppCommand(id, commandRegistry.list(), fallbacks);
      if (outcome === 'unavailable') pushNotice('info', unavailableMessage(id));
    });
    // All stable (store actions, the services, a memoised callback): subscribed once in practice.
  }, [registry, navigate, pushNotice, openJoin]);
};
