// Pure helpers for scripts/electronegativity.mjs: read Electronegativity's CSV
// report and decide which findings fail the check. Tested in
// scripts/electronegativity-report.test.ts.

/** RFC 4180-style CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** The findings of one report, keyed by Electronegativity's column names. */
export function readFindings(csv) {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])));
}

export const BLOCKING_SEVERITIES = new Set(['HIGH', 'CRITICAL']);

/** Test code is not shipped; its fixtures (a hostile CSP, an openExternal fake) are not findings. */
const isTestFile = (file) => /(^|\/)[^/]*\.test\.tsx?$|(^|\/)test-client\.ts$|-harness\.ts$/.test(file);

/**
 * Findings that fail the check: HIGH or CRITICAL, outside test code, and not
 * in the reviewed list (each entry names the check, the file and why it is a
 * false positive).
 */
export function blockingFindings(findings, reviewed = []) {
  return findings.filter(
    (f) =>
      BLOCKING_SEVERITIES.has(String(f.severity).toUpperCase()) &&
      !isTestFile(f.filename ?? '') &&
      !reviewed.some((r) => r.issue === f.issue && r.filename === f.filename),
  );
}

const KNOWN_SEVERITIES = new Set(['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']);

/**
 * Rows that did not parse as findings (no known severity): the tool quotes its
 * code snippets loosely, and a report misread as one long row would otherwise
 * pass with "0 blocking". The check fails closed on them.
 */
export function unreadableFindings(findings) {
  return findings.filter((f) => !KNOWN_SEVERITIES.has(String(f.severity ?? '').trim().toUpperCase()));
}
