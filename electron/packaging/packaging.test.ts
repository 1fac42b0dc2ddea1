/**
 * The installers' configuration, checked here without a real Electron binary:
 * (a) the "build" key of package.json against electron-builder's own JSON
 *     schema, with electron-builder's own validator;
 * (b) `electron-builder --dir` with a stand-in Electron folder, then the
 *     app.asar it packed and the fuses it flipped.
 * Builds the app first (npm run build), so it takes a minute or two.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createPackage, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WINDOW_ICON } from '../window/window-icon';
import { builderConfigError, entryPointsNotPacked, entryPointsOf, missingEntryPoints } from './packaging-checks';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const BUILD_MS = 600_000;
/** @electron/fuses' FuseState (not exported from its entry point): the byte values in the wire. */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

interface Pkg {
  main: string;
  version: string;
  build: Record<string, unknown> & { files: string[]; linux: Record<string, unknown>; productName: string };
}

let pkg: Pkg;
let work: string;

beforeAll(async () => {
  pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as Pkg;
  work = await mkdtemp(path.join(os.tmpdir(), 'warroom-packaging-'));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('(a) the electron-builder configuration', () => {
  // Compiling electron-builder's schema takes ajv several seconds.
  it('is valid against app-builder-lib/scheme.json', { timeout: 120_000 }, () => {
    expect(builderConfigError(pkg.build)).toBeNull();
  });

  it.each([
    // Inside an anyOf (linux may be null or an object) the validator names the option, not the key.
    ['a misspelt key', (b: Pkg['build']) => ({ ...b, linux: { ...b.linux, tagret: ['deb'] } }), /configuration\.linux\b/],
    ['an unknown top-level key', (b: Pkg['build']) => ({ ...b, electronFusez: {} }), /electronFusez/],
    ['a mistyped value', (b: Pkg['build']) => ({ ...b, asar: 'yes please' }), /asar/],
  ])('refuses %s', (_what, mutate, message) => {
    expect(builderConfigError(mutate(pkg.build))).toMatch(message);
  });

  it('targets AppImage and deb, dmg and nsis, with the deb metadata set', () => {
    const b = pkg.build as Record<string, Record<string, unknown>>;
    expect(b.linux?.target).toEqual(['AppImage', 'deb']);
    expect(b.mac?.target).toEqual(['dmg']);
    expect(b.win?.target).toEqual(['nsis']);
    expect(b.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
    expect((b.extraMetadata as { homepage?: string }).homepage).toMatch(/^https:\/\//);
    expect(b.protocols).toEqual([{ name: 'Warroom invite', schemes: ['warroom'] }]);
  });

  it('packs every entry point, and would notice one left out', () => {
    const entries = entryPointsOf(pkg);
    expect(entries).toEqual(['/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']);
    expect(entryPointsNotPacked(pkg.build.files, entries)).toEqual([]);
    expect(entryPointsNotPacked([...pkg.build.files, '!dist/electron/preload.cjs'], entries)).toEqual(['/dist/electron/preload.cjs']);
    expect(entryPointsNotPacked(['dist/electron/**', 'package.json'], entries)).toEqual(['/dist/renderer/index.html']);
  });
});

/** A stand-in Electron folder: an "electron" file with a fuse wire, all fuses on, for electron-builder to flip. */
async function fakeElectronDist(version: string): Promise<string> {
  const dist = path.join(work, 'electron-dist');
  await mkdir(dist, { recursive: true });
  const wire = Buffer.alloc(8, FuseState.ENABLE);
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\n# '), Buffer.from(SENTINEL), Buffer.from([1, wire.length]), wire, Buffer.from('\n')]);
  await writeFile(path.join(dist, 'electron'), binary);
  await chmod(path.join(dist, 'electron'), 0o755);
  await writeFile(path.join(dist, 'version'), version);
  return dist;
}

describe('(b) electron-builder --dir with a stand-in Electron', () => {
  let appOutDir: string;
  let asar: string;

  beforeAll(async () => {
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development
    // build: the build is made here in the environment a user's `npm run build` has.
    const { NODE_ENV: _vitest, ...userEnv } = process.env;
    await run('npm', ['run', 'build'], { cwd: root, env: userEnv, timeout: BUILD_MS, maxBuffer: 64 * 1024 * 1024 });
    const electronVersion = (JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const output = path.join(work, 'release');
    await run(
      process.execPath,
      [
        path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
        '--dir',
        '--linux',
        '--x64',
        '--publish',
        'never',
        `-c.electronDist=${await fakeElectronDist(electronVersion)}`,
        `-c.electronVersion=${electronVersion}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: root, timeout: BUILD_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ELECTRON_BUILDER_7ZIP_PATH: '/usr/bin/7za' } },
    );
    appOutDir = path.join(output, 'linux-unpacked');
    asar = path.join(appOutDir, 'resources', 'app.asar');
  }, BUILD_MS * 2);

  it('packs the main, preload and renderer entry points into app.asar', () => {
    expect(missingEntryPoints(listPackage(asar, { isPack: false }), entryPointsOf(pkg))).toEqual([]);
  });

  it('packs the production build of the renderer (no development JSX runtime)', () => {
    const scripts = listPackage(asar, { isPack: false }).filter((p) => /^[\\/]dist[\\/]renderer[\\/].*\.js$/.test(p));
    expect(scripts.length).toBeGreaterThan(0);
    const development = scripts.filter((p) => extractFile(asar, p.replace(/^[\\/]/, '')).toString('utf8').includes('jsxDEV'));
    expect(development).toEqual([]);
  });

  it('packs the window icon main.ts points at', () => {
    expect(entryPointsNotPacked(pkg.build.files, [`/${WINDOW_ICON}`])).toEqual([]);
    expect(listPackage(asar, { isPack: false }).map((p) => p.replace(/\\/g, '/'))).toContain(`/${WINDOW_ICON}`);
  });

  it('packs no node_modules (everything is bundled) and no source maps', () => {
    const listing = listPackage(asar, { isPack: false });
    expect(listing.filter((p) => p.includes('node_modules'))).toEqual([]);
    expect(listing.filter((p) => p.endsWith('.map'))).toEqual([]);
  });

  it('writes the metadata into the packed package.json', () => {
    const packed = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packed).toMatchObject({ main: pkg.main, version: pkg.version, homepage: expect.stringMatching(/^https:/) });
  });

  it('flips the fuses: no running as Node, no NODE_OPTIONS or inspector, app only from an integrity-checked asar', async () => {
    const wire = await getCurrentFuseWire(path.join(appOutDir, (pkg.build.linux.executableName as string) ?? 'warroom'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });

  it('the asar check fails when an entry point is missing', async () => {
    // The same check on an archive packed without the preload.
    const src = path.join(work, 'incomplete');
    await mkdir(path.join(src, 'dist', 'electron'), { recursive: true });
    await mkdir(path.join(src, 'dist', 'renderer'), { recursive: true });
    await writeFile(path.join(src, 'dist', 'electron', 'main.cjs'), '');
    await writeFile(path.join(src, 'dist', 'renderer', 'index.html'), '');
    const incomplete = path.join(work, 'incomplete.asar');
    await createPackage(src, incomplete);
    expect(missingEntryPoints(listPackage(incomplete, { isPack: false }), entryPointsOf(pkg))).toEqual(['/dist/electron/preload.cjs']);
  });
});
