import { useCallback, useMemo, useRef, useState } from 'react';
import type { DiscoveredHost, LanDiscovery } from '@shared/platform/lan';
import { errorMessage } from '../../data/use-run-op';
import { platform } from '../../platform';
import { useRegisterCommands, type Command } from '../command-palette';
import { JoinViaHost } from './JoinViaHost';
import './lan-host.css';

const BROWSE_MS = 2000;

/** For the incident list: rooms hosted on this network, each joined in one step with its invite. */
export const LanRooms = () => {
  const [found, setFound] = useState<LanDiscovery | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState<DiscoveredHost | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const search = useCallback(async () => {
    setSearching(true);
    setError(null);
    try {
      setFound(await platform.discoverLan({ timeoutMs: BROWSE_MS }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSearching(false);
    }
  }, []);

  const commands = useMemo(
    (): Command[] => [
      {
        id: 'lan.discover',
        title: 'Find rooms on the LAN',
        group: 'Navigate',
        keywords: ['lan', 'network', 'mdns', 'join'],
        run: () => {
          button.current?.focus();
          void search();
        },
      },
    ],
    [search],
  );
  useRegisterCommands(commands);

  return (
    <section className="lan-rooms" aria-labelledby="lan-rooms-heading">
      <h2 id="lan-rooms-heading">Rooms on this network</h2>
      <button ref={button} type="button" onClick={() => void search()} disabled={searching}>
        {searching ? 'Searching…' : 'Search the LAN'}
      </button>
      <div role="status" className="lan-dim">
        {found?.available === false && found.reason}
        {found?.available === true && found.hosts.length === 0 && 'No rooms found. Is the host on the same network, and not behind a firewall?'}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {found?.available === true && found.hosts.length > 0 && (
        <ul className="lan-host-list" aria-label="Rooms found">
          {found.hosts.map((h) => (
            <li key={h.id}>
              <span>
                <strong>{h.name}</strong> <span className="lan-dim">{h.addresses.join(', ')}:{h.port} · Warroom {h.version || '?'}</span>
              </span>
              <button type="button" onClick={() => setJoining(h)} aria-label={`Join a room hosted by ${h.name}`}>
                Join…
              </button>
            </li>
          ))}
        </ul>
      )}
      {joining && <JoinViaHost key={joining.id} host={joining} onClose={() => setJoining(null)} />}
    </section>
  );
};
