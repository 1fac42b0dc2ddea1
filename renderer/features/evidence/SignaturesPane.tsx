import { useSyncExternalStore } from 'react';
import { fingerprintOf, verificationSummary } from '@shared/evidence/verify';
import { signerOfProfile } from '@shared/storage/profile';
import { readableWall } from '@shared/time/wall-clock';
import { useProfile } from '../../data/use-profile';
import { useZone } from '../../data/use-zone';
import type { PaneProps } from '../../ui/pane';
import { verification } from './verification-store';
import './evidence.css';

/**
 * The signed timeline, for the person who has to vouch for it: this device's
 * key, and on request a check of every entry against its signed statements.
 * The check then follows the incident, and each timeline row shows its verdict.
 */
export const SignaturesPane = ({ handle }: PaneProps) => {
  const doc = handle.doc;
  const state = useSyncExternalStore(
    (l) => verification.subscribe(doc, l),
    () => verification.get(doc),
  );
  const profile = useProfile();
  const zone = useZone();
  const key = signerOfProfile(profile)?.publicKey;
  const { report, running } = state;
  const bad = report !== null && (report.unverified > 0 || report.problems.length > 0);
  return (
    <div className="signatures-pane">
      <div className="pane-heading">
        <h2>Signatures</h2>
      </div>
      <p className="signatures-dim">
        Every entry, edit and retraction made here is signed with this device’s key{key ? <> <code title={key}>{fingerprintOf(key)}</code></> : null}, so a change made
        anywhere else without a signature shows.
      </p>
      <button type="button" onClick={() => void verification.start(doc, (t) => readableWall(t, zone))} disabled={running}>
        {running ? 'Checking signatures…' : report ? 'Check again' : 'Check signatures'}
      </button>
      {report && (
        <div role={bad ? 'alert' : 'status'} className={bad ? 'signatures-bad' : 'signatures-ok'} data-testid="signatures-summary">
          <p>{verificationSummary(report)}</p>
          {report.problems.length > 0 && (
            <ul>
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          {report.unverified > 0 && <p>Unverified entries are marked in the timeline; hover a mark to see why.</p>}
        </div>
      )}
    </div>
  );
};
