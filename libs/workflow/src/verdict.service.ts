import { randomUUID } from 'node:crypto';
import type { ReverifyAfter } from '@claimtrail/config';
import type { LeaseService, Actor } from './lease.service';
import { reverifyAtFor } from './reverify-policy';
import { checkVerdict, type VerdictInput } from './verdict-rules';
import type { VerdictView } from './verdict-views';

/**
 * Verdicts: given under a lease, and only under a lease that still holds. The verdict, the
 * claim's new state and the audit event are written in one Postgres transaction, and the
 * claim's job is completed in Redis before that transaction commits. BullMQ checks the lease
 * token when completing: a lease that was lost makes it refuse, and nothing is written for
 * that verdict. If the commit itself fails after the job was completed, the claim is still
 * in review in Postgres with a lease that runs out; the lease sweeper then puts it back to
 * waiting and the reconciler back on its queue.
 *
 * Verdicts and leases submitted at about the same time share one transaction (see
 * ReviewWriter): each job is completed on its own, and only the verdicts whose job was
 * completed are written; the others get their own error (409 for a lost lease) while the
 * rest commit.
 */
export class VerdictService {
  constructor(
    private readonly leases: LeaseService,
    /** When verdicts without a re-verification date of their own are due (none: never). */
    private readonly reverifyAfter: ReverifyAfter = {},
  ) {}

  async submit(
    reviewer: Actor,
    claimId: string,
    token: string,
    input: VerdictInput,
  ): Promise<VerdictView> {
    const now = new Date();
    checkVerdict(input, now);
    return this.leases.writes.verdict({
      reviewer,
      // as Postgres prints it: the batch finds its claims' rows by it
      claimId: claimId.toLowerCase(),
      token,
      // the reviewer's date wins; without one, the policy's for this verdict
      input: {
        ...input,
        reverifyAt: input.reverifyAt ?? reverifyAtFor(this.reverifyAfter, input, now),
      },
      verdictId: randomUUID(),
    });
  }
}
