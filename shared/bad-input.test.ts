import { describe, expect, it } from 'vitest';
import { BAD_INPUT, messageProblems } from './testing/bad-input-catalogue';

describe('R4: every bad input gets a clear message and changes nothing', () => {
  it('has at least 40 cases', () => {
    expect(BAD_INPUT.length).toBeGreaterThanOrEqual(40);
  });

  it.each(BAD_INPUT.map((c) => [`${c.area}: ${c.what}`, c] as const))('%s', (_name, c) => {
    const { message, unchanged } = c.run();
    expect(message).toMatch(c.expect);
    expect(unchanged).toBe(true);
    expect(messageProblems(message), message).toEqual([]);
  });
});
