import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * One flat key per figure (e.g. p1_doc_p95_ratio), written to bench/results.json.
 * Each bench file merges its figures into the file when it ends (global-setup.ts
 * starts it empty), and global-teardown.ts prints the table: each figure beside
 * its baseline from the same run and its target.
 */
export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results.json');

const figures: Record<string, number | string> = {};

export const record = (key: string, value: number | string): void => {
  figures[key] = value;
};

const read = (): Record<string, unknown> => (existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {});

/** Merge this file's figures into bench/results.json. */
export const writeResults = (): string => {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...read(), ...figures }, null, 2)}\n`);
  return RESULTS_FILE;
};

export const machine = (): string => {
  const c = cpus();
  return `${osType()} ${release()}, ${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`;
};

export const startResults = (): void => {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: machine() }, null, 2)}\n`);
};

/** The figures the issue fixes, each with the baseline measured beside it and the target. */
export const TABLE: { key: string; baseline?: string; target: string }[] = [
  { key: 'p1_doc_p95_ratio', baseline: 'p1_bare_doc_p95_ms', target: '≤ 1.5' },
  { key: 'p1_screen_p95_minus_bare_p95_ms', baseline: 'p1_bare_doc_p95_ms', target: '≤ 16' },
  { key: 'p2_open_10k_ms', baseline: 'p2_bare_apply_ms', target: '≤ 200' },
  { key: 'p2_open_10k_ratio', baseline: 'p2_bare_apply_ms', target: '≤ 5' },
  { key: 'p3_append_10k_p95_ms', baseline: 'frame_ms', target: '≤ 16' },
  { key: 'p3_append_10k_busy_p95_ms', baseline: 'frame_ms', target: '≤ 50' },
  { key: 'p3_append_31_p95_ms', baseline: 'frame_ms', target: '≤ 16' },
  { key: 'p3_scroll_10k_frames_ok_pct', target: '≥ 95' },
  { key: 'p4_offline_merge_ms', baseline: 'p4_bare_merge_ms', target: '≤ 500' },
  { key: 'p5_cold_start_ms', target: '≤ 1000' },
  { key: 'p5_initial_js_gzip_kb', target: '≤ 200' },
  { key: 'p6_fanout_p95_ms', baseline: 'p1_bare_doc_p95_ms', target: '≤ 50' },
  { key: 'p6_fanout_peers', target: '8' },
  { key: 'p7_stored_ratio', target: '≤ 1.5' },
  { key: 'p8_postmortem_open_ms', target: '≤ 300' },
  { key: 'p9_list_500_ms', target: '≤ 300' },
  { key: 'p9_search_keystroke_ms', target: '≤ 50' },
  { key: 'mem_10k_heap_mb', target: '≤ 150' },
];

const cell = (v: unknown): string => (v === undefined ? 'not measured' : String(v));

export const printTable = (): void => {
  const all = read();
  all.frame_ms ??= 16.7;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(all, null, 2)}\n`);
  const rows = TABLE.map((r) => [r.key, cell(all[r.key]), r.baseline ? `${r.baseline} = ${cell(all[r.baseline])}` : '—', r.target]);
  const head = ['key', 'value', 'baseline (same run)', 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cols: string[]) => `| ${cols.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const others = Object.entries(all).filter(([k]) => !TABLE.some((r) => r.key === k) && k !== 'machine' && k !== 'measuredAt');
  console.log(
    [
      '',
      `Warroom benchmark, ${cell(all.measuredAt)} (${RESULTS_FILE})`,
      `machine: ${cell(all.machine)}${all.chromium ? `, Chromium ${cell(all.chromium)}` : ''}`,
      '',
      line(head),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.map(line),
      '',
      'other figures:',
      ...others.map(([k, v]) => `  ${k} = ${cell(v)}`),
      '',
    ].join('\n'),
  );
};
