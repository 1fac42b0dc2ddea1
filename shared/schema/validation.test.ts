import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actorSchema, isoDateSchema, parseOrThrow, timestampSchema, titleSchema } from './validation';
import { DomainError } from '../core/errors';

describe('isoDateSchema', () => {
  it.each(['2024-02-29', '2023-12-31', '2024-01-01'])('accepts the real date %s', (s) => {
    expect(isoDateSchema.safeParse(s).success).toBe(true);
  });

  it.each(['2024-02-30', '2023-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-1-01', '2024-01-01T00:00', ''])(
    'rejects %s',
    (s) => {
      expect(isoDateSchema.safeParse(s).success).toBe(false);
    },
  );
});

describe('timestampSchema', () => {
  it('takes whole milliseconds between 2000 and 2200', () => {
    expect(timestampSchema.safeParse(Date.UTC(2000, 0, 1)).success).toBe(true);
    expect(timestampSchema.safeParse(Date.UTC(2200, 0, 1)).success).toBe(true);
    expect(timestampSchema.safeParse(Date.UTC(2000, 0, 1) - 1).success).toBe(false);
    expect(timestampSchema.safeParse(Date.UTC(2200, 0, 1) + 1).success).toBe(false);
    expect(timestampSchema.safeParse(1_700_000_000).success).toBe(false);
    expect(timestampSchema.safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(timestampSchema.safeParse('1700000000000').success).toBe(false);
  });
});

describe('parseOrThrow', () => {
  it('returns parsed (trimmed) data', () => {
    expect(parseOrThrow(titleSchema, '  hi  ', 'Title')).toBe('hi');
  });

  it('throws invalid_input naming the thing and the field path', () => {
    let err: unknown;
    try {
      parseOrThrow(z.object({ holder: actorSchema }), { holder: { name: '', deviceId: 'd' } }, 'Role holder');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('invalid_input');
    expect((err as DomainError).message).toBe('Role holder: the holder’s name is empty.');
  });
});

describe('parseOrThrow messages', () => {
  it('reads as a sentence, without repeating the field name', () => {
    expect(() => parseOrThrow(titleSchema, '   ', 'Title')).toThrow(/^Title is empty\.$/);
    expect(() => parseOrThrow(z.object({ text: titleSchema }), { text: 'x'.repeat(201) }, 'Timeline entry')).toThrow(
      /^Timeline entry: the text is longer than 200 characters\.$/,
    );
    expect(() => parseOrThrow(z.object({ due: isoDateSchema }), { due: '2024-02-30' }, 'Action item')).toThrow(/^Action item: the due date is not a real date\.$/);
  });
});
