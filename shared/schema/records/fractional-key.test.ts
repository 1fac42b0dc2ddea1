import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KEY_DIGITS, isOrderKey, keyBetween, keysAfter, spreadKeys } from './fractional-key';

const keyArb = fc
  .array(fc.constantFrom(...KEY_DIGITS), { minLength: 1, maxLength: 8 })
  .map((d) => d.join('').replace(/0+$/, ''))
  .filter((k) => k.length > 0);

describe('keyBetween', () => {
  it('lands strictly between any two increasing keys, and is itself a key', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const k = keyBetween(a, b);
        expect(isOrderKey(k)).toBe(true);
        expect(a < k && k < b).toBe(true);
      }),
    );
  });

  it('handles open ends', () => {
    fc.assert(
      fc.property(keyArb, (a) => {
        const after = keyBetween(a, null);
        const before = keyBetween(null, a);
        expect(after > a && before < a).toBe(true);
        expect(isOrderKey(after) && isOrderKey(before)).toBe(true);
      }),
    );
    expect(isOrderKey(keyBetween(null, null))).toBe(true);
  });

  it('keeps finding room when items are inserted at the same spot over and over', () => {
    let lo = keyBetween(null, null);
    const hi = keyBetween(lo, null);
    for (let i = 0; i < 200; i++) {
      const k = keyBetween(lo, hi);
      expect(lo < k && k < hi).toBe(true);
      lo = k;
    }
    expect(lo.length).toBeLessThan(60);
  });

  it('refuses bounds that are not keys or not in order', () => {
    expect(() => keyBetween('b', 'a')).toThrow();
    expect(() => keyBetween('a', 'a')).toThrow();
    expect(() => keyBetween('a0', null)).toThrow();
    expect(() => keyBetween(null, '')).toThrow();
    expect(() => keyBetween('a-b', null)).toThrow();
  });
});

describe('keysAfter / spreadKeys', () => {
  it('keysAfter gives increasing keys after the bound', () => {
    const ks = keysAfter('V', 30);
    expect(ks).toHaveLength(30);
    expect(['V', ...ks]).toEqual([...['V', ...ks]].sort());
    expect(new Set(ks).size).toBe(30);
  });

  it.each([1, 2, 61, 62, 500, 4000])('spreadKeys(%i) gives distinct increasing valid keys', (n) => {
    const ks = spreadKeys(n);
    expect(ks).toHaveLength(n);
    expect(ks.every(isOrderKey)).toBe(true);
    for (let i = 1; i < ks.length; i++) expect(ks[i - 1]! < ks[i]!).toBe(true);
  });
});

describe('isOrderKey', () => {
  it('accepts what the generator makes and rejects garbage', () => {
    expect(isOrderKey('V')).toBe(true);
    for (const bad of ['', '0', 'a0', 5, null, 'é', 'x'.repeat(600)]) expect(isOrderKey(bad)).toBe(false);
  });
});
