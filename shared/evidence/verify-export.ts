import { parseIncidentExport } from '../export/json';
import { utcSeconds } from '../export/markdown-text';
import { verificationSummary, verifyTimeline } from './verify';

/** What `npm run verify` prints for one JSON export, and its exit code: 0 all good, 1 something unverified, 2 unreadable. */
export const verifyExportText = (text: string, name: string): { code: 0 | 1 | 2; lines: string[] } => {
  const parsed = parseIncidentExport(text);
  if (!parsed.ok) return { code: 2, lines: [`${name}: ${parsed.message}`] };
  const snap = parsed.value.incident;
  const utc = (t: number) => `${utcSeconds(t)} UTC`;
  const report = verifyTimeline(snap.timeline, snap.evidence, { describeTime: utc });
  const lines = [`${name}: “${snap.meta.title}”, ${snap.timeline.length} timeline entries, ${snap.evidence.length} signed statements.`, verificationSummary(report)];
  for (const p of report.problems) lines.push(`  problem: ${p}`);
  for (const e of snap.timeline) {
    const v = report.entries.get(e.id);
    if (v?.state === 'unverified') lines.push(`  unverified: ${utc(e.occurredAt)} by ${e.author.name} (${e.id}): ${v.reasons.join(' ')}`);
  }
  for (const k of report.keys) lines.push(`  key ${k.key} signs for device ${k.deviceId}: ${k.statements} statements`);
  return { code: report.unverified > 0 || report.problems.length > 0 ? 1 : 0, lines };
};
