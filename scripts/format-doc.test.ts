import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FORMAT_END, FORMAT_START, formatDoc } from '../shared/schema/format-doc';
import { RECORD_TYPES } from '../shared/schema/records';
import { CATALOGUE_END, CATALOGUE_START, catalogueDoc } from '../shared/testing/bad-input-catalogue';

describe('the README’s document format section', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it('is the one the record registry generates (run npm run docs:format after changing a record type)', () => {
    const start = readme.indexOf(FORMAT_START);
    const end = readme.indexOf(FORMAT_END);
    expect(start, 'README.md has no generated format section').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + FORMAT_END.length)).toBe(formatDoc());
  });

  it('lists every bad-input case with the message it gets (run npm run docs:format after changing a message)', () => {
    const start = readme.indexOf(CATALOGUE_START);
    const end = readme.indexOf(CATALOGUE_END);
    expect(start, 'README.md has no generated bad-input section').toBeGreaterThanOrEqual(0);
    expect(readme.slice(start, end + CATALOGUE_END.length)).toBe(catalogueDoc());
  });

  it('documents every record type and every key of its items', () => {
    const doc = formatDoc();
    for (const r of RECORD_TYPES) expect(doc).toContain(`(\`${r.name}\`)`);
    expect(doc).toContain('| `occurredAt` | time: whole epoch milliseconds, 2000-01-01 to 2200-01-01 UTC |');
    expect(doc).toContain('| `text` | text ≤ 21000 characters, not blank |');
  });
});
