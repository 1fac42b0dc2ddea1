import { createRequire } from 'node:module';
import path from 'node:path';
import { minimatch } from 'minimatch';

/**
 * Checks of the electron-builder configuration and of what it packs, used by
 * packaging.test.ts. The schema check runs app-builder-lib's own validator
 * (ajv with electron-builder's options) on its own scheme.json, exactly as
 * `electron-builder` does before a build.
 */
const require = createRequire(import.meta.url);

type ValidateSchema = (schema: object, data: unknown, config?: { name?: string }) => void;

export function loadBuilderSchema(): object {
  return require('app-builder-lib/scheme.json') as object;
}

/** The validator's message, or null when the configuration is valid. */
export function builderConfigError(config: unknown, schema: object = loadBuilderSchema()): string | null {
  const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator') as { validateSchema: ValidateSchema };
  try {
    validateSchema(schema, config, { name: 'electron-builder' });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The files the app cannot start without, as paths inside app.asar (leading slash, as @electron/asar lists them). */
export function entryPointsOf(pkg: { main: string }): string[] {
  const main = path.posix.normalize(pkg.main);
  const dir = path.posix.dirname(main);
  // main.ts loads preload.cjs beside itself and serves ../renderer over app://.
  return [main, path.posix.join(dir, 'preload.cjs'), path.posix.join(dir, '..', 'renderer', 'index.html')].map((p) => `/${p}`);
}

/** Entry points the `files` patterns leave out (a "!" pattern excludes, as in electron-builder). */
export function entryPointsNotPacked(files: readonly string[], entryPoints: readonly string[]): string[] {
  const includes = files.filter((f) => !f.startsWith('!'));
  const excludes = files.filter((f) => f.startsWith('!')).map((f) => f.slice(1));
  return entryPoints.filter((entry) => {
    const file = entry.replace(/^\//, '');
    const included = includes.some((p) => minimatch(file, p, { dot: true }));
    return !included || excludes.some((p) => minimatch(file, p, { dot: true }));
  });
}

/** Entry points missing from an app.asar listing. */
export function missingEntryPoints(listing: readonly string[], entryPoints: readonly string[]): string[] {
  const present = new Set(listing.map((p) => p.replace(/\\/g, '/')));
  return entryPoints.filter((e) => !present.has(e));
}
