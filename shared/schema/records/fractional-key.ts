/**
 * Fractional order keys: strings over base-62 digits, read as a fraction in
 * (0, 1) and compared code unit by code unit (the digits below are in code-unit
 * order, so plain `<` is the numeric order). Between any two keys there is
 * always another, so moving one item writes one key and touches nothing else.
 * After David Greenspan's "Implementing Fractional Indexing" (no integer part).
 */

export const KEY_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const KEY_PATTERN = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

/** A key this module could have made: non-empty, base-62, no trailing zero (which would equal a shorter key). */
export const isOrderKey = (v: unknown): v is string => typeof v === 'string' && v.length <= 512 && KEY_PATTERN.test(v);

const digit = (c: string | undefined): number => (c === undefined ? 0 : KEY_DIGITS.indexOf(c));

/** Midpoint of a and b, where a is '' (zero) or a key, b null (one) or a key, and a < b. */
const midpoint = (a: string, b: string | null): string => {
  if (b !== null) {
    // Strip the common prefix, reading a missing digit of a as zero.
    let n = 0;
    while (n < b.length && (a[n] ?? '0') === b[n]) n += 1;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const da = digit(a[0]);
  const db = b === null ? KEY_DIGITS.length : digit(b[0]);
  if (db - da > 1) return KEY_DIGITS[Math.round((da + db) / 2)]!;
  // The first digits are adjacent: a longer b can be cut short, else go one digit deeper after a's.
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return KEY_DIGITS[da]! + midpoint(a.slice(1), null);
};

/**
 * A key strictly between `before` and `after`; null means "no bound" on that
 * side. Throws when the bounds are not valid keys in increasing order: callers
 * fall back to renumbering (see `spreadKeys`).
 */
export const keyBetween = (before: string | null, after: string | null): string => {
  if (before !== null && !isOrderKey(before)) throw new Error(`not an order key: ${before}`);
  if (after !== null && !isOrderKey(after)) throw new Error(`not an order key: ${after}`);
  if (before !== null && after !== null && before >= after) throw new Error(`${before} is not before ${after}`);
  return midpoint(before ?? '', after);
};

/** `count` increasing keys after `before` (null: from the start), for appending several items at once. */
export const keysAfter = (before: string | null, count: number): string[] => {
  const out: string[] = [];
  let last = before;
  for (let i = 0; i < count; i++) {
    last = keyBetween(last, null);
    out.push(last);
  }
  return out;
};

/** `count` fresh, evenly spread short keys: for renumbering a whole list when its keys are unusable. */
export const spreadKeys = (count: number): string[] => {
  const out: string[] = [];
  // The fewest digits that leave a gap of at least one slot between neighbours.
  let width = 1;
  while (KEY_DIGITS.length ** width <= count + 1) width += 1;
  const slots = KEY_DIGITS.length ** width;
  for (let i = 0; i < count; i++) {
    let n = Math.floor(((i + 1) * slots) / (count + 1));
    let s = '';
    for (let w = 0; w < width; w++) {
      s = KEY_DIGITS[n % KEY_DIGITS.length]! + s;
      n = Math.floor(n / KEY_DIGITS.length);
    }
    // A trailing zero adds nothing to the fraction ('10' = '1'); n ≥ 1, so something is left.
    out.push(s.replace(/0+$/, ''));
  }
  return out;
};
