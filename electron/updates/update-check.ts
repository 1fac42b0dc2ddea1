import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { UpdateSettings } from './update-settings';

/** What the app does about updates at start-up. */
export type UpdateDecision =
  | { kind: 'off'; reason: string }
  | { kind: 'up-to-date'; current: string; latest: string }
  | { kind: 'available'; current: string; version: string; info: UpdateInfo }
  | { kind: 'failed'; message: string };

/** The parts of electron-updater's AppUpdater the decision uses. */
export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'currentVersion'> & {
  autoDownload: boolean;
  allowDowngrade: boolean;
};

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/** A sentence for the log and the user, not electron-updater's stack. */
const failure = (error: unknown, feedUrl: string): string => {
  const code = codeOf(error);
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND') return `The update feed at ${feedUrl} has no release information for this platform.`;
  if (code === 'ERR_UPDATER_INVALID_VERSION') return `The update feed at ${feedUrl} names a version that is not a version number.`;
  if (code && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code)) {
    return `Could not reach the update feed at ${feedUrl} (${code}).`;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return `Checking ${feedUrl} for updates failed: ${message}`;
};

/**
 * Whether to update, decided by electron-updater's own generic provider and
 * version rules (a newer semver than this build; never a downgrade). Off with
 * no feed URL and in development builds, without a request. Only checks: the
 * download is the caller's next step (autoDownload off), so this runs in tests
 * against a local feed without installing anything.
 */
export async function checkForUpdate(updater: Updater, settings: UpdateSettings, app: { isPackaged: boolean }): Promise<UpdateDecision> {
  if (!settings.feedUrl) return { kind: 'off', reason: 'No update feed is set (updates.json in the user-data folder).' };
  if (!app.isPackaged) return { kind: 'off', reason: 'A development build does not update itself.' };
  updater.autoDownload = false;
  updater.allowDowngrade = false;
  updater.setFeedURL({ provider: 'generic', url: settings.feedUrl });
  const current = updater.currentVersion.version;
  try {
    const result = await updater.checkForUpdates();
    if (!result) return { kind: 'off', reason: 'This kind of installation cannot update itself.' };
    if (!result.isUpdateAvailable) return { kind: 'up-to-date', current, latest: result.updateInfo.version };
    return { kind: 'available', current, version: result.updateInfo.version, info: result.updateInfo };
  } catch (error) {
    return { kind: 'failed', message: failure(error, settings.feedUrl) };
  }
}

/** One line for the log. */
export const describeDecision = (d: UpdateDecision): string => {
  if (d.kind === 'off') return `Updates off: ${d.reason}`;
  if (d.kind === 'up-to-date') return `Up to date: ${d.current} (the feed's latest is ${d.latest}).`;
  if (d.kind === 'available') return `Update available: ${d.current} → ${d.version}; downloading, installed when Warroom quits.`;
  return `Update check failed: ${d.message}`;
};
