import { DomainError } from '@claimtrail/ingest';

export const leaseLost = (): DomainError =>
  new DomainError(
    'conflict',
    'the lease is lost: it expired, was released, or the claim was reviewed or leased again',
  );

export const claimNotFound = (claimId: string): DomainError =>
  new DomainError('not_found', `claim ${claimId} not found`);

/**
 * Runs a BullMQ call that needs the lease's lock. BullMQ checks the lock token itself and
 * refuses with a negative error code when the lock is gone or another's (a lease that ran
 * out, or was taken again): that is a lost lease. Anything else (Redis away) is passed on.
 */
export async function underLease<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'number' && code < 0) throw leaseLost();
    throw e;
  }
}
