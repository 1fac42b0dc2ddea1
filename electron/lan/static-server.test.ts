import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../security/content-security-policy';
import { createStaticHandler, requestPath } from './static-server';

const csp = buildContentSecurityPolicy();
let dir: string;
let server: http.Server;
let port: number;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'warroom-static-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Warroom</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'export {}');
  await writeFile(path.join(root, 'assets', 'main.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(path.join(root, 'assets', 'module.wasm'), new Uint8Array([0, 97, 115, 109]));
  // Next to the served folder, and a sibling whose name starts with the root's: neither may be served.
  await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  await mkdir(path.join(dir, 'renderer-old'));
  await writeFile(path.join(dir, 'renderer-old', 'index.html'), 'old build, do not serve');
  server = http.createServer(createStaticHandler({ root, csp }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/**
 * Sends the request line byte for byte, as an attacker would: fetch() and
 * http.request normalise "../" away before anything reaches the server.
 */
function rawGet(target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
  });
}

const get = (pathname: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${pathname}`, init);

describe('the LAN host static server', () => {
  it('serves index.html at / with the CSP and the other protective headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Warroom</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each([
    ['/assets/main.js', 'text/javascript; charset=utf-8'],
    ['/assets/main.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/module.wasm', 'application/wasm'],
    ['/index.html?invite=ignored#x', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (pathname, type) => {
    const res = await get(pathname);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get('/assets/main.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('9');
    expect(await res.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE'])('refuses %s', async (method) => {
    const res = await get('/index.html', { method, body: method === 'DELETE' ? undefined : 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 404 for a missing file and for a folder, naming no path', async () => {
    for (const pathname of ['/assets/nope.js', '/assets']) {
      const res = await get(pathname);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/..%2frenderer-old/index.html',
    '/index.html%00.png',
    '/%E0%A4%A',
    'secret.txt',
    'http://127.0.0.1/../secret.txt',
  ])('refuses path traversal: GET %s', async (target) => {
    const res = await rawGet(target);
    expect([400, 404]).toContain(res.status);
    expect(res.text).not.toContain('do not serve');
  });

  it('still serves a file whose name merely starts with dots', async () => {
    // Dots inside the root are fine; only leaving it is not (guards against an over-eager filter).
    const res = await rawGet('/assets/./main.js');
    expect(res.status).toBe(200);
  });
});

describe('requestPath', () => {
  it('keeps the path of an origin-form target, without query or fragment', () => {
    expect(requestPath('/a/b.js?x=1#y')).toBe('/a/b.js');
    expect(requestPath('/')).toBe('/');
  });

  it.each([undefined, '', '*', 'http://host/index.html', 'index.html'])('refuses %j', (target) => {
    expect(requestPath(target)).toBeNull();
  });
});
