import { signEdit, signRetraction } from '../../evidence/sign';
import * as Y from 'yjs';
import { DomainError } from '../../core/errors';
import type { OpContext } from '../../core/context';
import { appendEntry, findAction, findEntry, findStep, requireDeclared } from '../doc-access';
import { assertLifecycleOrder } from '../incident/lifecycle';
import { ROLE_LABELS } from '../roles/role-ops';
import { metaOf, rolesOf } from '../../schema/incident-doc';
import { readLifecycle } from '../../schema/records/meta';
import { ENTRY_KEYS } from '../../schema/records/timeline';
import { EXPERT_KEY_PREFIX } from '../../schema/records/experts';
import { LIFECYCLE_MILESTONES, ROLES, type EntryKind, type Lifecycle, type Retraction, type Role } from '../../schema/types';
import { milestoneWords } from '../../schema/records/lifecycle-order';
import { readableUtc } from '../../time/utc-time';
import type { Change } from './changes';

/*
 * Writing back what one step of this user's changed, as new, logged changes:
 * an entry is retracted (reason "undone"), never deleted; a field gets its old
 * value back, and the timeline says so; a posted update stays posted. Every
 * check runs before anything is written, so a refusal leaves the document as
 * it was. Must run inside one transaction (the journal opens it).
 */

export type Direction = 'undo' | 'redo';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const verb = (d: Direction) => (d === 'undo' ? 'Undone' : 'Redone');

const LIFECYCLE_KEYS = new Map<string, (typeof LIFECYCLE_MILESTONES)[number]>(LIFECYCLE_MILESTONES.map((m) => [`${m}At`, m]));

const metaWords = (key: string, v: unknown): string => {
  if (v === undefined || v === null) return 'none';
  if (LIFECYCLE_KEYS.has(key) && typeof v === 'number') return readableUtc(v);
  if (typeof v === 'string') return key === 'title' ? `“${v}”` : v;
  if (typeof v === 'boolean') return key === 'drill' ? (v ? 'a drill' : 'not a drill') : String(v);
  return JSON.stringify(v);
};
const metaLabel = (key: string): string => {
  const m = LIFECYCLE_KEYS.get(key);
  return m ? `${milestoneWords(m)} time` : key;
};
const metaKind = (keys: string[]): EntryKind | null => {
  if (keys.includes('status')) return 'status_change';
  if (keys.includes('severity')) return 'severity_change';
  if (keys.includes('drill')) return 'drill';
  if (keys.some((k) => k === 'title' || LIFECYCLE_KEYS.has(k))) return 'lifecycle';
  return null; // summary and impact are not logged when set, nor when set back
};

const holderName = (v: unknown): string | null => {
  const h = typeof v === 'object' && v !== null ? (v as { holder?: { name?: unknown } }).holder : undefined;
  return typeof h?.name === 'string' ? h.name : null;
};
const roleWords = (key: string, v: unknown): string => {
  if (key.startsWith(EXPERT_KEY_PREFIX) || key === 'sme') {
    const area = typeof v === 'object' && v !== null ? (v as { area?: unknown }).area : undefined;
    return `subject-matter expert${typeof area === 'string' && area ? ` (${area})` : ''}`;
  }
  return (ROLES as readonly string[]).includes(key) ? ROLE_LABELS[key as Role].toLowerCase() : key;
};

type FieldChange = Extract<Change, { kind: 'field' }>;

/** What a field change looks like reversed: its current value must still be the one this user set. */
const reversed = (c: FieldChange, current: unknown): { key: string; value: unknown } => {
  if (!same(current, c.after)) {
    throw new DomainError('invalid_input', `Nothing was changed: someone changed it again since (${c.key} is now ${metaWords(c.key, current)}).`);
  }
  return { key: c.key, value: c.before };
};

const writeField = (m: Y.Map<unknown>, key: string, value: unknown) => {
  if (value === undefined) m.delete(key);
  else m.set(key, value);
};

/** Lift a retraction: the entry counts again, and the lifted retraction stays in its history. */
const lift = (doc: Y.Doc, ctx: OpContext, id: string): void => {
  const m = findEntry(doc, id);
  const retracted = m.get(ENTRY_KEYS.retracted) as Retraction | null;
  if (!retracted) return;
  let edits = m.get(ENTRY_KEYS.edits);
  if (!(edits instanceof Y.Array)) m.set(ENTRY_KEYS.edits, (edits = new Y.Array<unknown>()));
  const history = edits as Y.Array<unknown>;
  const version = { text: m.get(ENTRY_KEYS.text) as string, occurredAt: m.get(ENTRY_KEYS.occurredAt) as number };
  const item = { ...version, editedAt: ctx.now(), editedBy: { ...ctx.actor }, lifted: retracted };
  history.insert(history.length, [item]);
  m.set(ENTRY_KEYS.retracted, null);
  signEdit(doc, ctx, id, item, version);
};

const retract = (doc: Y.Doc, ctx: OpContext, id: string, reason: string): void => {
  const retraction = { at: ctx.now(), by: { ...ctx.actor }, reason };
  findEntry(doc, id).set(ENTRY_KEYS.retracted, retraction);
  signRetraction(doc, ctx, id, retraction);
};

/** Plan every write first (so a refusal changes nothing), then make them. Returns a label for the notice. */
export const revertChanges = (doc: Y.Doc, ctx: OpContext, changes: readonly Change[], direction: Direction): string => {
  requireDeclared(doc);
  // Declaring made the incident: taking that back would delete its identity. Its details can be corrected instead.
  if (changes.some((c) => c.record === 'meta' && (c.key === 'id' || c.key === 'schemaVersion'))) {
    throw new DomainError('invalid_input', 'Declaring the incident cannot be undone. Change its title, severity or status instead; each change is logged.');
  }
  if (changes.some((c) => c.record === 'updates')) {
    throw new DomainError('invalid_input', 'A posted stakeholder update cannot be taken back. Post a correction instead.');
  }
  if (changes.some((c) => c.record === 'periods')) {
    throw new DomainError('invalid_input', 'Opening, ending or acknowledging an operational period cannot be undone. Open a new period instead; each one is logged.');
  }
  const writes: (() => void)[] = [];
  const labels: string[] = [];
  const log = (kind: EntryKind, text: string) => writes.push(() => appendEntry(doc, ctx, { kind, text: `${verb(direction)} by ${ctx.actor.name}: ${text}`, occurredAt: ctx.now() }));

  // Timeline: a new authored entry is retracted; a retraction is lifted (or made again); text and time go back through the entry's history.
  for (const c of changes) {
    if (c.record !== 'timeline') continue;
    if (c.kind === 'added') {
      if (!c.authored) continue; // a system entry is the log of the change, and stays
      const m = findEntry(doc, c.id);
      if (m.get(ENTRY_KEYS.retracted)) continue;
      writes.push(() => retract(doc, ctx, c.id, direction === 'undo' ? 'undone' : 'redone'));
      labels.push('the entry (retracted as undone)');
    }
  }
  const entryFields = new Map<string, FieldChange[]>();
  for (const c of changes) if (c.record === 'timeline' && c.kind === 'field') entryFields.set(c.id, [...(entryFields.get(c.id) ?? []), c]);
  for (const [id, fields] of entryFields) {
    const m = findEntry(doc, id);
    const versionBacks: { key: string; value: unknown }[] = [];
    for (const f of fields) {
      const back = reversed(f, m.get(f.key));
      if (f.key === ENTRY_KEYS.retracted) {
        if (back.value === null || back.value === undefined) writes.push(() => lift(doc, ctx, id));
        else writes.push(() => retract(doc, ctx, id, (back.value as Retraction).reason));
        labels.push(back.value ? 'the retraction, made again' : 'the retraction (lifted, and kept in the entry’s history)');
      } else if (f.key === ENTRY_KEYS.pinned) {
        writes.push(() => m.set(ENTRY_KEYS.pinned, back.value === true));
        labels.push(back.value === true ? 'the pin' : 'the unpin');
      } else if (f.key === ENTRY_KEYS.text || f.key === ENTRY_KEYS.occurredAt) {
        versionBacks.push(back);
      }
    }
    if (versionBacks.length > 0) {
      if (m.get(ENTRY_KEYS.retracted)) throw new DomainError('retracted', 'Nothing was changed: the entry has been retracted since, and a retracted entry is not edited.');
      writes.push(() => {
        // As every edit does: the version being replaced goes into the entry's history first.
        let edits = m.get(ENTRY_KEYS.edits);
        if (!(edits instanceof Y.Array)) m.set(ENTRY_KEYS.edits, (edits = new Y.Array<unknown>()));
        const history = edits as Y.Array<unknown>;
        const item = { text: m.get(ENTRY_KEYS.text) as string, occurredAt: m.get(ENTRY_KEYS.occurredAt) as number, editedAt: ctx.now(), editedBy: { ...ctx.actor } };
        history.insert(history.length, [item]);
        const next = { text: item.text, occurredAt: item.occurredAt };
        for (const b of versionBacks) Object.assign(next, { [b.key]: b.value });
        // Both fields, as editEntry writes them, so a concurrent edit never mixes with this one.
        writeField(m, ENTRY_KEYS.text, next.text);
        writeField(m, ENTRY_KEYS.occurredAt, next.occurredAt);
        signEdit(doc, ctx, id, item, next);
      });
      labels.push('the edit (the replaced version is kept in the entry’s history)');
    }
  }

  // Meta: every field back in one logged change, if the lifecycle stays in order.
  const metaFields = changes.filter((c): c is FieldChange & { record: 'meta' } => c.record === 'meta' && c.kind === 'field');
  if (metaFields.length > 0) {
    const meta = metaOf(doc);
    const backs = metaFields.map((f) => ({ f, back: reversed(f, meta.get(f.key)) }));
    const lifecycle: Lifecycle = { ...readLifecycle(meta) };
    for (const { back } of backs) {
      const m = LIFECYCLE_KEYS.get(back.key);
      if (!m) continue;
      if (typeof back.value === 'number') lifecycle[m] = back.value;
      else delete lifecycle[m];
    }
    assertLifecycleOrder(lifecycle, ctx.describeTime);
    writes.push(() => backs.forEach(({ back }) => writeField(meta, back.key, back.value)));
    const kind = metaKind(backs.map((b) => b.back.key));
    const text = backs.map(({ f }) => `${metaLabel(f.key)} ${metaWords(f.key, f.after)} → ${metaWords(f.key, f.before)}`).join('; ');
    if (kind) log(kind, text);
    labels.push(text);
  }

  // Roles and experts: the keys back as they were, logged as a role change.
  const roleFields = changes.filter((c): c is FieldChange & { record: 'roles' } => c.record === 'roles' && c.kind === 'field');
  if (roleFields.length > 0) {
    const roles = rolesOf(doc);
    const backs = roleFields.map((f) => ({ f, back: reversed(f, roles.get(f.key)) }));
    writes.push(() => backs.forEach(({ back }) => writeField(roles, back.key, back.value)));
    const parts = backs.map(({ f }) => {
      const was = holderName(f.after);
      const now = holderName(f.before);
      const role = roleWords(f.key, f.before ?? f.after);
      if (was && now) return `${role} from ${was} back to ${now}`;
      if (now) return `${now} is ${role} again`;
      return `${was ?? 'nobody'} is no longer ${role}`;
    });
    log('role_change', parts.join('; '));
    labels.push(parts.join('; '));
  }

  // Runbook: a new step is skipped as undone; changed fields go back, logged when its state or assignee changed.
  for (const c of changes) {
    if (c.record !== 'runbook' || c.kind !== 'added') continue;
    const m = findStep(doc, c.id);
    const title = String(m.get('title'));
    if (m.get('state') !== 'todo') throw new DomainError('invalid_input', `Nothing was changed: the step “${title}” has been worked on since.`);
    writes.push(() => {
      m.set('state', 'skipped');
      m.set('skipReason', direction === 'undo' ? 'undone' : 'redone');
      m.set('doneBy', { ...ctx.actor });
      m.set('doneAt', ctx.now());
    });
    log('runbook', `added step “${title}” skipped`);
    labels.push(`the step “${title}” (skipped as undone)`);
  }
  const stepFields = new Map<string, FieldChange[]>();
  for (const c of changes) {
    // Keying an unkeyed step is bookkeeping that comes with adding a step, not a change of the user's.
    if (c.record === 'runbook' && c.kind === 'field' && !(c.key === 'order' && c.before === undefined)) stepFields.set(c.id, [...(stepFields.get(c.id) ?? []), c]);
  }
  for (const [id, fields] of stepFields) {
    const m = findStep(doc, id);
    const title = String(m.get('title'));
    const backs = fields.map((f) => reversed(f, m.get(f.key)));
    writes.push(() => backs.forEach((b) => writeField(m, b.key, b.value)));
    const state = backs.find((b) => b.key === 'state');
    const assignee = backs.find((b) => b.key === 'assignee');
    const removal = backs.find((b) => b.key === 'removed');
    const said = [
      state ? `“${title}” back to ${String(state.value)}` : '',
      assignee ? `“${title}” assigned back to ${assignee.value ?? 'nobody'}` : '',
      removal ? (removal.value === undefined ? `“${title}” back in the plan` : `“${title}” removed again`) : '',
    ].filter(Boolean);
    if (said.length > 0) log('runbook', said.join('; '));
    labels.push(said.join('; ') || `the move of “${title}”`);
  }

  // Action items: follow-up work, not logged when changed, nor when changed back.
  for (const c of changes) {
    if (c.record !== 'actions') continue;
    const m = findAction(doc, c.id);
    if (c.kind === 'added') {
      if (m.get('status') !== 'open') throw new DomainError('invalid_input', `Nothing was changed: the action item “${String(m.get('title'))}” has been worked on since.`);
      writes.push(() => m.set('status', 'wont_do'));
      labels.push(`the action item “${String(m.get('title'))}” (set to won’t do)`);
    } else {
      const back = reversed(c, m.get(c.key));
      writes.push(() => writeField(m, back.key, back.value));
      labels.push(`the change to the action item “${String(m.get('title'))}”`);
    }
  }

  if (writes.length === 0) throw new DomainError('invalid_input', 'Nothing was changed: that change has already been taken back.');
  for (const w of writes) w();
  return labels.join('; ');
};
