import { describe, expect, it } from 'vitest';
import { blockingFindings, parseCsv, readFindings, unreadableFindings } from './electronegativity-report.mjs';

// The shape Electronegativity 1.10 writes with `-o report.csv`.
const csv = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main.ts","143:17","const w = new BrowserWindow({ a: 1, b: ""x"" });","Disable nodeIntegration",https://example/wiki',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","ipc/handlers.ts","73:12","shell.openExternal(href)","Review",https://example/wiki',
  'CSP_GLOBAL_CHECK,"CRITICAL","CERTAIN","main.test.ts","210:11","default-src *","CSP",https://example/wiki',
  'CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main.ts","143:17","new BrowserWindow({","Review",https://example/wiki',
  '',
].join('\n');

describe('parseCsv', () => {
  it('keeps commas and doubled quotes inside quoted fields', () => {
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(5);
    expect(rows[1]?.[5]).toBe('const w = new BrowserWindow({ a: 1, b: "x" });');
  });
});

describe('blockingFindings', () => {
  const findings = readFindings(csv);

  it('fails on HIGH and CRITICAL findings in shipped code only', () => {
    expect(blockingFindings(findings).map((f) => f.issue)).toEqual(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']);
  });

  it('lets a reviewed finding through only for the file it was reviewed in', () => {
    const reviewed = [{ issue: 'CONTEXT_ISOLATION_JS_CHECK', filename: 'main.ts', reason: 'false positive' }];
    expect(blockingFindings(findings, reviewed).map((f) => f.issue)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    const elsewhere = [{ issue: 'CONTEXT_ISOLATION_JS_CHECK', filename: 'other.ts', reason: 'x' }];
    expect(blockingFindings(findings, elsewhere)).toHaveLength(2);
  });

  it('ignores MEDIUM and LOW findings', () => {
    const medium = readFindings(csv).filter((f) => f.severity === 'MEDIUM');
    expect(blockingFindings(medium)).toEqual([]);
  });
});

describe('unreadableFindings', () => {
  it('names rows without a known severity, so a misread report fails instead of passing', () => {
    const csv = 'issue,severity,confidence,filename,location\nA,HIGH,FIRM,main.ts,1:1\nB,"MEDIUM,TENTATIVE,x.ts,2:2\nC,LOW,FIRM,y.ts,3:3\n';
    const findings = readFindings(csv);
    expect(unreadableFindings(findings)).toHaveLength(1);
    expect(unreadableFindings(readFindings('issue,severity\nA,LOW\nB,INFORMATIONAL\n'))).toEqual([]);
  });
});
