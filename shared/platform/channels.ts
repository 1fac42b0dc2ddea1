/**
 * The platform contract's channel names, free of zod so that the sandboxed
 * preload (which only needs the names) stays a few KiB. contract.ts checks at
 * compile time that this list and the argument schemas name the same channels.
 */
export const PLATFORM_CHANNELS = [
  'saveFile',
  'printToPdf',
  'notify',
  'copyText',
  'openExternal',
  'appInfo',
  'hostLan',
  'stopLan',
  'lanStatus',
  'discoverLan',
  'setThemeSource',
] as const;

export type PlatformChannel = (typeof PLATFORM_CHANNELS)[number];

/** The prefix of every IPC channel, so main can refuse anything else. */
export const ipcChannel = (k: PlatformChannel): string => `warroom:${k}`;

/**
 * Events main sends to the renderer (the other direction from the channels
 * above). The renderer subscribes with `on<Event>` (onCommand, onOpenInvite).
 */
export const PLATFORM_EVENTS = ['command', 'openInvite'] as const;

export type PlatformEvent = (typeof PLATFORM_EVENTS)[number];

export type EventSubscriberName<K extends PlatformEvent> = `on${Capitalize<K>}`;

export const eventChannel = (k: PlatformEvent): string => `warroom:event:${k}`;

export const eventSubscriberName = <K extends PlatformEvent>(k: K): EventSubscriberName<K> =>
  `on${k.charAt(0).toUpperCase()}${k.slice(1)}` as EventSubscriberName<K>;

/** The global name under which the preload exposes the API. */
export const PLATFORM_GLOBAL = 'warroomPlatform';
