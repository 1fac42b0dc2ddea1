// Renders assets/icon.svg (the design source) into the PNGs electron-builder
// packs: assets/icons/<n>x<n>.png for Linux (16 to 1024), assets/icon.png
// (512) and, from the 1024 PNG, electron-builder makes the .icns and .ico
// itself. The PNGs are committed, so CI and `npm run dist` need no renderer;
// run this after changing the SVG (it needs rsvg-convert: apt-get install
// librsvg2-bin, or brew install librsvg). icons-manifest.json records the
// SVG's hash so electron/packaging/icons.test.ts notices a stale set.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const assets = path.join(root, 'assets');
const svg = path.join(assets, 'icon.svg');

function render(size, out) {
  const run = spawnSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', svg, '--output', out], { encoding: 'utf8' });
  if (run.error?.code === 'ENOENT') throw new Error('rsvg-convert not found: apt-get install librsvg2-bin (Debian/Ubuntu) or brew install librsvg (macOS).');
  if (run.status !== 0) throw new Error(`rsvg-convert failed for ${size}px: ${run.stderr}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await mkdir(path.join(assets, 'icons'), { recursive: true });
    for (const size of ICON_SIZES) render(size, path.join(assets, 'icons', `${size}x${size}.png`));
    render(512, path.join(assets, 'icon.png'));
    const sha256 = createHash('sha256').update(await readFile(svg)).digest('hex');
    await writeFile(path.join(assets, 'icons-manifest.json'), `${JSON.stringify({ source: 'icon.svg', sha256, sizes: ICON_SIZES }, null, 2)}\n`);
    console.log(`rendered ${ICON_SIZES.length + 1} PNGs from assets/icon.svg`);
  } catch (error) {
    // A missing tool is an instruction for a person, not a stack trace.
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
