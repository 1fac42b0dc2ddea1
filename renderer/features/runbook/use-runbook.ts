import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useLiveQuery } from 'dexie-react-hooks';
import { readRunbook } from '@shared/schema/read-model';
import { DEFAULT_TEMPLATES, type RunbookTemplate } from '@shared/domain/runbook/runbook-templates';
import { listTemplates, type TemplateRow } from '@shared/storage/templates';
import { useTypeVersion } from '../../data/use-incident';
import { useServices } from '../../data/services';

export const useRunbook = (doc: Y.Doc) => {
  const v = useTypeVersion(doc, 'runbook');
  return useMemo(() => (void v, readRunbook(doc)), [doc, v]);
};

const NONE: TemplateRow[] = [];

/** The team's templates on this device (live), and the built-in ones. */
export const useTemplates = (): { custom: TemplateRow[]; all: RunbookTemplate[]; loaded: boolean } => {
  const { db } = useServices();
  const custom = useLiveQuery(() => listTemplates(db), [db]);
  return useMemo(() => {
    const rows = custom ?? NONE;
    return { custom: rows, all: [...DEFAULT_TEMPLATES, ...rows], loaded: custom !== undefined };
  }, [custom]);
};
