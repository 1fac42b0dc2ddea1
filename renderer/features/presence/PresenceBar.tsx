import type { Awareness } from 'y-protocols/awareness';
import { IDLE_AFTER_MS } from '@shared/presence/presence-state';
import { describeOffset } from '@shared/presence/clock-skew';
import { ROLE_LABELS } from '@shared/domain/roles/role-ops';
import { useAppStore } from '../../store/app-store';
import { useNow } from '../../data/use-now';
import { usePeers, usePublishPresence, type Me } from './use-presence';
import './presence.css';

/** Who is in the room, what they hold, where they are looking, and whose clock is off. */
export const PresenceBar = ({ awareness, me }: { awareness: Awareness | null; me: Me }) => {
  usePublishPresence(awareness, me);
  const peers = usePeers(awareness);
  const skewed = useAppStore((s) => s.skewedDevices);
  const now = useNow(15_000);
  if (!awareness) return null;
  const skewedPeers = peers.filter((p) => skewed[p.presence.deviceId] !== undefined);
  return (
    <div className="presence" aria-label="People here" data-testid="presence">
      <ul className="presence-list">
        {peers.map(({ clientId, presence: p }) => {
          // Compare on their clock: lastActiveAt and wallClock come from the same machine.
          const idle = p.wallClock - p.lastActiveAt > IDLE_AFTER_MS;
          return (
            <li key={clientId} className={`peer${idle ? ' idle' : ''}`} data-testid="peer" title={`${p.name}${p.role ? `, ${ROLE_LABELS[p.role]}` : ''}; in ${p.pane}${idle ? '; idle' : ''}`}>
              <span className="peer-dot" style={{ background: p.color }} aria-hidden="true" />
              <span className="peer-name">{p.name}</span>
              {p.role && <span className="peer-role">{p.role}</span>}
              <span className="peer-pane">{p.pane}</span>
            </li>
          );
        })}
        {peers.length === 0 && <li className="dim">Nobody else here yet</li>}
      </ul>
      {skewedPeers.map((p) => (
        <p key={p.clientId} className="skew-warning" role="status" data-testid="skew-warning">
          ⚠ {p.presence.name}&apos;s clock is {describeOffset(skewed[p.presence.deviceId]!)} of yours; times they record may be off.
        </p>
      ))}
      <span hidden>{now}</span>
    </div>
  );
};
