import { readFile as fsReadFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor } from '../protocol/content-type';
import { resolvePathUnderRoot } from '../protocol/resolve-asset';

export interface StaticSiteOptions {
  /** The folder with the web build (dist/renderer). */
  readonly root: string;
  readonly csp: string;
  /** fs.promises.readFile by default; it reads inside an asar archive too when run by Electron. */
  readFile?(filePath: string): Promise<Uint8Array>;
}

/**
 * Headers on every answer. The page gets the same CSP as the desktop window;
 * nosniff because Chromium refuses module scripts of the wrong type anyway and
 * nothing else should guess; no-referrer so the LAN address and a #invite never
 * leave in a Referer; no-store so a browser does not keep a stale build after the
 * host updates.
 */
function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/** The request target's path, still %-encoded, or null for anything but origin-form ("/…"). */
export function requestPath(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith('/')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/**
 * The LAN host's HTTP handler: serves the web build read-only from `root`, so a
 * browser on the LAN can join without installing anything. Only GET and HEAD;
 * a path that escapes `root` by any spelling (../, %2e%2e, %2f, %5c, NUL) is a
 * 404 that never names a file.
 */
export function createStaticHandler(options: StaticSiteOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const readFile = options.readFile ?? ((file: string) => fsReadFile(file));
  const headers = baseHeaders(options.csp);

  const send = (response: ServerResponse, status: number, extra: Record<string, string>, body?: Uint8Array | string): void => {
    response.writeHead(status, { ...headers, ...extra });
    response.end(body);
  };

  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed');
      return;
    }
    const pathname = requestPath(request.url);
    const filePath = pathname === null ? null : resolvePathUnderRoot(pathname, options.root);
    if (filePath === null) {
      send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found');
      return;
    }
    readFile(filePath).then(
      (body) => {
        const type = { 'Content-Type': contentTypeFor(filePath), 'Content-Length': String(body.byteLength) };
        send(response, 200, type, request.method === 'HEAD' ? undefined : body);
      },
      // Missing file or a directory: a plain 404, never the path or the error.
      () => send(response, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not found'),
    );
  };
}
