import { PLATFORM_GLOBAL, platformEventPayloads, type PlatformApi } from '@shared/platform/contract';
import { browserPlatform } from './browser-platform';

/**
 * Event payloads are checked against the contract here, once for every
 * platform: a listener only ever sees a known command or an invite-sized string.
 */
const withCheckedEvents = (api: PlatformApi): PlatformApi => ({
  ...api,
  onCommand: (listener) =>
    api.onCommand((command) => {
      const parsed = platformEventPayloads.command.safeParse(command);
      if (parsed.success) listener(parsed.data);
    }),
  onOpenInvite: (listener) =>
    api.onOpenInvite((invite) => {
      const parsed = platformEventPayloads.openInvite.safeParse(invite);
      if (parsed.success) listener(parsed.data);
    }),
});

/** The Electron preload exposes the contract on window; a plain browser uses web APIs. */
export const platform: PlatformApi = withCheckedEvents(
  (window as unknown as Record<string, PlatformApi | undefined>)[PLATFORM_GLOBAL] ?? browserPlatform,
);
