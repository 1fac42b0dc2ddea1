#!/usr/bin/env node
// `npm run verify -- incident.json [...]`: checks a JSON export's timeline against its signed
// statements (shared/evidence/), as an auditor would, without the app. Exit 0 when every signed
// entry verifies, 1 when anything is unverified or a statement is missing, 2 when a file is unreadable.
import { build } from 'esbuild';
import { readFile, rm, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('Usage: npm run verify -- <incident.json> [more.json …] (JSON exports from Warroom: Export → JSON)');
  process.exit(2);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = await mkdtemp(path.join(tmpdir(), 'warroom-verify-'));
let code = 0;
try {
  const out = path.join(dir, 'verify.mjs');
  await build({ entryPoints: [path.join(root, 'shared/evidence/verify-export.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
  const { verifyExportText } = await import(pathToFileURL(out).href);
  for (const file of files) {
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      console.error(`${file}: cannot be read (${e.code ?? e.message}).`);
      code = Math.max(code, 2);
      continue;
    }
    const result = verifyExportText(text, file);
    for (const line of result.lines) console.log(line);
    code = Math.max(code, result.code);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
process.exit(code);
