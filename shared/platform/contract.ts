import { z } from 'zod';
import type { PlatformChannel } from './channels';

export { PLATFORM_CHANNELS, PLATFORM_GLOBAL, ipcChannel, type PlatformChannel } from './channels';

/**
 * The platform API the renderer uses, typed once. Electron implements it in the
 * main process (one handler map, arguments validated with these schemas) and the
 * preload exposes exactly these functions; the browser build implements the same
 * contract with web APIs. The channel name of each function is its key.
 */

const fileData = z.union([z.string(), z.instanceof(Uint8Array)]);

export const platformArgs = {
  saveFile: z.tuple([
    z.object({
      suggestedName: z
        .string()
        .min(1)
        .max(200)
        .refine((n) => ![...n].some((c) => '/\\:*?"<>|'.includes(c) || c.charCodeAt(0) < 32), 'file name has characters that are not allowed'),
      mimeType: z.string().min(1).max(100),
      data: fileData,
    }),
  ]),
  notify: z.tuple([z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) })]),
  copyText: z.tuple([z.string().max(1_000_000)]),
  openExternal: z.tuple([z.url({ protocol: /^https?$/, error: 'only http(s) links can be opened' })]),
  appInfo: z.tuple([]),
} as const satisfies Record<PlatformChannel, z.ZodType>;

// Both directions: a channel in the list without a schema, or the reverse, fails to compile.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _sameChannels: Exactly<keyof typeof platformArgs, PlatformChannel> = true;
void _sameChannels;
export type PlatformArgs<K extends PlatformChannel> = z.infer<(typeof platformArgs)[K]>;

export interface PlatformResults {
  saveFile: { saved: boolean; location?: string };
  notify: void;
  copyText: void;
  openExternal: void;
  appInfo: { kind: 'electron' | 'browser'; version: string };
}

export type PlatformApi = {
  [K in PlatformChannel]: (...args: PlatformArgs<K>) => Promise<PlatformResults[K]>;
};

