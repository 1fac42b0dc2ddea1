import { DEFAULT_LAN_PORT, type DiscoveredHost, type LanHostStatus } from '../../shared/platform/lan';
import type { LanHost } from './lan-host';

export interface LanControllerDeps {
  start(options: { displayName: string; port: number }): Promise<LanHost>;
  discover(options: { timeoutMs: number; exclude?: string }): Promise<DiscoveredHost[]>;
  /** The port hosting last used (lan-port-memory.ts), tried first; null the first time. */
  rememberedPort?(): Promise<number | null>;
  /** Keep the port hosting got, for next time. */
  rememberPort?(port: number): Promise<void>;
}

const isAddressInUse = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * At most one LAN host per app. Asking to host while hosting (or while
 * starting) returns the same host; stop is idempotent. The first choice of
 * port is the one used last time: a browser keeps its data per origin, port
 * included, so a responder who joined through http://host:4444/ finds their
 * incidents only there. The first time it is 4444, where a browser served by
 * the host looks for signaling by default; if another program holds the port,
 * 4444 and then any free port will do, because the invite names the signaling
 * URL. Whatever port is got is remembered.
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
    this.starting ??= this.startOnPreferred(options.displayName, options.port).finally(() => (this.starting = null));
    const host = await this.starting;
    // stop() ran meanwhile: it waited for this start and stopped the host itself.
    if (generation !== this.generation) return this.status();
    this.current = host;
    return this.status();
  }

  private async startOnPreferred(displayName: string, asked: number | undefined): Promise<LanHost> {
    const remembered = asked === undefined ? await this.deps.rememberedPort?.().catch(() => null) : null;
    const ports = [...new Set([asked ?? remembered ?? DEFAULT_LAN_PORT, DEFAULT_LAN_PORT, 0])];
    for (const [i, port] of ports.entries()) {
      try {
        const host = await this.deps.start({ displayName, port });
        await this.deps.rememberPort?.(host.port).catch(() => undefined);
        return host;
      } catch (error) {
        if (port === 0 || !isAddressInUse(error) || i === ports.length - 1) throw error;
      }
    }
    throw new Error('unreachable: port 0 is always tried last');
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
