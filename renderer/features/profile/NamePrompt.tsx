import { useState, type FormEvent } from 'react';
import { nameSchema } from '@shared/schema/validation';
import { saveProfileName } from '@shared/storage/profile';
import { useServices } from '../../data/services';
import { errorMessage } from '../../data/use-run-op';

/** First start: every entry carries an author, so we ask for a name once. */
export const NamePrompt = () => {
  const { db } = useServices();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = nameSchema.safeParse(name);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Enter a name');
      return;
    }
    try {
      await saveProfileName(db, parsed.data);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <main className="page narrow">
      <form className="card" onSubmit={(e) => void submit(e)}>
        <h1>Welcome to Warroom</h1>
        <p>Your name goes on every timeline entry you write, so teammates know who saw what.</p>
        <label className="field">
          <span>Your name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={80} />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          Continue
        </button>
      </form>
    </main>
  );
};
