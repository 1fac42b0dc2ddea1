// The relay CLI's bundle, shared by build-electron.mjs (dist/electron/relay.cjs) and the tests
// that run relay nodes as processes of their own (each builds its own file, so parallel runs
// never read a half-written one).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ws requires bufferutil and utf-8-validate inside try/catch; better-sqlite3 is a native addon, loaded from
// node_modules at run time (so the file must sit inside the repository); pg-native is pg's optional libpq
// binding, unused. The relay runs from the repository (`npm run relay`), never inside the packaged app.
export const RELAY_EXTERNALS = ['bufferutil', 'utf-8-validate', 'better-sqlite3', 'pg-native'];

/** Bundles electron/relay/cli.ts to `outfile` (which must be inside the repository). */
export const buildRelayCli = async (outfile) => {
  await esbuild.build({
    entryPoints: [path.join(root, 'electron/relay/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: RELAY_EXTERNALS,
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
};
