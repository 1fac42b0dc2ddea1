/**
 * The app:// scheme the renderer is served from. A custom, privileged scheme
 * instead of file:// gives the app a real origin of its own: 'self' in the CSP
 * means only the bundled files, IndexedDB is scoped to the app, and a page that
 * reaches file:// cannot read the user's disk.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'warroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before 'ready'. standard: parsed like http (host, relative URLs, an
 * origin); secure: a secure context (crypto.subtle, no mixed-content downgrade);
 * supportFetchAPI: the renderer may fetch its own assets. No CORS bypass, no
 * service workers.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;
