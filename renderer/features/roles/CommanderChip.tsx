import type * as Y from 'yjs';
import { useRoles } from '../../data/use-incident';

/** For the incident bar: who is in command, or that nobody is (the first thing to fix). */
export const CommanderChip = ({ doc }: { doc: Y.Doc }) => {
  const ic = useRoles(doc).find((r) => r.role === 'commander');
  return (
    <span className={`bar-chip${ic ? '' : ' warn'}`} data-testid="bar-commander">
      <span className="dim">IC</span> {ic ? ic.holder.name : 'nobody'}
    </span>
  );
};
