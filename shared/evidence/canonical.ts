import { digest } from 'lib0/hash/sha256';
import { encodeUtf8 } from 'lib0/string';

/**
 * The bytes a signature covers: JSON with keys sorted at every level and no
 * spaces, so every reader (and a third party's verifier) derives the same
 * bytes from the same data.
 */
export const canonicalJson = (v: unknown): string => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
};

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of the canonical JSON, as 64 hex digits. */
export const hashOf = (v: unknown): string => hex(digest(encodeUtf8(canonicalJson(v))));
