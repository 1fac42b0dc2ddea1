import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildRelayCli, root } from '../../../scripts/relay-bundle.mjs';

/**
 * The relay CLI's bundle for tests, built once per test file into dist/test/
 * (a file of its own, so parallel runs never read a half-written one), inside
 * the repository so it finds better-sqlite3 in node_modules.
 */
export const buildTestRelay = async (): Promise<{ bundle: string; remove: () => void }> => {
  const dir = path.join(root, 'dist', 'test');
  mkdirSync(dir, { recursive: true });
  const bundle = path.join(dir, `relay-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.cjs`);
  await buildRelayCli(bundle);
  return {
    bundle,
    remove: () => {
      rmSync(bundle, { force: true });
      rmSync(`${bundle}.map`, { force: true });
    },
  };
};
