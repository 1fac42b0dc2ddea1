#!/usr/bin/env node
// Writes the README's generated sections: "Document format" from the record registry
// (shared/schema/format-doc.ts) and "Bad input" from shared/testing/bad-input-catalogue.ts. `npm test` fails while the README's copy is stale.
import { build } from 'esbuild';
import { readFile, writeFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = await mkdtemp(path.join(tmpdir(), 'warroom-format-'));
const out = path.join(dir, 'format-doc.mjs');
try {
  await build({ entryPoints: [path.join(root, 'shared/testing/readme-sections.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
  const { withGeneratedSections } = await import(pathToFileURL(out).href);
  const readmePath = path.join(root, 'README.md');
  const before = await readFile(readmePath, 'utf8');
  const after = withGeneratedSections(before);
  if (after === before) console.log('README.md: the document format section is up to date (and the bad-input catalogue).');
  else {
    await writeFile(readmePath, after);
    console.log('README.md: the generated sections were rewritten (document format, bad-input catalogue).');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
