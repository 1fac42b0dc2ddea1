import { useMemo } from 'react';
import { applyAsking } from './apply-template';
import { suggestTemplates, type RunbookTemplate } from '@shared/domain/runbook/runbook-templates';
import type { Severity } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { useRegisterCommands, type Command } from '../command-palette';

/** Palette commands: apply any template, the ones for this severity first. */
export const useRunbookCommands = (templates: readonly RunbookTemplate[], severity: Severity, run: ReturnType<typeof useRunOp>): void => {
  const commands = useMemo(
    () =>
      suggestTemplates(templates, severity).map(
        (t): Command => ({
          id: `runbook.apply.${t.id}`,
          title: `Apply runbook template: ${t.name}`,
          group: 'Incident',
          keywords: ['runbook', 'checklist', 'template', t.kind],
          run: () => applyAsking(run, t),
        }),
      ),
    [templates, severity, run],
  );
  useRegisterCommands(commands);
};
