import { useSyncExternalStore } from 'react';
import { verification } from './verification-store';

/** A timeline row's mark, once signatures have been checked: nothing shows before, so an unchecked row claims nothing. */
export const EntryVerdict = ({ entryId }: { entryId: string }) => {
  const verdict = useSyncExternalStore(verification.subscribeRows, () => verification.verdictOf(entryId));
  if (!verdict) return null;
  if (verdict.state === 'verified')
    return (
      <span className="entry-verdict verified" data-testid="entry-verdict" data-state="verified" title="Signed, and unchanged since it was signed">
        ✓ signed
      </span>
    );
  const why = verdict.state === 'unsigned' ? verdict.parts.join(' ') : verdict.reasons.join(' ');
  return (
    <span className={`entry-verdict ${verdict.state}`} data-testid="entry-verdict" data-state={verdict.state} title={why}>
      {verdict.state === 'unsigned' ? 'unsigned' : '⚠ unverified'}
      <span className="visually-hidden">: {why}</span>
    </span>
  );
};
