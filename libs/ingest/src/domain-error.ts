/**
 * Errors with codes the callers map to their own terms (HTTP statuses in apps/api, exit
 * codes in the CLI). Domain code never throws HTTP exceptions.
 */
export type DomainErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  /** It existed and is gone for good (an expired export's file): asking again will not help. */
  | 'gone'
  | 'too_large'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Facts the caller may act on (a 409's current version), sent next to the message. */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}
