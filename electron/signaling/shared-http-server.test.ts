import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSignalingServer } from './signaling-server';
import { TestClient } from './test-client';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const staticServer = (): http.Server => {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<h1>warroom</h1>');
  });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
};

const listening = (server: http.Server): Promise<number> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

const track = (client: TestClient): TestClient => {
  cleanups.push(() => client.ws.terminate());
  return client;
};

describe('attached to an existing http.Server', () => {
  it('serves HTTP and signaling on one port, and close() leaves the HTTP server running', async () => {
    const http1 = staticServer();
    const port = await listening(http1);
    const signaling = await startSignalingServer({ server: http1 });
    expect(signaling.url).toBe(`ws://127.0.0.1:${port}`);

    const client = track(await TestClient.connect(signaling.url));
    await client.sync();
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('<h1>warroom</h1>');

    await signaling.close();
    expect((await client.waitClosed()).code).toBe(1001);
    expect(http1.listening).toBe(true);
    expect(await (await fetch(`http://127.0.0.1:${port}/index.html`)).text()).toBe('<h1>warroom</h1>');
  });

  it('starts a server that is not listening yet on the given host and port', async () => {
    const http1 = staticServer();
    const signaling = await startSignalingServer({ server: http1, host: '127.0.0.1', port: 0 });
    cleanups.push(() => signaling.close());
    expect(http1.listening).toBe(true);
    await track(await TestClient.connect(signaling.url)).sync();
  });

  it('with a path, handles only upgrades to that path and leaves others to other listeners', async () => {
    const http1 = staticServer();
    const port = await listening(http1);
    const otherUpgrades: string[] = [];
    http1.on('upgrade', (request, socket) => {
      if (request.url?.startsWith('/signal')) return;
      otherUpgrades.push(request.url ?? '');
      socket.end('HTTP/1.1 418 I\'m a teapot\r\nContent-Length: 0\r\n\r\n');
    });
    const signaling = await startSignalingServer({ server: http1, path: '/signal' });
    cleanups.push(() => signaling.close());

    await track(await TestClient.connect(`ws://127.0.0.1:${port}/signal?room=x`)).sync();
    expect(await TestClient.refusedStatus(`ws://127.0.0.1:${port}/hmr`)).toBe(418);
    expect(otherUpgrades).toEqual(['/hmr']);
  });
});

describe('own http server', () => {
  it('answers plain HTTP with a health check and refuses upgrades to a foreign path', async () => {
    const signaling = await startSignalingServer({ host: '127.0.0.1', port: 0, path: '/signal' });
    cleanups.push(() => signaling.close());
    const response = await fetch(`http://127.0.0.1:${signaling.port}/`);
    expect(await response.text()).toBe('okay');
    expect(await TestClient.refusedStatus(`${signaling.url}/elsewhere`)).toBe(404);
    await track(await TestClient.connect(`${signaling.url}/signal`)).sync();
  });

  it('rejects when the port is taken', async () => {
    const first = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => first.close());
    await expect(startSignalingServer({ host: '127.0.0.1', port: first.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
