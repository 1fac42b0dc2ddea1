import { describe, expect, it } from 'vitest';
import { readIncident } from '../schema/read-model';
import { T0 } from '../testing/fixtures';
import { richIncident } from '../testing/incident-fixture';
import { emptyDoc, type PmDoc, type PmNode } from '../postmortem/pm-json';
import { exportFileName } from './file-name';
import { escapeInline, tableCell } from './markdown-text';
import { incidentToMarkdown } from './markdown';
import { blocksMarkdown, inlineMarkdown } from './pm-markdown';

const md = () => {
  const doc = richIncident();
  return incidentToMarkdown(readIncident(doc)!, T0 + 3_600_000);
};

/** The body rows of the table that follows `heading`, split into cells on unescaped pipes. */
const tableAfter = (text: string, heading: string): string[][] => {
  // heading, blank line, header row, separator row
  const lines = text.slice(text.indexOf(heading)).split('\n').slice(4);
  const rows: string[][] = [];
  for (const l of lines) {
    if (!l.startsWith('|')) break;
    rows.push(l.slice(2, -2).split(/(?<!\\) \| /));
  }
  return rows;
};

describe('incidentToMarkdown', () => {
  it('titles the document and lists its details with times in UTC', () => {
    const text = md();
    expect(text.startsWith('# Checkout \\| EU down\n')).toBe(true);
    expect(text).toContain('| Severity | SEV1 |');
    expect(text).toContain('| Incident commander | Ada | 2024-01-01 00:01:00 UTC | Ada |');
    expect(text).toContain('| Started | 2023-12-31 23:55:00 UTC |');
    expect(text).toContain('| Declared by | Ada |');
    expect(text).toContain('| Exported | 2024-01-01 01:00:00 UTC |');
  });

  it('writes the timeline as a table in UTC where every row has four cells, pipes escaped', () => {
    const rows = tableAfter(md(), '## Incident timeline (UTC)');
    const header = md().split('\n')[md().split('\n').indexOf('## Incident timeline (UTC)') + 2];
    expect(header).toBe('| Time (UTC) | Kind | Author | Entry |');
    expect(rows.length).toBe(readIncident(richIncident())!.timeline.length);
    expect(rows.every((r) => r.length === 4)).toBe(true);
    const pinned = rows.find((r) => r[3]!.includes('p99'))!;
    expect(pinned).toEqual(['2024-01-01 00:01:00', 'observation', 'Ada', '📌 p99 at 4s \\| errors 40%']);
  });

  it('strikes retracted entries through and keeps their text and reason', () => {
    const row = tableAfter(md(), '## Incident timeline (UTC)').find((r) => r[3]!.includes('Fail over'))!;
    expect(row[3]).toBe('~~Fail over to us-west~~ _(retracted by Ada at 2024-01-01 00:02:00 UTC: us-west was down too)_');
  });

  it('marks edited entries and shows the current text', () => {
    const row = tableAfter(md(), '## Incident timeline (UTC)').find((r) => r[2] === 'Ada' && r[1] === 'action')!;
    expect(row[3]).toBe('Rolled back deploy 2024.11.3 _(edited 1×)_');
    expect(md()).toContain(': Rolled back\n'); // the earlier version, in the appendix
  });

  it('includes the postmortem as written, then the action items', () => {
    const text = md();
    expect(text).toContain('## Postmortem\n\n## Summary\n\nA **bad config** took down checkout \\| EU.\n\n- first');
    expect(tableAfter(text, '## Action items (tracker)')).toEqual([['Alert on config drift', 'Bob', '2024-02-01', 'P1', 'prevent', 'open', '2024-01-01 00:03:00 UTC by Ada']]);
  });

  it('always carries summary and impact from the incident details, and says when nobody wrote a postmortem', () => {
    const doc = richIncident();
    const text = incidentToMarkdown({ ...readIncident(doc)!, postmortem: emptyDoc() }, T0);
    expect(text).toContain('## Summary (incident details)\n\nConfig push broke checkout.\n\n## Impact (incident details)\n\nEU checkout failed for 20 minutes.');
    expect(text).toContain('## Postmortem\n\n_No postmortem has been written yet._');
  });
});

describe('escaping', () => {
  it('keeps every line-break form inside its cell, and a title on its heading line', () => {
    for (const br of ['\r', '\n', '\r\n', '\u2028', '\u2029', '\u0085']) expect(tableCell(`a${br}b`)).toBe('a<br>b');
    const doc = richIncident();
    const snap = readIncident(doc)!;
    const text = incidentToMarkdown({ ...snap, meta: { ...snap.meta, title: 'Down\n---\n# injected\rheading' } }, T0);
    expect(text.split('\n')[0]).toBe('# Down --- # injected heading');
    expect(text).not.toMatch(/^# injected/m);
    expect(text).not.toMatch(/^---$/m);
  });

  it('escapes characters that would become formatting, HTML or a table break', () => {
    expect(escapeInline('a|b *c* _d_ <img> [x](y) `z` ~~s~~ &amp;')).toBe('a\\|b \\*c\\* \\_d\\_ \\<img\\> \\[x\\](y) \\`z\\` \\~\\~s\\~\\~ &amp;amp;');
    expect(tableCell('line one\nline | two')).toBe('line one<br>line \\| two');
  });

  it('keeps paragraph text from turning into a heading, list or numbered list', () => {
    const doc: PmDoc = { type: 'doc', content: ['# not a heading', '- not a list', '3. not numbered'].map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) };
    expect(blocksMarkdown(doc.content)).toBe('\\# not a heading\n\n\\- not a list\n\n3\\. not numbered');
  });
});

describe('ProseMirror to Markdown', () => {
  const t = (text: string, ...marks: string[]): PmNode => ({ type: 'text', text, marks: marks.map((type) => ({ type })) });

  it('nests emphasis and keeps spaces outside the delimiters', () => {
    expect(inlineMarkdown([t('plain '), t('bold ', 'bold'), t('both', 'bold', 'italic'), t(' end')])).toBe('plain **bold *both*** end');
  });

  it('writes safe links and drops unsafe ones to text', () => {
    const link = (href: string): PmNode => ({ type: 'text', text: 'here', marks: [{ type: 'link', attrs: { href } }] });
    expect(inlineMarkdown([link('https://status.example.com/a b')])).toBe('[here](https://status.example.com/a%20b)');
    expect(inlineMarkdown([link('javascript:alert(1)')])).toBe('here');
  });

  it('fences code so backticks inside cannot end it', () => {
    expect(inlineMarkdown([t('a`b', 'code')])).toBe('``a`b``');
    expect(blocksMarkdown([{ type: 'codeBlock', attrs: { language: 'sh' }, content: [{ type: 'text', text: 'echo ```' }] }])).toBe('````sh\necho ```\n````');
  });

  it('writes nested and ordered lists, quotes and hard breaks', () => {
    const p = (s: string): PmNode => ({ type: 'paragraph', content: [t(s)] });
    const nodes: PmNode[] = [
      { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [p('three'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('inner')] }] }] }] },
      { type: 'blockquote', content: [p('quoted'), p('twice')] },
      { type: 'paragraph', content: [t('one'), { type: 'hardBreak' }, t('two')] },
    ];
    expect(blocksMarkdown(nodes)).toBe('3. three\n   - inner\n\n> quoted\n>\n> twice\n\none\\\ntwo');
  });
});

describe('exportFileName', () => {
  it('uses the declared date and a file-system safe slug of the title', () => {
    const meta = readIncident(richIncident())!.meta;
    expect(exportFileName(meta, 'md')).toBe('2024-01-01-checkout-eu-down.md');
    expect(exportFileName({ ...meta, title: 'Ünïcode: a/b\\c*?"<>|' }, 'json')).toBe('2024-01-01-unicode-a-b-c.json');
    expect(exportFileName({ ...meta, title: '???' }, 'yjs')).toBe('2024-01-01-incident.yjs');
  });
});
