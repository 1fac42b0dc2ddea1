import type { Actor, RoleAssignment, SubjectExpert, TimelineEntry } from '../../schema/types';

/*
 * Picking a person by typing a name. People on a device are known by their
 * actor (name + device id); someone typed by name who has no device in the room
 * yet gets a stable made-up id, so typing "Bob" twice means the same Bob.
 */

export const nameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/** The device id for someone known only by name. */
export const nameOnlyDeviceId = (name: string): string => `name:${nameKey(name)}`;

export interface PeopleSources {
  timeline?: readonly Pick<TimelineEntry, 'author' | 'recordedAt'>[];
  roles?: readonly Pick<RoleAssignment, 'holder'>[];
  experts?: readonly Pick<SubjectExpert, 'holder'>[];
}

/**
 * Suggestions, best first: me, then timeline authors by their latest entry,
 * then anyone holding a role. One per name (case-insensitive), so the list
 * reads well; the first actor seen with a name wins.
 */
export const knownPeople = (me: Actor, sources: PeopleSources = {}): Actor[] => withMeFirst(me, peopleInIncident(sources));

/** Everyone the incident names, without me: timeline authors by latest entry, then role holders, then experts. */
export const peopleInIncident = (sources: PeopleSources): Actor[] =>
  onePerName([...authorsByRecency(sources.timeline ?? []), ...(sources.roles ?? []).map((r) => r.holder), ...(sources.experts ?? []).map((e) => e.holder)]);

/** Me, then the others, one per name. */
export const withMeFirst = (me: Actor, others: readonly Actor[]): Actor[] => onePerName([me, ...others]);

const onePerName = (all: readonly Actor[]): Actor[] => {
  const seen = new Set<string>();
  const out: Actor[] = [];
  for (const a of all) {
    const key = nameKey(a.name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: a.name, deviceId: a.deviceId });
  }
  return out;
};

/**
 * Timeline authors, one per name, by their latest entry (earlier in the list
 * first on a tie). One pass and one name key per distinct name rather than a
 * sort of every entry: this runs on each change of a 10,000-entry timeline.
 */
const authorsByRecency = (timeline: readonly Pick<TimelineEntry, 'author' | 'recordedAt'>[]): Actor[] => {
  const keys = new Map<string, string>();
  const latest = new Map<string, { author: Actor; at: number; index: number }>();
  timeline.forEach((e, index) => {
    let key = keys.get(e.author.name);
    if (key === undefined) keys.set(e.author.name, (key = nameKey(e.author.name)));
    const seen = latest.get(key);
    if (!seen || e.recordedAt > seen.at) latest.set(key, { author: e.author, at: e.recordedAt, index });
  });
  return [...latest.values()].sort((a, b) => b.at - a.at || a.index - b.index).map((x) => x.author);
};

/** The actor for a typed name: a known person with that name, else a name-only actor; null for a blank name. */
export const resolvePerson = (typed: string, known: readonly Actor[]): Actor | null => {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (name === '') return null;
  const match = known.find((a) => nameKey(a.name) === nameKey(name));
  return match ? { ...match } : { name, deviceId: nameOnlyDeviceId(name) };
};
