import { z } from 'zod';
import { APP_COMMANDS, type AppCommand } from './app-commands';
import type { EventSubscriberName, PlatformChannel, PlatformEvent } from './channels';
import { MAX_LAN_DISPLAY_NAME, type LanDiscovery, type LanHostStatus } from './lan';

export {
  PLATFORM_CHANNELS,
  PLATFORM_EVENTS,
  PLATFORM_GLOBAL,
  eventChannel,
  eventSubscriberName,
  ipcChannel,
  type PlatformChannel,
  type PlatformEvent,
} from './channels';

/**
 * The platform API the renderer uses, typed once. Electron implements it in the
 * main process (one handler map, arguments validated with these schemas) and the
 * preload exposes exactly these functions; the browser build implements the same
 * contract with web APIs. The channel name of each function is its key.
 */

/** 'system' follows the OS (prefers-color-scheme); the others are the user's pick. */
export const THEME_SOURCES = ['system', 'light', 'dark'] as const;
export type ThemeSource = (typeof THEME_SOURCES)[number];

const fileData = z.union([z.string(), z.instanceof(Uint8Array)]);

const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => ![...n].some((c) => '/\\:*?"<>|'.includes(c) || c.charCodeAt(0) < 32), 'file name has characters that are not allowed');

export const platformArgs = {
  saveFile: z.tuple([z.object({ suggestedName: fileName, mimeType: z.string().min(1).max(100), data: fileData })]),
  printToPdf: z.tuple([
    z.object({
      suggestedName: fileName.refine((n) => /\.pdf$/i.test(n), 'file name must end in .pdf'),
      pageSize: z.enum(['A4', 'Letter']).optional(),
    }),
  ]),
  notify: z.tuple([z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) })]),
  copyText: z.tuple([z.string().max(1_000_000)]),
  openExternal: z.tuple([z.url({ protocol: /^https?$/, error: 'only http(s) links can be opened' })]),
  appInfo: z.tuple([]),
  hostLan: z.tuple([
    z.object({
      // Shown to everyone on the network (mDNS), so short, printable, one line.
      displayName: z
        .string()
        .trim()
        .min(1)
        .max(MAX_LAN_DISPLAY_NAME)
        .refine((n) => ![...n].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), 'name has control characters'),
      // Unprivileged ports only; 0 picks any free one.
      port: z.union([z.literal(0), z.number().int().min(1024).max(65535)]).optional(),
    }),
  ]),
  stopLan: z.tuple([]),
  lanStatus: z.tuple([]),
  discoverLan: z.tuple([z.object({ timeoutMs: z.number().int().min(200).max(10_000) })]),
  // The user's theme choice, for the native parts (menus, dialogs, title bar): Electron's nativeTheme.themeSource.
  setThemeSource: z.tuple([z.enum(THEME_SOURCES)]),
} as const satisfies Record<PlatformChannel, z.ZodType>;

// Both directions: a channel in the list without a schema, or the reverse, fails to compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameChannels: Exactly<keyof typeof platformArgs, PlatformChannel> = true;
void _sameChannels;
export type PlatformArgs<K extends PlatformChannel> = z.infer<(typeof platformArgs)[K]>;

export interface PlatformResults {
  saveFile: { saved: boolean; location?: string };
  printToPdf: { saved: boolean; location?: string };
  notify: void;
  copyText: void;
  openExternal: void;
  appInfo: { kind: 'electron' | 'browser'; version: string };
  hostLan: LanHostStatus;
  stopLan: LanHostStatus;
  lanStatus: LanHostStatus;
  discoverLan: LanDiscovery;
  setThemeSource: void;
}

/** The request/response half: what main implements as its handler map. */
export type PlatformInvokeApi = {
  [K in PlatformChannel]: (...args: PlatformArgs<K>) => Promise<PlatformResults[K]>;
};

/** Main → renderer events, each with a schema the renderer checks payloads against. */
export const platformEventPayloads = {
  command: z.enum(APP_COMMANDS),
  // A warroom:// link; the renderer parses the invite itself before joining.
  openInvite: z.string().min(1).max(8192),
} as const satisfies Record<PlatformEvent, z.ZodType>;

const _sameEvents: Exactly<keyof typeof platformEventPayloads, PlatformEvent> = true;
void _sameEvents;

export interface PlatformEventPayloads {
  command: AppCommand;
  openInvite: string;
}

export type Unsubscribe = () => void;

/** The event half: `onCommand(listener)` etc., each returning its unsubscribe. */
export type PlatformEventApi = {
  [K in PlatformEvent as EventSubscriberName<K>]: (listener: (payload: PlatformEventPayloads[K]) => void) => Unsubscribe;
};

export type PlatformApi = PlatformInvokeApi & PlatformEventApi;
