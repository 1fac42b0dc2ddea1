import { describe, expect, it } from 'vitest';
import { scoreCommand } from './filter';

const COMMANDS: [string, string[]][] = [
  ['Set status to identified', ['identified', 'status']],
  ['Undo my last change', []],
  ['Switch to light theme', ['theme', 'dark', 'light']],
  ['Set severity to SEV4', ['SEV4', 'severity']],
  ['Go to metrics across incidents', ['MTTA', 'MTTR']],
  ['Show Metrics', ['pane', 'tab']],
];

const best = (search: string) =>
  COMMANDS.map(([title, kw]) => ({ title, score: scoreCommand(search, title, kw) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((c) => c.title);

describe('scoreCommand', () => {
  it('puts the command whose title holds the typed words first', () => {
    expect(best('undo')[0]).toBe('Undo my last change');
    expect(best('light')[0]).toBe('Switch to light theme');
    expect(best('severity to SEV4')[0]).toBe('Set severity to SEV4');
    expect(best('show metrics')[0]).toBe('Show Metrics');
  });

  it('needs every word, from the title or the keywords', () => {
    expect(best('undo')).toEqual(['Undo my last change']);
    expect(best('mttr')).toEqual(['Go to metrics across incidents']);
    expect(best('theme banana')).toEqual([]);
  });

  it('keeps everything for an empty search', () => {
    expect(best('  ')).toHaveLength(COMMANDS.length);
  });
});
