import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { AuditLog } from '@claimtrail/audit';
import { notifyClaimsChanged } from '@claimtrail/persistence';
import type { RecheckReason } from '@claimtrail/queues';
import {
  lockClaim,
  markWaiting,
  readClaim,
  recordLeaseExpiry,
  routed,
  type ClaimReviewState,
} from './claim-review-state';
import type { GroupCommitOptions } from './group-commit';
import { claimNotFound, leaseLost, underLease } from './lease-errors';
import type { RecordedLease } from './lease-records';
import type { LeaseWorkers, ReviewQueueJob } from './lease-workers';
import { PartitionBacklog } from './partition-backlog';
import { reviewEvents } from './review-events';
import { leaseCandidates, type LeaseFilter } from './review-partitions';
import type { ReviewQueues } from './review-queues';
import { ReviewWriter } from './review-writer';

const heldKey = (queue: string, claimId: string) => `${queue}\u0000${claimId}`;

/** Who acts (a reviewer, an editor): an API key, and how the audit log names it. */
export interface Actor {
  id: string;
  actor: string;
}

export interface LeaseGrant {
  claimId: string;
  /** The claim's current verdict when it was leased (a claim judged before), if any. */
  currentVerdictId: string | null;
  /** Why a claim judged before is back for review, as its job says (see ReverificationService). */
  recheckReason: RecheckReason | null;
  /** The lock token of the claim's job: the proof of the lease. */
  token: string;
  expiresAt: Date;
}

/** Stale jobs dropped from one partition in one lease before giving up on it. */
const MAX_STALE_PER_PARTITION = 100;
/** Leased jobs remembered for the verdicts, heartbeats and releases that come for them. */
const HELD_JOBS = 10_000;

/**
 * Leases on the review queue, held as the locks of BullMQ jobs taken by hand: a lease is the
 * job's lock, a heartbeat extends it, a release puts the job back, and a lease nobody
 * extends runs out and BullMQ returns the job (see LeaseWorkers). Redis decides who holds a
 * claim; Postgres records it (status in_review, the holder, the partition, the expiry) in
 * the same transaction as the audit event. Leases taken at about the same time are
 * recorded in one transaction (see ReviewWriter), and so are the partitions' backlogs read
 * and the lock scripts sent: under load, what costs is the number of round trips.
 */
export class LeaseService {
  /**
   * The leases' and the verdicts' writes, group-committed together (a verdict ends a lease:
   * VerdictService writes through here too).
   */
  readonly writes: ReviewWriter;
  private readonly backlog: PartitionBacklog;
  /**
   * The jobs this process leased, by partition and claim: acting on a lease needs its job,
   * and reading it from Redis again costs a round trip. A job remembered here is only ever
   * used under the caller's token, which BullMQ checks against the job's lock in Redis, so
   * one that is stale (the lease ran out, the job was taken again) can only be refused.
   */
  private readonly held: LRUCache<string, ReviewQueueJob>;

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditLog,
    private readonly queues: ReviewQueues,
    private readonly workers: LeaseWorkers,
    options?: GroupCommitOptions,
  ) {
    this.writes = new ReviewWriter(
      db,
      audit,
      (s, claim) => this.complete(s.claimId, claim, s.token, { verdictId: s.verdictId }),
      options,
    );
    this.backlog = new PartitionBacklog(queues);
    // a lease nobody extends is over after leaseMs: its job is not needed any longer
    this.held = new LRUCache({ max: HELD_JOBS, ttl: workers.timing.leaseMs });
  }

  /**
   * The highest-priority waiting claim the filter allows, leased to `reviewer`; claims
   * assigned to them come first. Null when none is waiting.
   */
  async lease(reviewer: Actor, filter: LeaseFilter): Promise<LeaseGrant | null> {
    const token = randomUUID();
    // the partitions known here first; when they hold nothing, the registry may know more
    for (const names of [() => this.workers.known(), () => this.workers.refresh()]) {
      const { own, pool } = leaseCandidates(await names(), filter, reviewer.id);
      for (const partition of await this.withWork(own, pool)) {
        const grant = await this.leaseFrom(partition, token, reviewer);
        if (grant) return grant;
      }
    }
    return null;
  }

  /** Extends the lease by the lease duration from now. */
  async heartbeat(claimId: string, token: string): Promise<Date> {
    const { queue, job } = await this.leasedJob(claimId, await readClaim(this.db, claimId));
    const startedAt = Date.now();
    const extended = await underLease(() => job.extendLock(token, this.workers.timing.leaseMs));
    if (!extended) throw leaseLost();
    const expiresAt = new Date(startedAt + this.workers.timing.leaseMs);
    await recordLeaseExpiry(this.db, claimId, queue, expiresAt);
    return expiresAt;
  }

  /** Ends the lease: the claim waits again (for its assignee, if it has one). */
  async release(reviewer: Actor, claimId: string, token: string): Promise<void> {
    const { claim, queue } = await this.db.transaction(async (tx) => {
      const leased = await this.leasedJob(claimId, await lockClaim(tx, claimId));
      await underLease(() => leased.job.moveToWait(token));
      const version = await markWaiting(tx, claimId);
      await this.audit.append(tx, [
        reviewEvents.released(
          reviewer.actor,
          claimId,
          {
            version: leased.claim.version,
            reviewerId: leased.claim.leaseHolder,
            expiresAt: leased.claim.leaseExpiresAt,
          },
          version,
        ),
      ]);
      await notifyClaimsChanged(tx, [claimId]);
      return leased;
    });
    this.ended(claimId, queue);
    // assigned while it was leased: it goes to its assignee now. Best effort: if this fails
    // the job waits where it is, and the next lease of it moves it (see decideLease)
    if (queue !== claim.partition)
      await this.queues.move(routed(claim), queue, claim.partition).catch(() => undefined);
  }

  /** The claim's leased job and the partition it is on; a lost lease when there is none. */
  private async leasedJob(
    claimId: string,
    claim: ClaimReviewState | undefined,
  ): Promise<{ claim: ClaimReviewState; queue: string; job: ReviewQueueJob }> {
    if (!claim) throw claimNotFound(claimId);
    const queue = claim.leaseQueue;
    if (claim.status !== 'in_review' || !queue) throw leaseLost();
    const job = this.held.get(heldKey(queue, claimId)) ?? (await this.workers.job(queue, claimId));
    if (!job) throw leaseLost();
    return { claim, queue, job };
  }

  /**
   * Completes the claim's job under the lease `token` (a verdict ends the lease so): refused
   * as a lost lease unless the claim is in review and its job locked with this token.
   */
  private async complete(
    claimId: string,
    claim: ClaimReviewState | undefined,
    token: string,
    result: object,
  ): Promise<void> {
    const { job, queue } = await this.leasedJob(claimId, claim);
    await underLease(() => job.moveToCompleted(result, token, false));
    this.ended(claimId, queue);
  }

  /** The lease on the claim ended (a verdict, a release): its job is no longer needed. */
  private ended(claimId: string, queue: string): void {
    this.held.delete(heldKey(queue, claimId));
  }

  /** The candidates that hold waiting jobs: `own` first, then by their best priority. */
  private async withWork(own: string, pool: string[]): Promise<string[]> {
    const names = [own, ...pool];
    const backlogs = await this.backlog.of(names);
    const ranked: { name: string; rank: number }[] = [];
    names.forEach((name, i) => {
      const { returned, bestPriority } = backlogs[i]!;
      // jobs in the wait list are leases that ran out or were released: BullMQ hands them
      // out before the prioritized ones, so they rank first
      if (returned > 0) ranked.push({ name, rank: name === own ? -1 : 0 });
      else if (bestPriority !== undefined)
        ranked.push({ name, rank: name === own ? -1 : bestPriority });
    });
    return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.name);
  }

  /** Takes the next job of `partition` that may be leased, dropping stale ones on the way. */
  private async leaseFrom(
    partition: string,
    token: string,
    reviewer: Actor,
  ): Promise<LeaseGrant | null> {
    const worker = this.workers.worker(partition);
    for (let i = 0; i < MAX_STALE_PER_PARTITION; i += 1) {
      const startedAt = Date.now();
      const job = (await worker.getNextJob(token, { block: false })) as ReviewQueueJob | undefined;
      if (!job) return null;
      const expiresAt = new Date(startedAt + this.workers.timing.leaseMs);
      let outcome: RecordedLease;
      try {
        outcome = await this.writes.lease({
          claimId: job.data.claimId,
          partition,
          reviewer,
          expiresAt,
        });
      } catch (e) {
        // nothing was recorded: hand the job back (if even that fails, its lock runs out)
        await job.moveToWait(token).catch(() => undefined);
        throw e;
      }
      const { decision, claim } = outcome;
      if (decision.kind === 'lease') {
        this.held.set(heldKey(partition, job.data.claimId), job);
        return {
          claimId: job.data.claimId,
          currentVerdictId: claim?.currentVerdictId ?? null,
          recheckReason: job.data.reason ?? null,
          token,
          expiresAt,
        };
      }
      // review jobs are removed when completed: this one is gone
      await job.moveToCompleted({ dropped: decision.kind }, token, false);
      if (decision.kind === 'redirect' && claim)
        await this.queues.add(new Map([[decision.partition, [routed(claim)]]]));
    }
    return null;
  }
}
