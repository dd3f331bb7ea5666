import type { EntityManager } from 'typeorm';
import type { AuditEntry } from '@claimtrail/audit';
import { markLeasedEach, markWaitingEach, type ClaimReviewState } from './claim-review-state';
import { decideLease, type LeaseDecision } from './lease-decision';
import type { Actor } from './lease.service';
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

/**
 * Records in Postgres what jobs just taken by leases mean for their claims (rows locked by
 * the caller, no claim twice): each job's decision (lease, discard, redirect), the claims
 * leased or put back to waiting, and the audit events to append. A claim Postgres still
 * shows leased through the very partition its job was taken from had that lease run out
 * (BullMQ gave its job out again): the expiry is recorded too, as the sweeper would.
 */
export async function recordLeases(
  tx: EntityManager,
  taken: TakenJob[],
  claims: Map<string, ClaimReviewState>,
): Promise<{ outcomes: RecordedLease[]; events: AuditEntry[] }> {
  const decided = taken.map((t) => {
    const claim = claims.get(t.claimId);
    const decision = decideLease(claim, t.partition, t.reviewer.id);
    // the lease this job's claim had through the same partition ran out
    const ranOut = claim?.status === 'in_review' && claim.leaseQueue === t.partition;
    return { taken: t, claim, decision, ranOut };
  });
  const leasedVersions = await markLeasedEach(
    tx,
    decided
      .filter((d) => d.decision.kind === 'lease')
      .map(({ taken: t }) => ({
        claimId: t.claimId,
        holder: t.reviewer.id,
        queue: t.partition,
        expiresAt: t.expiresAt,
      })),
  );
  const waitingVersions = await markWaitingEach(
    tx,
    decided.filter((d) => d.decision.kind === 'redirect' && d.ranOut).map((d) => d.taken.claimId),
  );

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
            version: waitingVersions.get(claim.id)!,
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
        {
          version: leasedVersions.get(claim.id)!,
          reviewerId: t.reviewer.id,
          expiresAt: t.expiresAt,
        },
      ),
    );
  }
  return { outcomes: decided.map(({ claim, decision }) => ({ decision, claim })), events };
}
