// Bundle the bare y-webrtc baseline page into dist/bench, served beside the app during the benchmark.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../dist/bench/', import.meta.url));
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL('./bare/bare-peer.ts', import.meta.url))],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  outfile: `${out}bare-peer.js`,
  logLevel: 'warning',
});
copyFileSync(fileURLToPath(new URL('./bare/index.html', import.meta.url)), `${out}index.html`);
console.log(`built the bare y-webrtc baseline page into ${out}`);
