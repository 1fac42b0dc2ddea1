import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const assets = path.join(root, 'assets');

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icon set in assets/', () => {
  it('was rendered from the current icon.svg (run node scripts/make-icons.mjs after editing it)', async () => {
    const manifest = JSON.parse(await readFile(path.join(assets, 'icons-manifest.json'), 'utf8')) as { sha256: string };
    const svg = await readFile(path.join(assets, 'icon.svg'));
    expect(createHash('sha256').update(svg).digest('hex')).toBe(manifest.sha256);
  });

  it('has a square PNG for every size from 16 to 1024, named by size as electron-builder wants for Linux', async () => {
    const { sizes } = JSON.parse(await readFile(path.join(assets, 'icons-manifest.json'), 'utf8')) as { sizes: number[] };
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512, 1024]));
    for (const size of sizes) {
      await expect(pngSize(path.join(assets, 'icons', `${size}x${size}.png`))).resolves.toEqual({ width: size, height: size });
    }
  });

  it('has icon.png at 512 px', async () => {
    await expect(pngSize(path.join(assets, 'icon.png'))).resolves.toEqual({ width: 512, height: 512 });
  });

  it('is what the build configuration points at (macOS and Windows icons are made from the 1024 px PNG)', async () => {
    const { build } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      build: { linux: { icon: string }; mac: { icon: string }; win: { icon: string } };
    };
    expect(build.linux.icon).toBe('assets/icons');
    for (const icon of [build.mac.icon, build.win.icon]) {
      await expect(pngSize(path.join(root, icon))).resolves.toEqual({ width: 1024, height: 1024 });
    }
  });
});
