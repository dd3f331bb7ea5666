import type { ClaimReviewState } from './claim-review-state';

/**
 * What to do with a job just taken off `queue` for `reviewerId`, given its claim's row (read
 * under lock). Redis says who holds the job; Postgres says whether the claim should be
 * leased at all. Jobs can be stale (the claim was reviewed, or its job was re-added on
 * another partition while this one was away) or misplaced (the claim was assigned to
 * someone else meanwhile); neither may end in a lease.
 */
export type LeaseDecision =
  | { kind: 'lease' }
  /** Drop this job: nothing is written, the claim is not leased through it. */
  | { kind: 'discard'; reason: string }
  /** Put the job on `partition` instead (the claim's assignee's) and look further. */
  | { kind: 'redirect'; partition: string };

export function decideLease(
  claim: ClaimReviewState | undefined,
  queue: string,
  reviewerId: string,
): LeaseDecision {
  if (!claim) return { kind: 'discard', reason: 'the claim does not exist' };
  if (claim.status === 'reviewed') return { kind: 'discard', reason: 'the claim is reviewed' };
  // a job of this claim on another partition is leased and its lease still runs: this one
  // is a duplicate (BullMQ keeps one job per id per queue, not across queues)
  if (claim.status === 'in_review' && claim.leaseQueue !== queue && !claim.leaseLapsed)
    return { kind: 'discard', reason: 'the claim is leased through another partition' };
  if (claim.assignedTo !== null && claim.assignedTo !== reviewerId)
    return { kind: 'redirect', partition: claim.partition };
  return { kind: 'lease' };
}
