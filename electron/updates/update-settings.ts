import { z } from 'zod';

/**
 * Updates are off unless the user-data folder holds `updates.json` naming a
 * feed: `{ "feedUrl": "https://updates.example.com/warroom/" }`, an
 * electron-builder "generic" feed (a folder with latest.yml, latest-mac.yml,
 * latest-linux.yml and the installers). A war room runs on closed networks, so
 * the app never calls anywhere it was not told to.
 */
export const UPDATE_SETTINGS_FILE = 'updates.json';

export interface UpdateSettings {
  feedUrl: string | null;
}

const schema = z.object({
  feedUrl: z
    .union([z.url({ protocol: /^https?$/, error: 'feedUrl must be an http(s) address' }), z.literal(''), z.null()])
    .optional(),
});

/** The settings from the file's text (null: no file); a damaged file turns updates off and says why. */
export const parseUpdateSettings = (text: string | null): { settings: UpdateSettings; problem: string | null } => {
  if (text === null) return { settings: { feedUrl: null }, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: { feedUrl: null }, problem: `${UPDATE_SETTINGS_FILE} is not valid JSON, so updates are off.` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return { settings: { feedUrl: null }, problem: `${UPDATE_SETTINGS_FILE}: ${parsed.error.issues[0]?.message ?? 'not understood'}, so updates are off.` };
  }
  return { settings: { feedUrl: parsed.data.feedUrl || null }, problem: null };
};
