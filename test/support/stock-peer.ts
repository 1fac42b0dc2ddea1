import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

/**
 * A stock Yjs + y-webrtc page (bench/bare/bare-peer.ts: y-webrtc's own crypto,
 * none of the app), bundled and served on loopback, for tests of what a peer
 * that is not Warroom gets.
 */
export interface StockPeerServer {
  url: (params: Record<string, string>) => string;
  close(): Promise<void>;
}

export const serveStockPeer = async (): Promise<StockPeerServer> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'warroom-stock-'));
  const entry = fileURLToPath(new URL('../../bench/bare/bare-peer.ts', import.meta.url));
  await build({ entryPoints: [entry], bundle: true, format: 'iife', target: 'es2022', outfile: path.join(dir, 'bare-peer.js'), logLevel: 'error' });
  const html = readFileSync(fileURLToPath(new URL('../../bench/bare/index.html', import.meta.url)));
  const js = readFileSync(path.join(dir, 'bare-peer.js'));
  const server: Server = createServer((req, res) => {
    const isJs = req.url?.startsWith('/bare-peer.js');
    res.writeHead(200, { 'content-type': isJs ? 'text/javascript' : 'text/html' });
    res.end(isJs ? js : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (params) => `http://127.0.0.1:${port}/?${new URLSearchParams(params).toString()}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
