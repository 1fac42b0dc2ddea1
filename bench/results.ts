import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One flat key per figure (e.g. p1_doc_p95_ratio), written to bench/results.json and printed as a table. */
const figures: Record<string, number | string> = {};

export const record = (key: string, value: number | string): void => {
  figures[key] = value;
};

export const writeResults = (): string => {
  const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
  const width = Math.max(10, ...Object.keys(figures).map((k) => k.length));
  const rows = Object.entries(figures).map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  console.log(`\nWarroom benchmark (${file})\n${'-'.repeat(width + 12)}\n${rows.join('\n')}\n`);
  return file;
};
