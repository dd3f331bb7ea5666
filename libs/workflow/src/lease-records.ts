import type { AuditEntry } from '@claimtrail/audit';
import type { ClaimReviewState } from './claim-review-state';
import { decideLease, type LeaseDecision } from './lease-decision';
import type { Actor } from './lease.service';
import type { ReviewChanges } from './review-changes';
import { reviewEvents } from './review-events';

/** A job just taken off a partition for a reviewer: the lease to record. */
export interface TakenJob {
  claimId: string;
  partition: string;
  reviewer: Actor;
  expiresAt: Date;
}

export interface RecordedLease {
  decision: LeaseDecision;
  claim: ClaimReviewState | undefined;
}

/** A taken job, its claim (read under lock) and what it means for the claim. */
export interface DecidedLease {
  taken: TakenJob;
  claim: ClaimReviewState | undefined;
  decision: LeaseDecision;
  /** The lease this job's claim had through the same partition ran out. */
  ranOut: boolean;
}

/**
 * What jobs just taken by leases mean for their claims (rows locked by the caller, no claim
 * twice): each job's decision (lease, discard, redirect). A claim Postgres still shows leased
 * through the very partition its job was taken from had that lease run out (BullMQ gave its
 * job out again): the expiry is recorded too, as the sweeper would.
 */
export function decideLeases(
  taken: TakenJob[],
  claims: Map<string, ClaimReviewState>,
): DecidedLease[] {
  return taken.map((t) => {
    const claim = claims.get(t.claimId);
    const decision = decideLease(claim, t.partition, t.reviewer.id);
    const ranOut = claim?.status === 'in_review' && claim.leaseQueue === t.partition;
    return { taken: t, claim, decision, ranOut };
  });
}

/** The claims leased, and those put back to waiting (a lapsed lease redirected elsewhere). */
export function leaseChanges(decided: DecidedLease[]): Pick<ReviewChanges, 'leases' | 'waiting'> {
  return {
    leases: decided
      .filter((d) => d.decision.kind === 'lease')
      .map(({ taken: t }) => ({
        claimId: t.claimId,
        holder: t.reviewer.id,
        queue: t.partition,
        expiresAt: t.expiresAt,
      })),
    waiting: decided
      .filter((d) => d.decision.kind === 'redirect' && d.ranOut)
      .map((d) => d.taken.claimId),
  };
}

/**
 * Each lease's outcome and the audit events of the changes leaseChanges asked for, once
 * written: each claim changed is at the version after the one locked.
 */
export function leaseOutcomes(decided: DecidedLease[]): {
  outcomes: RecordedLease[];
  events: AuditEntry[];
} {
  const events: AuditEntry[] = [];
  for (const { taken: t, claim, decision, ranOut } of decided) {
    if (!claim || decision.kind === 'discard') continue;
    const lapsed = {
      version: claim.version,
      reviewerId: claim.leaseHolder,
      expiresAt: claim.leaseExpiresAt,
    };
    if (decision.kind === 'redirect') {
      if (ranOut)
        events.push(
          reviewEvents.leaseExpired(claim.id, lapsed, {
            status: 'queued',
            version: claim.version + 1,
          }),
        );
      continue;
    }
    if (ranOut)
      events.push(
        reviewEvents.leaseExpired(claim.id, lapsed, { status: 'queued', version: claim.version }),
      );
    events.push(
      reviewEvents.leased(
        t.reviewer.actor,
        claim.id,
        { status: ranOut ? 'queued' : claim.status, version: claim.version },
        { version: claim.version + 1, reviewerId: t.reviewer.id, expiresAt: t.expiresAt },
      ),
    );
  }
  return { outcomes: decided.map(({ claim, decision }) => ({ decision, claim })), events };
}
