// `npm run bench:relay`: bundles bench/relay-load.ts (TypeScript, like the rest of the bench) and the relay
// CLI it starts with esbuild into dist/bench/ (inside the repository, so both find node_modules), then runs
// the bench with Node. See relay-load.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { RELAY_EXTERNALS, buildRelayCli, root } from '../scripts/relay-bundle.mjs';

const dir = path.join(root, 'dist', 'bench');
const relay = await buildRelayCli(path.join(dir, 'relay.cjs'));
const bench = path.join(dir, 'relay-load.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'bench', 'relay-load.ts')],
  outfile: bench,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: RELAY_EXTERNALS,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [bench], { stdio: 'inherit', env: { ...process.env, RELAY_BUNDLE: relay } });
process.exitCode = run.status ?? 1;
