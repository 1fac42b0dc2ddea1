// Bundles the Electron entry points with esbuild: one CJS file each, with only
// 'electron' left external (it is provided by the runtime). The sandboxed
// preload may only require('electron'), so that is checked after the build.
// So are the command-line servers: web (npm run web), signal and relay.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { RELAY_EXTERNALS } from './relay-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');

/** Modules a sandboxed preload can require (Electron docs, "Process Sandboxing"). */
const SANDBOXED_PRELOAD_MODULES = new Set(['electron', 'events', 'timers', 'url']);

const targets = [
  { entry: 'electron/main.ts', out: 'main.cjs' },
  { entry: 'electron/preload.ts', out: 'preload.cjs', allowedRequires: SANDBOXED_PRELOAD_MODULES },
  // ws requires these optional native speed-ups inside try/catch; leave them out of the bundle.
  { entry: 'electron/signaling/cli.ts', out: 'signal.cjs', optional: true, external: ['bufferutil', 'utf-8-validate'] },
  // `npm run web`: the LAN host's web build + signaling server on one port, without the app.
  { entry: 'electron/web/web-cli.ts', out: 'web.cjs', external: ['bufferutil', 'utf-8-validate'] },
  // The relay CLI: see relay-bundle.mjs for what stays outside the bundle, and why.
  { entry: 'electron/relay/cli.ts', out: 'relay.cjs', optional: true, external: RELAY_EXTERNALS },
];

async function build(target) {
  const outfile = path.join(outdir, target.out);
  const result = await esbuild.build({
    entryPoints: [path.join(root, target.entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron', ...(target.external ?? [])],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  // The .js output is the one with an entry point (the .map has none).
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (target.allowedRequires) {
    const refused = (output?.imports ?? []).filter((i) => i.external && !target.allowedRequires.has(i.path)).map((i) => i.path);
    if (refused.length > 0) {
      // Never leave a preload behind that would fail at window start-up.
      await Promise.all([outfile, `${outfile}.map`].map((f) => rm(f, { force: true })));
      throw new Error(`${target.out} requires ${refused.join(', ')}, which a sandboxed preload cannot load.`);
    }
  }
  return { file: path.relative(root, outfile), bytes: output?.bytes ?? 0 };
}

const selected = targets.filter((t) => {
  if (!t.optional || existsSync(path.join(root, t.entry))) return true;
  console.log(`skipped ${t.entry} (not present)`);
  return false;
});

const results = await Promise.allSettled(selected.map(build));
let failed = false;
results.forEach((r, i) => {
  const entry = selected[i]?.entry;
  if (r.status === 'fulfilled') {
    console.log(`built ${entry} → ${r.value.file} (${(r.value.bytes / 1024).toFixed(1)} KiB)`);
  } else {
    failed = true;
    // esbuild has already printed file:line diagnostics; this names the target.
    console.error(`FAILED ${entry}: ${r.reason instanceof Error ? r.reason.message.split('\n')[0]?.replace(/:$/, '') : String(r.reason)}`);
  }
});
if (failed) process.exitCode = 1;
