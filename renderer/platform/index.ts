import { PLATFORM_GLOBAL, type PlatformApi } from '@shared/platform/contract';
import { browserPlatform } from './browser-platform';

/** The Electron preload exposes the contract on window; a plain browser uses web APIs. */
export const platform: PlatformApi =
  (window as unknown as Record<string, PlatformApi | undefined>)[PLATFORM_GLOBAL] ?? browserPlatform;
