import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareEntries, sortEntries } from './timeline-order';

type E = { occurredAt: number; clock: number; id: string };
const e = (occurredAt: number, clock: number, id: string): E => ({ occurredAt, clock, id });

describe('compareEntries / sortEntries', () => {
  it('orders by occurredAt first, whatever the clock and id', () => {
    expect(sortEntries([e(2, 1, 'a'), e(1, 9, 'z')]).map((x) => x.id)).toEqual(['z', 'a']);
  });

  it('breaks occurredAt ties by Lamport clock, then by id', () => {
    const out = sortEntries([e(5, 3, 'a'), e(5, 2, 'b'), e(5, 2, 'a'), e(4, 7, 'c')]);
    expect(out.map((x) => `${x.occurredAt}/${x.clock}/${x.id}`)).toEqual(['4/7/c', '5/2/a', '5/2/b', '5/3/a']);
  });

  it('compares ids by UTF-16 code unit, not by locale', () => {
    // localeCompare would put 'a' before 'B' and 'é' before 'f'; code units do the opposite.
    const ids = sortEntries(['a', 'B', 'é', 'f', 'Z', '_', '\u{1F600}', '\uFF21'].map((id) => e(1, 1, id))).map((x) => x.id);
    expect(ids).toEqual(['B', 'Z', '_', 'a', 'f', 'é', '\u{1F600}', '\uFF21']);
  });

  it('is zero only for identical keys and antisymmetric', () => {
    expect(compareEntries(e(1, 1, 'x'), e(1, 1, 'x'))).toBe(0);
    expect(Math.sign(compareEntries(e(1, 1, 'x'), e(1, 1, 'y')))).toBe(-1);
    expect(Math.sign(compareEntries(e(1, 1, 'y'), e(1, 1, 'x')))).toBe(1);
  });

  it('does not mutate its input', () => {
    const input = [e(2, 1, 'a'), e(1, 1, 'b')];
    const copy = [...input];
    sortEntries(input);
    expect(input).toEqual(copy);
  });

  it('gives the same order for any arrival order (every peer computes the same view)', () => {
    const entry = fc.record({
      occurredAt: fc.integer({ min: 0, max: 3 }),
      clock: fc.integer({ min: 1, max: 3 }),
      id: fc.string({ unit: 'binary', maxLength: 3 }),
    });
    const entries = fc.uniqueArray(entry, { selector: (x) => x.id, maxLength: 25 });
    fc.assert(
      fc.property(
        entries.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([a, b]) => {
          const sa = sortEntries(a);
          expect(sortEntries(b)).toEqual(sa);
          for (let i = 1; i < sa.length; i++) {
            const [p, q] = [sa[i - 1]!, sa[i]!];
            const ordered =
              p.occurredAt < q.occurredAt ||
              (p.occurredAt === q.occurredAt && (p.clock < q.clock || (p.clock === q.clock && p.id < q.id)));
            expect(ordered).toBe(true);
          }
        },
      ),
    );
  });
});
