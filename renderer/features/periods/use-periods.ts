import { useMemo } from 'react';
import type * as Y from 'yjs';
import { readPeriods } from '@shared/domain/periods/period-ops';
import { useTypeVersion } from '../../data/use-incident';

/** The incident's operational periods, re-read when the periods change (locally or from a peer). */
export const usePeriods = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'periods');
  return useMemo(() => (void v, readPeriods(doc)), [doc, v]);
};
