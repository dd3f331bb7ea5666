import type { AuditEntry } from '@claimtrail/audit';
import type { VerdictView } from './verdict-views';

/** The audit actor of what the workflow does by itself (leases that run out). */
export const REVIEW_SYSTEM_ACTOR = 'system:review';

/**
 * The audit events of the review workflow, one vocabulary for all its writers. Each is on
 * the claim, with the claim's status and version before and after; every lease ends in
 * exactly one of released, lease_expired or reviewed.
 */
const onClaim = (
  actor: string,
  action: string,
  claimId: string,
  before: object,
  after: object,
): AuditEntry => ({ actor, action, entityType: 'claim', entityId: claimId, before, after });

interface Lease {
  version: number;
  reviewerId: string | null;
  expiresAt: Date | null;
}

export const reviewEvents = {
  leased: (
    actor: string,
    claimId: string,
    before: { status: string; version: number },
    after: { version: number; reviewerId: string; expiresAt: Date },
  ) =>
    onClaim(actor, 'claim.leased', claimId, before, {
      status: 'in_review',
      version: after.version,
      reviewerId: after.reviewerId,
      leaseExpiresAt: after.expiresAt.toISOString(),
    }),

  released: (actor: string, claimId: string, lease: Lease, version: number) =>
    onClaim(
      actor,
      'claim.released',
      claimId,
      { status: 'in_review', version: lease.version, reviewerId: lease.reviewerId },
      { status: 'queued', version },
    ),

  /** A lease nobody extended ran out; `version` is the claim's after (it may not change). */
  leaseExpired: (claimId: string, lease: Lease, after: { status: string; version: number }) =>
    onClaim(
      REVIEW_SYSTEM_ACTOR,
      'claim.lease_expired',
      claimId,
      {
        status: 'in_review',
        version: lease.version,
        reviewerId: lease.reviewerId,
        leaseExpiresAt: lease.expiresAt?.toISOString() ?? null,
      },
      after,
    ),

  reviewed: (
    actor: string,
    claimId: string,
    before: { status: string; version: number; verdictId: string | null },
    version: number,
    verdict: VerdictView,
  ) => onClaim(actor, 'claim.reviewed', claimId, before, { status: 'reviewed', version, verdict }),

  assigned: (
    actor: string,
    claimId: string,
    before: { assignedTo: string | null; version: number },
    after: { assignedTo: string; version: number },
  ) => onClaim(actor, 'claim.assigned', claimId, before, after),
};
