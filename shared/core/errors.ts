/** A refusal with a message fit to show a user. State is untouched when thrown. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'lifecycle_order'
  | 'not_declared'
  | 'already_declared'
  | 'retracted'
  | 'unsupported_schema'
  /** Allowed, but only once the person has confirmed it (the operation takes a `confirmed` flag). */
  | 'needs_confirmation';

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
