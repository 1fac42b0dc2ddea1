import { PLATFORM_CHANNELS, PLATFORM_EVENTS, eventChannel, eventSubscriberName, ipcChannel } from '../../shared/platform/channels';
import type { PlatformApi } from '../../shared/platform/contract';

/** ipcRenderer.invoke's shape; the bridge gets only this function, never ipcRenderer. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/**
 * Listens to one main → renderer channel for the life of the page. The preload
 * implements it so that the listener gets the payload only: Electron's
 * IpcRendererEvent carries `sender` (ipcRenderer itself), which must never
 * reach the page.
 */
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => void;

/** Events that arrive before the page subscribes (a deep link at start-up) wait here, the latest few only. */
export const MAX_EVENT_BACKLOG = 8;

/**
 * The object the preload exposes: one function per contract channel and one
 * `on<Event>` per event, built from the shared lists so a new channel needs no
 * preload edit and no channel name is typed by hand. Each function can reach
 * only its own channel. Arguments are not validated here: main validates
 * calls, and the renderer checks event payloads against the contract's schemas.
 */
export function createPlatformApi(invoke: Invoke, subscribe: Subscribe): PlatformApi {
  const api: Record<string, (...args: never[]) => unknown> = {};
  for (const key of PLATFORM_CHANNELS) {
    const channel = ipcChannel(key);
    api[key] = (...args: unknown[]) => invoke(channel, ...args);
  }
  for (const event of PLATFORM_EVENTS) {
    const name = eventSubscriberName(event);
    const listeners = new Set<(payload: unknown) => void>();
    const backlog: unknown[] = [];
    // Subscribed as the preload runs, before any page script, so nothing main sends after load is lost.
    subscribe(eventChannel(event), (payload) => {
      if (listeners.size > 0) {
        for (const listener of [...listeners]) listener(payload);
        return;
      }
      backlog.push(payload);
      if (backlog.length > MAX_EVENT_BACKLOG) backlog.shift();
    });
    api[name] = (listener: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${name} needs a function`);
      // A fresh wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
      const own = (payload: unknown) => (listener as (p: unknown) => void)(payload);
      listeners.add(own);
      for (const payload of backlog.splice(0)) own(payload);
      return () => void listeners.delete(own);
    };
  }
  // The one cast of the bridge: the keys are the shared lists by construction,
  // which platform-api.test.ts checks at run time.
  return Object.freeze(api) as unknown as PlatformApi;
}
