import { contentTypeFor } from './content-type';
import { resolveAppAssetPath } from './resolve-asset';

export interface AppProtocolDeps {
  /** The folder with Vite's output (index.html + assets/). */
  readonly root: string;
  readonly csp: string;
  /** fs.promises.readFile in main; it reads inside an asar archive too. */
  readFile(filePath: string): Promise<Uint8Array>;
}

/**
 * The protocol.handle('app', …) handler: serves files from the renderer folder
 * only, with our CSP on every response. webRequest.onHeadersReceived is not
 * relied on here because custom-protocol responses are built in-process.
 */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const headersFor = (filePath: string): Headers =>
    new Headers({
      'Content-Type': contentTypeFor(filePath),
      'Content-Security-Policy': deps.csp,
      'X-Content-Type-Options': 'nosniff',
    });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    const filePath = resolveAppAssetPath(request.url, deps.root);
    if (filePath === null) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await deps.readFile(filePath);
    } catch {
      // Missing file or a directory: the renderer sees a plain 404, never a path.
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headersFor(filePath) });
  };
}
