import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeUtf8 } from 'lib0/string';
import type { Signer } from '../core/context';
import { fromBase64Url, toBase64Url } from '../sync/base64url';

/*
 * A device's Ed25519 key (@noble/curves: audited, pure TypeScript, and it
 * works on a plain-http LAN page, where Web Crypto's Ed25519 is not offered).
 * The secret key stays in this device's profile; only the public key travels.
 */

/** A fresh secret key, base64url (32 bytes). */
export const newSigningKey = (): string => toBase64Url(ed25519.utils.randomSecretKey());

/** The signer for a stored secret key; null when the key is malformed. */
export const signerOf = (secretKey: string): Signer | null => {
  const secret = fromBase64Url(secretKey);
  if (!secret || secret.length !== 32) return null;
  return {
    publicKey: toBase64Url(ed25519.getPublicKey(secret)),
    sign: (message) => toBase64Url(ed25519.sign(encodeUtf8(message), secret)),
  };
};

/** Whether `sig` is `device`'s signature of `message`; false for anything malformed. */
export const verifySignature = (device: string, message: string, sig: string): boolean => {
  const key = fromBase64Url(device);
  const signature = fromBase64Url(sig);
  if (!key || !signature) return false;
  try {
    return ed25519.verify(signature, encodeUtf8(message), key);
  } catch {
    return false;
  }
};
