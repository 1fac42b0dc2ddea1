import { useMemo } from 'react';
import type * as Y from 'yjs';
import { RECORD_TYPES, type SetAside } from '@shared/schema/records';
import { timelineProjectionOf } from '@shared/domain/timeline/timeline-projection';
import { useTypeVersion } from '../../data/use-incident';
import { readMeta } from '@shared/schema/read-model';
import { evidenceProjectionOf } from '@shared/evidence/evidence-projection';

/**
 * Everything in the document that its readers set aside, live: the timeline
 * and its signatures from their incremental projections (a 10,000-entry incident
 * is not re-read on every change), the other record types read afresh when their type changes.
 */
export const useDamaged = (doc: Y.Doc): SetAside[] => {
  const versions = [
    useTypeVersion(doc, 'meta'),
    useTypeVersion(doc, 'roles'),
    useTypeVersion(doc, 'timeline'),
    useTypeVersion(doc, 'runbook'),
    useTypeVersion(doc, 'actions'),
    useTypeVersion(doc, 'updates'),
    useTypeVersion(doc, 'postmortem'),
    useTypeVersion(doc, 'evidence'),
  ].join();
  return useMemo(() => {
    void versions;
    const out: SetAside[] = [];
    for (const r of RECORD_TYPES) {
      if (r.name === 'timeline') out.push(...timelineProjectionOf(doc).setAside());
      else if (r.name === 'evidence') out.push(...evidenceProjectionOf(doc).setAside);
      else if (r.name !== 'meta' || readMeta(doc) !== null) out.push(...r.read(doc).setAside);
    }
    return out;
  }, [doc, versions]);
};
