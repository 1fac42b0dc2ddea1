import * as Y from 'yjs';
import { DomainError } from '@shared/core/errors';
import { exportFileName } from '@shared/export/file-name';
import { incidentToJson } from '@shared/export/json';
import { incidentToMarkdown } from '@shared/export/markdown';
import { readIncident } from '@shared/schema/read-model';
import type { IncidentSnapshot } from '@shared/schema/types';
import { platform } from '../../platform';
import { verification } from '../evidence';

/*
 * Export commands, usable from any UI (menu, command palette). Each reads the
 * live document and hands the bytes to the platform (a download in the
 * browser, a save dialog in Electron).
 */

export type SaveResult = { saved: boolean; location?: string };

const snapshotOf = (doc: Y.Doc): IncidentSnapshot => {
  const snap = readIncident(doc);
  if (!snap) throw new DomainError('not_declared', 'There is nothing to export: this incident has not been declared or synced yet.');
  return snap;
};

/** Postmortem, action items and timeline as GitHub Markdown. */
export const exportMarkdown = async (doc: Y.Doc): Promise<SaveResult> => {
  const snap = snapshotOf(doc);
  // Its Signatures section checks every statement: done first, in batches, so a long incident does not freeze the page.
  const signatures = await verification.checked(doc);
  return platform.saveFile({
    suggestedName: exportFileName(snap.meta, 'md'),
    mimeType: 'text/markdown',
    data: incidentToMarkdown(readIncident(doc) ?? snap, Date.now(), signatures),
  });
};

/** The documented JSON schema, for people and other tools; imports back. */
export const exportJson = (doc: Y.Doc): Promise<SaveResult> =>
  platform.saveFile({
    suggestedName: exportFileName(snapshotOf(doc).meta, 'json'),
    mimeType: 'application/json',
    data: incidentToJson(doc, Date.now()),
  });

/** The whole Yjs document as one update: imports and merges without loss. */
export const exportYjs = (doc: Y.Doc): Promise<SaveResult> =>
  platform.saveFile({
    suggestedName: exportFileName(snapshotOf(doc).meta, 'yjs'),
    mimeType: 'application/octet-stream',
    // A copy on a plain ArrayBuffer, as the platform contract's type asks.
    data: new Uint8Array(Y.encodeStateAsUpdate(doc)),
  });
