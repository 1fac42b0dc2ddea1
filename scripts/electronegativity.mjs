// Runs Electronegativity (@doyensec/electronegativity, a devDependency) over
// what Warroom ships and fails on any HIGH or CRITICAL finding that is not in
// the reviewed list below. Two scans:
//   1. electron/ as written (TypeScript), with the Electron version given;
//   2. the build as packaged: dist/electron bundles (renamed .cjs → .js, which
//      the tool otherwise skips), dist/renderer and package.json.
// Build first (npm run build). Usage: node scripts/electronegativity.mjs
//
// The tool fetches translations and Electron's release list from the internet
// on every run. The release check is skipped (keeping Electron current is the
// dependency updates' job), and on Linux the tool runs in a private network
// namespace (unshare -rn), so nothing leaves the machine at all.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockingFindings, readFindings, unreadableFindings } from './electronegativity-report.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Findings checked by hand and found false. Each names the test that holds the
 * property the tool could not see.
 */
const REVIEWED = [
  // Empty: the one false positive there was (CONTEXT_ISOLATION_JS_CHECK on main.ts, which did not
  // follow createWebPreferences()) is gone since main.ts spells the three options out.
];

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity');
if (!existsSync(bin)) {
  console.error('Electronegativity is not installed: npm install --save-dev @doyensec/electronegativity');
  process.exit(2);
}
for (const needed of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
  if (!existsSync(path.join(root, needed))) {
    console.error(`${needed} is missing: run npm run build first.`);
    process.exit(2);
  }
}
const electronVersion = JSON.parse(await readFile(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;

/** The command line, inside a network namespace of its own where that is possible. */
function offline(args) {
  if (process.platform === 'linux' && spawnSync('unshare', ['-rn', 'true']).status === 0) return ['unshare', ['-rn', bin, ...args]];
  return [bin, args];
}

const work = await mkdtemp(path.join(os.tmpdir(), 'warroom-electronegativity-'));
try {
  const packaged = path.join(work, 'packaged');
  await cp(path.join(root, 'dist', 'renderer'), path.join(packaged, 'renderer'), { recursive: true });
  for (const file of await readdir(path.join(root, 'dist', 'electron'))) {
    if (file.endsWith('.cjs')) await cp(path.join(root, 'dist', 'electron', file), path.join(packaged, file.replace(/\.cjs$/, '.js')));
  }
  await cp(path.join(root, 'package.json'), path.join(packaged, 'package.json'));

  const scans = [
    { name: 'electron/ sources', input: path.join(root, 'electron') },
    { name: 'packaged build', input: packaged },
  ];
  let blocking = [];
  /** One scan to a report file in `ext` format (csv or sarif); exits on the tool's failure. */
  const scanTo = (scan, ext, attempt) => {
    const report = path.join(work, `${scan.name.replace(/\W+/g, '-')}-${attempt}.${ext}`);
    const [command, args] = offline(['-i', scan.input, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report]);
    const run = spawnSync(command, args, { encoding: 'utf8' });
    if (run.status !== 0 || !existsSync(report)) {
      console.error(`Electronegativity failed on ${scan.name}:\n${run.stderr || run.stdout}`);
      process.exit(2);
    }
    return report;
  };
  for (const scan of scans) {
    // The tool writes its CSV with writes that race (seen here: the header written over the first
    // row on a loaded machine), and only the CSV carries severities. Each CSV is therefore checked
    // against a SARIF report of the same scan (one JSON document): the same findings, or try again.
    let findings = null;
    for (let attempt = 1; attempt <= 3 && !findings; attempt++) {
      const csv = readFindings(await readFile(scanTo(scan, 'csv', attempt), 'utf8'));
      let sarifIds = null;
      try {
        sarifIds = JSON.parse(await readFile(scanTo(scan, 'sarif', attempt), 'utf8')).runs[0].results.map((r) => r.ruleId);
      } catch {
        sarifIds = null;
      }
      const csvIds = csv.map((f) => f.issue);
      const same = sarifIds !== null && unreadableFindings(csv).length === 0 && JSON.stringify([...csvIds].sort()) === JSON.stringify([...sarifIds].sort());
      if (same) findings = csv;
      else console.log(`${scan.name}: the tool's CSV report disagrees with its SARIF report (attempt ${attempt}); scanning again.`);
    }
    if (!findings) {
      console.error(`Electronegativity's report on ${scan.name} could not be read three times over, so nothing can be said about its findings.`);
      process.exit(2);
    }
    const failing = blockingFindings(findings, REVIEWED);
    console.log(`${scan.name}: ${findings.length} finding(s), ${failing.length} blocking`);
    for (const f of findings) console.log(`  ${f.severity.padEnd(8)} ${f.issue} ${f.filename}:${f.location}`);
    blocking = blocking.concat(failing.map((f) => ({ ...f, scan: scan.name })));
  }
  if (blocking.length > 0) {
    console.error(`\n${blocking.length} HIGH/CRITICAL finding(s):`);
    for (const f of blocking) console.error(`  [${f.scan}] ${f.issue} at ${f.filename}:${f.location}: ${f.description} (${f.url})`);
    process.exitCode = 1;
  } else {
    console.log('\nNo unreviewed HIGH or CRITICAL findings.');
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
