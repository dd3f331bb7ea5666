import { randomUUID } from 'node:crypto';
import { assignedPartition, decideLease, type ClaimReviewState } from '@claimtrail/workflow';

const POOL = 'review.en';
const me = randomUUID();
const other = randomUUID();

const claim = (state: Partial<ClaimReviewState>): ClaimReviewState => ({
  id: randomUUID(),
  articleId: randomUUID(),
  checkworthiness: 0.5,
  status: 'queued',
  version: 1,
  partition: POOL,
  assignedTo: null,
  leaseHolder: null,
  leaseQueue: null,
  leaseExpiresAt: null,
  leaseLapsed: true,
  currentVerdictId: null,
  ...state,
});

describe('what a lease does with the job it takes', () => {
  it('leases a waiting claim, and one whose lease on this partition ran out', () => {
    expect(decideLease(claim({}), POOL, me)).toEqual({ kind: 'lease' });
    // BullMQ gave the job out again, so its lock is gone, whatever Postgres still records
    expect(
      decideLease(claim({ status: 'in_review', leaseQueue: POOL, leaseLapsed: false }), POOL, me),
    ).toEqual({ kind: 'lease' });
    expect(
      decideLease(
        claim({ status: 'in_review', leaseQueue: 'review', leaseLapsed: true }),
        POOL,
        me,
      ),
    ).toEqual({ kind: 'lease' });
  });

  it('drops jobs of claims that are gone, reviewed, or leased through another copy', () => {
    expect(decideLease(undefined, POOL, me).kind).toBe('discard');
    expect(decideLease(claim({ status: 'reviewed' }), POOL, me).kind).toBe('discard');
    expect(
      decideLease(
        claim({ status: 'in_review', leaseQueue: 'review', leaseLapsed: false }),
        POOL,
        me,
      ).kind,
    ).toBe('discard');
  });

  it('sends a claim assigned to someone else to them, and leases one assigned to the caller', () => {
    const theirs = claim({ assignedTo: other, partition: assignedPartition(other) });
    expect(decideLease(theirs, POOL, me)).toEqual({
      kind: 'redirect',
      partition: assignedPartition(other),
    });
    const mine = claim({ assignedTo: me, partition: assignedPartition(me) });
    expect(decideLease(mine, POOL, me)).toEqual({ kind: 'lease' });
  });
});
