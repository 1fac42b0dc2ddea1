import { z } from 'zod';
import { SEVERITIES, type Severity } from '../../schema/types';
import { MAX_TEXT, titleSchema } from '../../schema/validation';

/*
 * Runbook templates: the checklists of shared/DOMAIN.md as defaults, plus the
 * team's own (stored on the device, see shared/storage/templates.ts). Applying
 * one copies its steps into the incident (runbook-template-ops.ts); the
 * template itself never travels in the incident document.
 */

export const TEMPLATE_KINDS = ['major', 'security', 'third_party', 'minor', 'custom'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_KIND_LABEL: Record<TemplateKind, string> = {
  major: 'Major incident',
  security: 'Security incident',
  third_party: 'Third-party outage',
  minor: 'Minor incident',
  custom: 'Custom',
};

export const templateStepSchema = z.object({
  title: titleSchema,
  detail: z.string().max(MAX_TEXT).default(''),
  risky: z.boolean().default(false),
  rollback: z.string().max(MAX_TEXT).default(''),
});
export type TemplateStep = z.output<typeof templateStepSchema>;

export const templateSchema = z.object({
  id: z.string().min(1).max(128),
  name: titleSchema,
  kind: z.enum(TEMPLATE_KINDS),
  /** The severities it suits; it is suggested first for those. */
  severities: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length),
  steps: z.array(templateStepSchema).min(1, 'a template needs at least one step').max(200, 'a template has at most 200 steps'),
});
export type RunbookTemplate = z.output<typeof templateSchema>;
export type RunbookTemplateInput = z.input<typeof templateSchema>;

const step = (title: string, detail = '', risky?: { rollback: string }): TemplateStep => ({
  title,
  detail,
  risky: risky !== undefined,
  rollback: risky?.rollback ?? '',
});

/** The generic checklist for a major incident (DOMAIN.md), shared by the kinds that add to it. */
const MAJOR_STEPS: TemplateStep[] = [
  step('Confirm scope and impact', 'Who is affected, where, since when; how many users or requests.'),
  step('Set the severity', 'SEV1: core service down or data at risk. SEV2: core function degraded for many.'),
  step('Assign a commander, a scribe and a comms lead', 'Roles pane: the commander coordinates and does not fix.'),
  step('Open the timeline', 'Record observations, actions and decisions with the time they happened.'),
  step('Apply containment from the runbook', 'Roll back, fail over, shed load or disable the feature.', {
    rollback: 'Revert the containment change (roll forward, fail back, re-enable) once the cause is fixed.',
  }),
  step('Post the first stakeholder update', 'Updates pane: what is affected, what is being done, when the next update comes.'),
  step('Set the update cadence', 'SEV1 every 20 min, SEV2 every 30 min; the Updates pane counts down.'),
  step('Record the evidence', 'Graphs, logs, error samples and links, before they expire.'),
  step('Define the exit criteria for mitigated and resolved', 'Which signal, at which level, for how long.'),
  step('Hand off, or close with a postmortem owner named', 'Commanders hand off about every hour, at three hours at most.'),
];

const withExtra = (extra: TemplateStep[], after: number): TemplateStep[] => [...MAJOR_STEPS.slice(0, after), ...extra, ...MAJOR_STEPS.slice(after)];

export const DEFAULT_TEMPLATES: readonly RunbookTemplate[] = [
  { id: 'default:major', name: 'Major incident (SEV1/SEV2)', kind: 'major', severities: ['SEV1', 'SEV2'], steps: MAJOR_STEPS },
  {
    id: 'default:security',
    name: 'Security incident',
    kind: 'security',
    severities: ['SEV1', 'SEV2'],
    steps: withExtra(
      [
        step('Restrict who may join the room', 'Share the invite only with named responders; no wide channels.'),
        step('Preserve evidence', 'Snapshot disks and memory, export logs; wipe and rebuild nothing yet.'),
        step('Contain: revoke credentials and isolate hosts', 'Rotate exposed keys and tokens; cut affected hosts off the network.', {
          rollback: 'Re-attach isolated hosts only after forensic sign-off; re-issue credentials to their owners.',
        }),
        step('Involve security and legal', 'Security on-call and counsel decide on disclosure and notification duties.'),
      ],
      4,
    ),
  },
  {
    id: 'default:third_party',
    name: 'Third-party outage',
    kind: 'third_party',
    severities: ['SEV2', 'SEV3'],
    steps: withExtra(
      [
        step("Confirm it on the vendor's status page", 'Note the vendor incident link and their last update time.'),
        step('Enable the fallback or degrade gracefully', 'Switch to the secondary provider or turn the dependent feature off.', {
          rollback: 'Switch back to the primary provider once the vendor confirms recovery and error rates are normal.',
        }),
        step('Tell customers which features are affected', 'Name the features and the workaround, if any.'),
        step("Watch for the vendor's recovery", 'Check their status page on the update cadence; confirm with our own metrics.'),
      ],
      1,
    ),
  },
  {
    id: 'default:minor',
    name: 'Minor incident (SEV3–SEV5)',
    kind: 'minor',
    severities: ['SEV3', 'SEV4', 'SEV5'],
    steps: [
      step('Confirm scope and impact'),
      step('Assign a commander'),
      step('Apply the workaround or fix'),
      step('Post an update if the status changes'),
      step('Close with a follow-up owner named'),
    ],
  },
];

/** Templates in the order to offer them: those made for this severity first, then the rest; each group keeps its order. */
export const suggestTemplates = <T extends Pick<RunbookTemplate, 'severities'>>(templates: readonly T[], severity: Severity): T[] => [
  ...templates.filter((t) => t.severities.includes(severity)),
  ...templates.filter((t) => !t.severities.includes(severity)),
];
