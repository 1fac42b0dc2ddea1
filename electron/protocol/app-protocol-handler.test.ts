import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './app-protocol-handler';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'warroom-protocol-'));
  const root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Warroom</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'export {}');
  await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  handler = createAppProtocolHandler({ root, csp: "default-src 'self'", readFile: (p) => readFile(p) });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createAppProtocolHandler', () => {
  it('serves index.html with its type and the CSP', async () => {
    const res = await handler(new Request('app://warroom/'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Warroom</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves module scripts as JavaScript (Chromium refuses them otherwise)', async () => {
    const res = await handler(new Request('app://warroom/assets/main.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for a missing file or a folder', async () => {
    expect((await handler(new Request('app://warroom/assets/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://warroom/assets'))).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const res = await handler(new Request('app://warroom/..%2Fsecret.txt'));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('do not serve');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler(new Request('app://warroom/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await handler(new Request('app://warroom/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
