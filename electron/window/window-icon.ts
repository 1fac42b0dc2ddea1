import path from 'node:path';

/**
 * The window's icon: title bar, task switcher and taskbar on Linux and Windows
 * (macOS takes the app bundle's). A file of the icon set in assets/, packed into
 * app.asar by package.json's build.files; packaging.test.ts checks it is there.
 */
export const WINDOW_ICON = 'assets/icons/256x256.png';

/** `appRoot` is the folder holding package.json: the repository in development, app.asar when packaged. */
export const windowIconPath = (appRoot: string): string => path.join(appRoot, ...WINDOW_ICON.split('/'));
