import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { UPDATE_TEMPLATE_STATUSES, draftUpdate, templateStatusFor, type UpdateTemplateStatus } from '@shared/domain/updates/update-templates';
import { postUpdate } from '@shared/domain/updates/update-ops';
import type { IncidentMeta } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { errorMessage } from '../../data/use-run-op';
import { readDraft, writeDraft } from '../../data/use-device-draft';
import { platform } from '../../platform';
import { useAppStore } from '../../store/app-store';
import { useRegisterCommands, type Command } from '../command-palette';

/**
 * Draft from the template for a status, filled from the incident; edit; post.
 * Until edited, the draft follows the incident (and the clock, for "next update by").
 */
export const UpdateComposer = ({ meta, now, run }: { meta: IncidentMeta; now: number; run: ReturnType<typeof useRunOp> }) => {
  const [picked, setPicked] = useState<UpdateTemplateStatus | null>(null);
  // An edited draft is kept on this device until posted or reset: it survives a reload or leaving the war room.
  const [edited, setEditedState] = useState<string | null>(() => readDraft(meta.id, 'update'));
  const setEdited = (next: string | null) => {
    setEditedState(next);
    writeDraft(meta.id, 'update', next ?? '');
  };
  const pushNotice = useAppStore((s) => s.pushNotice);
  const templateId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const commands = useMemo(
    (): Command[] => [{ id: 'updates.write', title: 'Write a stakeholder update', group: 'Incident', keywords: ['comms', 'status page', 'post'], run: () => area.current?.focus() }],
    [],
  );
  useRegisterCommands(commands);
  const status = picked ?? templateStatusFor(meta.status);
  const text = edited ?? draftUpdate({ meta, status, now });

  const post = async (e: FormEvent) => {
    e.preventDefault();
    const r = run((doc, ctx) => postUpdate(doc, ctx, { status, text }));
    if (!r.ok) return;
    setEdited(null);
    setPicked(null);
    try {
      await platform.copyText(text.trim());
      pushNotice('info', 'Update posted and copied to the clipboard.');
    } catch (err) {
      pushNotice('error', `Update posted, but it could not be copied: ${errorMessage(err)}`);
    }
  };

  return (
    <form className="update-composer" onSubmit={(e) => void post(e)}>
      <div className="composer-row">
        <label htmlFor={templateId} className="dim">
          Template
        </label>
        <select
          id={templateId}
          value={status}
          onChange={(e) => {
            setPicked(e.target.value as UpdateTemplateStatus);
            setEdited(null);
          }}
        >
          {UPDATE_TEMPLATE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        {edited !== null && (
          <button type="button" onClick={() => setEdited(null)}>
            Reset to template
          </button>
        )}
      </div>
      <textarea ref={area} aria-label="Update text" value={text} onChange={(e) => setEdited(e.target.value)} rows={5} maxLength={20_000} />
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        Post and copy
      </button>
    </form>
  );
};
