import { useRef } from 'react';
import type * as Y from 'yjs';
import type { IncidentHandle } from '../../data/incident-registry';
import { errorMessage } from '../../data/use-run-op';
import { useAppStore } from '../../store/app-store';
import { exportJson, exportMarkdown, exportYjs, type SaveResult } from './export-actions';
import { printIncident } from './print-view';
import './export.css';

const COMMANDS: { label: string; hint: string; run: (doc: Y.Doc) => Promise<SaveResult | boolean> | boolean }[] = [
  { label: 'Markdown', hint: 'Postmortem and timeline, renders on GitHub', run: exportMarkdown },
  { label: 'JSON', hint: 'The whole incident in the documented schema', run: exportJson },
  { label: 'Yjs update', hint: 'Lossless; imports and merges on another device', run: exportYjs },
  { label: 'PDF (print)', hint: 'Opens the print dialog: choose “Save as PDF”', run: printIncident },
];

/** Export menu for the war room header. */
export const ExportMenu = ({ handle }: { handle: IncidentHandle }) => {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const menu = useRef<HTMLDetailsElement>(null);
  const run = async (label: string, fn: (doc: Y.Doc) => Promise<SaveResult | boolean> | boolean) => {
    if (menu.current) menu.current.open = false;
    try {
      await fn(handle.doc);
    } catch (e) {
      pushNotice('error', `${label} export failed: ${errorMessage(e)}`);
    }
  };
  return (
    <details className="export-menu" ref={menu}>
      <summary>Export</summary>
      <div className="export-options" role="group" aria-label="Export this incident">
        {COMMANDS.map((c) => (
          <button key={c.label} type="button" onClick={() => void run(c.label, c.run)} title={c.hint}>
            {c.label}
            <span className="export-hint">{c.hint}</span>
          </button>
        ))}
      </div>
    </details>
  );
};
