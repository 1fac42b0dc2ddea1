import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { orderKeyOf, sortStepSlots } from './runbook';

const slot = (id: string, order: unknown, index: number) => ({ id, order: orderKeyOf(order), index });

describe('sortStepSlots', () => {
  it('puts keyed steps first by key, then unkeyed ones in array order; garbage keys count as none', () => {
    const out = sortStepSlots([slot('a', null, 0), slot('b', 'V', 1), slot('c', 42, 2), slot('d', 'F', 3), slot('e', 'x0', 4)]);
    expect(out.map((s) => s.id)).toEqual(['d', 'b', 'a', 'c', 'e']);
  });

  it('breaks key ties by array position and shows an id once, its first copy', () => {
    const out = sortStepSlots([slot('a', 'V', 0), slot('b', 'V', 1), slot('a', 'A', 2)]);
    expect(out.map((s) => [s.id, s.index])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });

  it('gives the same order whatever order the slots come in (positions are part of the data)', () => {
    const arb = fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), order: fc.constantFrom(null, 'A', 'V', 'k', 5) }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, (raw) => {
        const slots = raw.map((r, index) => slot(r.id, r.order, index));
        expect(sortStepSlots([...slots].reverse())).toEqual(sortStepSlots(slots));
        expect(sortStepSlots(slots).map((s) => s.id).sort()).toEqual([...new Set(slots.map((s) => s.id))].sort());
      }),
    );
  });
});
