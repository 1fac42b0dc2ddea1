import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { StorageError, toStorageError } from './storage-error';

const named = (name: string, inner?: unknown) => Object.assign(new Error(`${name} happened`), { name }, inner ? { inner } : {});

describe('toStorageError', () => {
  it.each([
    ['QuotaExceededError', 'quota'],
    ['BlockedError', 'blocked'],
    ['VersionError', 'version'],
    ['VersionChangeError', 'version'],
    ['DatabaseClosedError', 'closed'],
    ['DataCloneError', 'unknown'],
  ])('maps %s to %s', (name, kind) => {
    const e = named(name);
    const s = toStorageError(e);
    expect(s).toBeInstanceOf(StorageError);
    expect(s.kind).toBe(kind);
    expect(s.cause).toBe(e);
    expect(s.message.length).toBeGreaterThan(0);
  });

  it('looks through an AbortError to the error that caused the abort', () => {
    expect(toStorageError(named('AbortError', named('QuotaExceededError'))).kind).toBe('quota');
    expect(toStorageError(new Dexie.AbortError('aborted', named('QuotaExceededError'))).kind).toBe('quota');
    // A bare abort is what Chromium gives for a full disk: say so, in words, not "AbortError: The transaction was aborted".
    const bare = toStorageError(named('AbortError'));
    expect(bare.kind).toBe('quota');
    expect(bare.message).toMatch(/could not write to the disk, most often because it is full/);
    expect(bare.message).not.toMatch(/AbortError|aborted/);
  });

  it('reads plain DOMException-like objects and non-errors', () => {
    expect(toStorageError({ name: 'QuotaExceededError', message: 'full' }).kind).toBe('quota');
    const s = toStorageError('disk on fire');
    expect(s.kind).toBe('unknown');
    expect(s.message).toContain('disk on fire');
    expect(toStorageError(null).kind).toBe('unknown');
  });

  it('passes a StorageError through unchanged', () => {
    const s = new StorageError('blocked', 'x');
    expect(toStorageError(s)).toBe(s);
  });
});
