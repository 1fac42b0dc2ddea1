import { isDomainError } from '@shared/core/errors';
import { applyRunbookTemplate, type ApplyTemplateInput } from '@shared/domain/runbook/runbook-template-ops';
import type { useRunOp } from '../../data/use-run-op';

/** Apply a template, asking first when it was applied already (its steps would be there twice): the domain says why. */
export const applyAsking = (run: ReturnType<typeof useRunOp>, template: ApplyTemplateInput): void => {
  void run((doc, ctx) => {
    try {
      return applyRunbookTemplate(doc, ctx, template);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'needs_confirmation') throw e;
      // A native confirm: it takes and returns focus, the same in Electron and the browser.
      return window.confirm(e.message) ? applyRunbookTemplate(doc, ctx, template, { confirmed: true }) : [];
    }
  });
};
