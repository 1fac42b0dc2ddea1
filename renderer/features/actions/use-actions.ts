import { useMemo } from 'react';
import type * as Y from 'yjs';
import { localIsoDate } from '@shared/domain/actions/action-due';
import { readActions } from '@shared/schema/read-model';
import { useTypeVersion } from '../../data/use-incident';
import { useNow } from '../../data/use-now';

export const useActions = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'actions');
  return useMemo(() => (void v, readActions(doc)), [doc, v]);
};

/** The viewer's local date (YYYY-MM-DD), moving at midnight. */
export const useToday = (): string => {
  const now = useNow(60_000);
  return localIsoDate(now, new Date(now).getTimezoneOffset());
};
