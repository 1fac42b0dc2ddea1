import { PLATFORM_CHANNELS, ipcChannel } from '../../shared/platform/channels';
import type { PlatformApi } from '../../shared/platform/contract';

/** ipcRenderer.invoke's shape; the bridge gets only this function, never ipcRenderer. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * The object the preload exposes: one function per contract channel, built
 * from PLATFORM_CHANNELS so a new channel needs no preload edit and no channel
 * name is typed by hand. Each function can reach only its own channel.
 * Arguments are not validated here: main validates, and the preload is not a
 * trust boundary worth a second copy of the schemas.
 */
export function createPlatformApi(invoke: Invoke): PlatformApi {
  const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const key of PLATFORM_CHANNELS) {
    const channel = ipcChannel(key);
    api[key] = (...args) => invoke(channel, ...args);
  }
  // The one cast of the bridge: the keys are PLATFORM_CHANNELS by construction,
  // which platform-api.test.ts checks at run time.
  return Object.freeze(api) as unknown as PlatformApi;
}
