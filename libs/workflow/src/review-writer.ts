import type { DataSource, EntityManager } from 'typeorm';
import type { AuditLog } from '@claimtrail/audit';
import { claimsChangedNotification } from '@claimtrail/persistence';
import { lockClaims } from './claim-review-state';
import { GroupCommit, type GroupCommitOptions } from './group-commit';
import {
  decideLeases,
  leaseChanges,
  leaseOutcomes,
  type RecordedLease,
  type TakenJob,
} from './lease-records';
import { writeReviewChanges } from './review-changes';
import {
  completeSubmissions,
  newVerdicts,
  verdictOutcomes,
  type CompleteJob,
  type Submission,
} from './verdict-records';
import type { VerdictView } from './verdict-views';

type ReviewWrite = { lease: TakenJob } | { verdict: Submission };

/**
 * The writes of the busy part of the review workflow, leases taken and verdicts given,
 * group-committed: the ones that arrive at about the same time share one transaction (one
 * lock of their claims, one audit append that also sends the notification of the changed
 * claims, one commit) while each caller keeps its own outcome. Every audit append holds the
 * chain's lock until COMMIT, so it is the number of transactions, not of calls, that bounds
 * how many reviewers a desk serves.
 */
export class ReviewWriter {
  private readonly commits: GroupCommit<ReviewWrite, RecordedLease | VerdictView>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly complete: CompleteJob,
    options?: GroupCommitOptions,
  ) {
    this.commits = new GroupCommit(
      (batch) => this.db.transaction((tx) => this.write(tx, batch)),
      (w) => ('lease' in w ? w.lease.claimId : w.verdict.claimId),
      options,
    );
  }

  /** Records what a job taken for a lease means for its claim (see decideLeases). */
  lease(taken: TakenJob): Promise<RecordedLease> {
    return this.commits.run({ lease: taken }) as Promise<RecordedLease>;
  }

  /** Writes a verdict under its lease (see completeSubmissions). */
  verdict(submission: Submission): Promise<VerdictView> {
    return this.commits.run({ verdict: submission }) as Promise<VerdictView>;
  }

  /**
   * One transaction for the batch (no claim occurs twice in it), in four round trips to
   * Postgres after BEGIN: the claims locked, the batch's verdicts and claim changes written
   * by one statement, the audit append with the notification, COMMIT.
   */
  private async write(
    tx: EntityManager,
    batch: ReviewWrite[],
  ): Promise<(RecordedLease | VerdictView | Error)[]> {
    const leases = batch.flatMap((w) => ('lease' in w ? [w.lease] : []));
    const submissions = batch.flatMap((w) => ('verdict' in w ? [w.verdict] : []));
    const claims = await lockClaims(
      tx,
      batch.map((w) => ('lease' in w ? w.lease.claimId : w.verdict.claimId)),
    );
    // the verdicts' jobs are completed in Redis while their rows are locked
    const completed = await completeSubmissions(submissions, claims, this.complete);
    const decided = decideLeases(leases, claims);
    const rows = await writeReviewChanges(tx, {
      verdicts: newVerdicts(completed),
      ...leaseChanges(decided),
    });
    const verdicts = verdictOutcomes(completed, claims, rows);
    const recorded = leaseOutcomes(decided);
    const events = [...verdicts.events, ...recorded.events];
    if (events.length > 0)
      await this.audit.append(tx, events, claimsChangedNotification(events.map((e) => e.entityId)));
    let v = 0;
    let l = 0;
    return batch.map((w) => ('lease' in w ? recorded.outcomes[l++]! : verdicts.outcomes[v++]!));
  }
}
