import { useCallback, useState } from 'react';

/**
 * Half-typed text that must survive switching tabs, leaving the war room and a
 * reload: kept on this device (localStorage, written as it is typed), per
 * incident and per field. It is not part of the record until it is committed.
 * Storage that refuses (private mode, quota) leaves the draft in memory only.
 */
const storageKey = (incidentId: string, field: string) => `warroom.draft.${incidentId}.${field}`;

export const readDraft = (incidentId: string, field: string): string | null => {
  try {
    return localStorage.getItem(storageKey(incidentId, field));
  } catch {
    return null;
  }
};

export const writeDraft = (incidentId: string, field: string, text: string): void => {
  try {
    if (text === '') localStorage.removeItem(storageKey(incidentId, field));
    else localStorage.setItem(storageKey(incidentId, field), text);
  } catch {
    // Kept in memory: losing the copy on disk is not worth interrupting the scribe.
  }
};

export const useDeviceDraft = (incidentId: string, field: string, initial = ''): [string, (text: string) => void] => {
  const [text, setText] = useState(() => readDraft(incidentId, field) ?? initial);
  const set = useCallback(
    (next: string) => {
      setText(next);
      writeDraft(incidentId, field, next);
    },
    [incidentId, field],
  );
  return [text, set];
};
