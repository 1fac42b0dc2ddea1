/**
 * The platform contract's channel names, free of zod so that the sandboxed
 * preload (which only needs the names) stays a few KiB. contract.ts checks at
 * compile time that this list and the argument schemas name the same channels.
 */
export const PLATFORM_CHANNELS = ['saveFile', 'notify', 'copyText', 'openExternal', 'appInfo'] as const;

export type PlatformChannel = (typeof PLATFORM_CHANNELS)[number];

/** The prefix of every IPC channel, so main can refuse anything else. */
export const ipcChannel = (k: PlatformChannel): string => `warroom:${k}`;

/** The global name under which the preload exposes the API. */
export const PLATFORM_GLOBAL = 'warroomPlatform';
