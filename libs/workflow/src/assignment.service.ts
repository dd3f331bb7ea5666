import type { DataSource } from 'typeorm';
import type { AuditLog } from '@claimtrail/audit';
import { DomainError } from '@claimtrail/ingest';
import { notifyClaimsChanged, type Role } from '@claimtrail/persistence';
import { lockClaim, markAssigned, routed } from './claim-review-state';
import { claimNotFound } from './lease-errors';
import type { Actor } from './lease.service';
import { reviewEvents } from './review-events';
import { assignedPartition } from './review-partitions';
import type { ReviewQueues } from './review-queues';

/**
 * Assigning a claim to a reviewer: the claim's job moves to the reviewer's own partition,
 * which their next lease takes from first. Postgres records the assignment (and the audit
 * event) first; the job is moved after the commit. If that move fails, the reconciler puts
 * a job on the assignee's partition, and a lease that meets the old job moves it there too.
 */
export class AssignmentService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly queues: ReviewQueues,
    /** Whether a key of this role may lease claims (the API's role table decides). */
    private readonly mayReview: (role: Role) => boolean,
    private readonly onMoveError: (e: unknown) => void = () => undefined,
  ) {}

  async assign(editor: Actor, claimId: string, apiKeyId: string): Promise<void> {
    const before = await this.db.transaction(async (tx) => {
      const [key] = await tx.query<{ role: Role; revoked_at: Date | null }[]>(
        'SELECT role, revoked_at FROM api_keys WHERE id = $1',
        [apiKeyId],
      );
      if (!key || key.revoked_at)
        throw new DomainError('invalid_input', 'apiKeyId must name an API key that is not revoked');
      if (!this.mayReview(key.role))
        throw new DomainError(
          'invalid_input',
          `apiKeyId names a key of role ${key.role}, which may not review claims`,
        );
      const claim = await lockClaim(tx, claimId);
      if (!claim) throw claimNotFound(claimId);
      if (claim.status === 'reviewed')
        throw new DomainError('conflict', `claim ${claimId} is already reviewed`);
      const version = await markAssigned(tx, claimId, apiKeyId);
      await this.audit.append(tx, [
        reviewEvents.assigned(
          editor.actor,
          claimId,
          { assignedTo: claim.assignedTo, version: claim.version },
          { assignedTo: apiKeyId, version },
        ),
      ]);
      await notifyClaimsChanged(tx, [claimId]);
      return claim;
    });
    // a claim in review keeps its lease; its job moves when the lease ends (see LeaseService)
    if (before.status === 'queued')
      await this.queues
        .move(routed(before), before.partition, assignedPartition(apiKeyId))
        .catch(this.onMoveError);
  }
}
