import { useState, type FormEvent } from 'react';
import { addExpert, handOffExpert, removeExpert } from '@shared/domain/roles/expert-ops';
import { resolvePerson } from '@shared/domain/timeline/people';
import type { Actor, SubjectExpert } from '@shared/schema/types';
import type { useRunOp } from '../../data/use-run-op';
import { PersonForm } from './PersonForm';
import { PersonInput } from './PersonInput';

interface Props {
  experts: readonly SubjectExpert[];
  me: Actor;
  people: readonly Actor[];
  run: ReturnType<typeof useRunOp>;
}

const ExpertRow = ({ expert, people, run }: { expert: SubjectExpert; people: readonly Actor[]; run: Props['run'] }) => {
  const [picking, setPicking] = useState(false);
  const name = expert.holder.name;
  const handOff = (who: Actor) => {
    const r = run((doc, ctx) => handOffExpert(doc, ctx, expert.holder.deviceId, who));
    if (r.ok) setPicking(false);
    return r.ok;
  };
  return (
    <li className="role-row" data-testid="expert-row" data-holder={name}>
      <div className="role-line">
        <span className="role-holder">{name}</span>
        {expert.area && <span className="badge">{expert.area}</span>}
      </div>
      {picking ? (
        <PersonForm label={`Hand off ${name}'s area to`} submitLabel="Hand off" people={people} onSubmit={handOff} onCancel={() => setPicking(false)} />
      ) : (
        <div className="role-buttons">
          <button type="button" aria-label={`Hand off subject-matter expert ${name}`} onClick={() => setPicking(true)}>
            Hand off
          </button>
          <button type="button" aria-label={`Release subject-matter expert ${name}`} onClick={() => void run((doc, ctx) => removeExpert(doc, ctx, expert.holder.deviceId))}>
            Release
          </button>
        </div>
      )}
    </li>
  );
};

/** Subject-matter experts: several people, each for an area. */
export const ExpertsSection = ({ experts, me, people, run }: Props) => {
  const [name, setName] = useState('');
  const [area, setArea] = useState('');
  const add = (who: Actor | null) => {
    if (!who) return;
    const r = run((doc, ctx) => addExpert(doc, ctx, who, area));
    if (r.ok) {
      setName('');
      setArea('');
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add(resolvePerson(name, people));
  };
  return (
    <div className="experts" role="group" aria-labelledby="experts-heading">
      <h3 id="experts-heading">Subject-matter experts</h3>
      {experts.length === 0 ? <p className="dim">None yet.</p> : (
        <ul className="role-list">
          {experts.map((e) => (
            <ExpertRow key={e.holder.deviceId} expert={e} people={people} run={run} />
          ))}
        </ul>
      )}
      <form className="expert-form" onSubmit={submit}>
        <PersonInput label="Expert's name" value={name} onChange={setName} people={people} />
        <input aria-label="Expert's area" placeholder="Area, e.g. Postgres" value={area} onChange={(e) => setArea(e.target.value)} maxLength={80} />
        <button type="submit" disabled={name.trim() === ''}>
          Add expert
        </button>
        {!experts.some((e) => e.holder.deviceId === me.deviceId) && (
          <button type="button" aria-label="Take subject-matter expert" onClick={() => add(me)}>
            Take
          </button>
        )}
      </form>
    </div>
  );
};
