import { DEFAULT_LAN_PORT, type DiscoveredHost, type LanHostStatus } from '../../shared/platform/lan';
import type { LanHost } from './lan-host';

export interface LanControllerDeps {
  start(options: { displayName: string; port: number }): Promise<LanHost>;
  discover(options: { timeoutMs: number; exclude?: string }): Promise<DiscoveredHost[]>;
}

const isAddressInUse = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * At most one LAN host per app. Asking to host while hosting (or while
 * starting) returns the same host; stop is idempotent. The first choice of
 * port is 4444, where a browser served by the host looks for signaling by
 * default; if another program holds it, any free port will do, because the
 * invite names the signaling URL.
 */
export class LanController {
  private current: LanHost | null = null;
  private starting: Promise<LanHost> | null = null;
  /** Bumped by stop(), so a start that finishes after a stop is not revived. */
  private generation = 0;

  constructor(private readonly deps: LanControllerDeps) {}

  status(): LanHostStatus {
    const h = this.current;
    if (!h) return { state: 'stopped' };
    return { state: 'hosting', name: h.name, port: h.port, pageUrls: h.pageUrls, signalingUrls: h.signalingUrls, advertised: h.advertised };
  }

  async host(options: { displayName: string; port?: number }): Promise<LanHostStatus> {
    if (this.current) return this.status();
    const generation = this.generation;
    this.starting ??= this.startOn(options.displayName, options.port ?? DEFAULT_LAN_PORT).finally(() => (this.starting = null));
    const host = await this.starting;
    // stop() ran meanwhile: it waited for this start and stopped the host itself.
    if (generation !== this.generation) return this.status();
    this.current = host;
    return this.status();
  }

  private async startOn(displayName: string, port: number): Promise<LanHost> {
    try {
      return await this.deps.start({ displayName, port });
    } catch (error) {
      if (port === 0 || !isAddressInUse(error)) throw error;
      return this.deps.start({ displayName, port: 0 });
    }
  }

  async stop(): Promise<LanHostStatus> {
    this.generation += 1;
    // A stop during start-up waits for the start, then undoes it.
    const host = this.current ?? (await this.starting?.catch(() => null)) ?? null;
    this.current = null;
    await host?.stop();
    return this.status();
  }

  /** Rooms other copies of the app host on the network, without our own. */
  discover(timeoutMs: number): Promise<DiscoveredHost[]> {
    return this.deps.discover({ timeoutMs, ...(this.current ? { exclude: this.current.name } : {}) });
  }
}
