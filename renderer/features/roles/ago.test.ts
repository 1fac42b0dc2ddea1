import { describe, expect, it } from 'vitest';
import { ago } from './ago';

describe('ago', () => {
  it.each([
    [-1, 'just now'],
    [59_000, 'just now'],
    [60_000, 'for 1 min'],
    [125 * 60_000, 'for 2 h 05 min'],
  ])('ago(%i) = %s', (ms, text) => {
    expect(ago(ms)).toBe(text);
  });
});
