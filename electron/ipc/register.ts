import { z } from 'zod';
import {
  PLATFORM_CHANNELS,
  ipcChannel,
  platformArgs,
  type PlatformInvokeApi,
  type PlatformArgs,
  type PlatformChannel,
  type PlatformResults,
} from '../../shared/platform/contract';

/** The slice of Electron's ipcMain used here; tests pass a Map-backed fake. */
export interface IpcMainLike<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * Registers one ipcMain.handle per contract channel. Every call is checked in
 * this order: the sender is the app's own frame; the arguments match the
 * contract's schema (the renderer is untrusted input, TypeScript types do not
 * survive IPC); only then does the handler run, with the parsed arguments.
 */
export function registerIpc<E>(ipcMain: IpcMainLike<E>, handlers: PlatformInvokeApi, isTrustedSender: (event: E) => boolean): void {
  for (const channel of PLATFORM_CHANNELS) register(ipcMain, handlers, isTrustedSender, channel);
}

function register<E, K extends PlatformChannel>(
  ipcMain: IpcMainLike<E>,
  handlers: PlatformInvokeApi,
  isTrustedSender: (event: E) => boolean,
  key: K,
): void {
  const channel = ipcChannel(key);
  // The one cast: TypeScript cannot correlate platformArgs[K] with PlatformArgs<K>
  // for a generic K, though the contract derives one from the other.
  const schema = platformArgs[key] as unknown as z.ZodType<PlatformArgs<K>>;
  // Handlers are typed per channel by PlatformApi, so this needs no cast.
  const handler: (...args: PlatformArgs<K>) => Promise<PlatformResults[K]> = handlers[key];

  ipcMain.handle(channel, async (event, ...args) => {
    if (!isTrustedSender(event)) {
      throw new Error(`${channel} refused: the call did not come from the Warroom window.`);
    }
    const parsed = schema.safeParse(args);
    if (!parsed.success) {
      throw new Error(`${channel} refused: invalid arguments.\n${z.prettifyError(parsed.error)}`);
    }
    return handler(...parsed.data);
  });
}
