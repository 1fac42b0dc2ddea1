import type { Actor } from '../schema/types';

/**
 * What an operation needs from the outside world. Injected so that tests and
 * the property test can run deterministically.
 */
export interface OpContext {
  actor: Actor;
  now: () => number;
  newId: () => string;
  /**
   * When the change happened, when it is recorded after the fact (a scribe
   * replaying a call, an incident entered from its notes): declarations,
   * status, severity, role and runbook changes are logged at this time, not
   * at the moment of typing. Entries still carry `recordedAt` = now.
   */
  happenedAt?: number;
  /**
   * How to show a time in a message to this person (their zone, labelled).
   * Text that goes into the record stays in UTC, for readers anywhere.
   */
  describeTime?: (t: number) => string;
  /**
   * This device's signing key (shared/evidence/): when present, every entry,
   * edit and retraction it writes carries a signed statement in the same
   * transaction. Absent for a peer that does not sign, and in plain tests.
   */
  signer?: Signer;
}

/** Signs for one device: an Ed25519 key pair, of which only the public half travels. */
export interface Signer {
  /** base64url, 43 characters. */
  publicKey: string;
  sign(message: string): string;
}

/** The time a change is logged at: when it happened if the person said, else now. */
export const happenedAt = (ctx: OpContext): number => ctx.happenedAt ?? ctx.now();

/** Random 128-bit id, base36; uses Web Crypto, present in browsers and Node ≥ 19. */
export const randomId = (): string => {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

export const systemContext = (actor: Actor): OpContext => ({ actor, now: () => Date.now(), newId: randomId });
