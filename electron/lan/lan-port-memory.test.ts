import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lanPortMemory } from './lan-port-memory';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const fileIn = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'warroom-lan-port-'));
  dirs.push(dir);
  return path.join(dir, 'lan-host.json');
};

describe('lanPortMemory', () => {
  it('remembers nothing at first, then the last port written', async () => {
    const memory = lanPortMemory(fileIn());
    expect(await memory.rememberedPort()).toBeNull();
    await memory.rememberPort(50123);
    await memory.rememberPort(4444);
    expect(await memory.rememberedPort()).toBe(4444);
  });

  it('counts damaged or odd contents as nothing remembered', async () => {
    const file = fileIn();
    for (const text of ['{', '{"port":"4444"}', '{"port":80}', '{"port":70000}', '[]']) {
      writeFileSync(file, text);
      expect(await lanPortMemory(file).rememberedPort()).toBeNull();
    }
  });
});
