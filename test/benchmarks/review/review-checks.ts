import type { DataSource } from 'typeorm';
import { AuditLog } from '@claimtrail/audit';
import type { ReviewQueues } from '@claimtrail/workflow';
import type { ReviewRun } from './reviewers';

export interface Check {
  what: string;
  figure: string;
  ok: boolean;
}

/**
 * What must hold once the reviewers are done, whatever the speed: no claim leased to two
 * reviewers at once, every claim reviewed exactly once, no verdict answered 200 without its
 * row, every lease ended by its verdict, nothing left on the queue, the audit chain intact.
 */
export async function checkReviews(
  db: DataSource,
  queues: ReviewQueues,
  run: ReviewRun,
  claims: number,
): Promise<Check[]> {
  const answered = [...run.verdicts];
  const [[counts], [leases], [kept], left, chain] = await Promise.all([
    db.query<{ rows: number; claims: number; reviewed: number; current: number }[]>(
      `SELECT (SELECT count(*)::int FROM verdicts) AS rows,
              (SELECT count(DISTINCT claim_id)::int FROM verdicts) AS claims,
              (SELECT count(*)::int FROM claims WHERE status = 'reviewed') AS reviewed,
              (SELECT count(*)::int FROM claims c JOIN verdicts v ON v.id = c.current_verdict_id
               WHERE v.claim_id = c.id) AS current`,
    ),
    db.query<{ leased: number; claims: number; reviewed: number; other: number }[]>(
      `SELECT count(*) FILTER (WHERE action = 'claim.leased')::int AS leased,
              count(DISTINCT entity_id) FILTER (WHERE action = 'claim.leased')::int AS claims,
              count(*) FILTER (WHERE action = 'claim.reviewed')::int AS reviewed,
              count(*) FILTER (WHERE action IN ('claim.released', 'claim.lease_expired'))::int AS other
       FROM audit_events WHERE entity_type = 'claim'`,
    ),
    db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM verdicts v
       JOIN unnest($1::uuid[], $2::uuid[]) AS answered(claim_id, id)
         ON answered.id = v.id AND answered.claim_id = v.claim_id`,
      [answered.map(([claim]) => claim), answered.map(([, verdict]) => verdict)],
    ),
    queues
      .all()
      .then((all) =>
        Promise.all(all.map((q) => q.getJobCountByTypes('active', 'prioritized', 'waiting'))),
      ),
    new AuditLog().verify(db),
  ]);
  const verdicts200 = run.verdictStatuses['200'] ?? 0;
  const jobsLeft = left.reduce((a, b) => a + b, 0);
  return [
    {
      what: 'claims handed to a second reviewer while leased (seen by the reviewers)',
      figure: String(run.doubleLeases.length),
      ok: run.doubleLeases.length === 0,
    },
    {
      what: 'claim.leased audit events (distinct claims) = verdicts; released/expired',
      figure: `${leases!.leased} (${leases!.claims}) = ${leases!.reviewed}; ${leases!.other}`,
      ok:
        leases!.leased === claims &&
        leases!.claims === claims &&
        leases!.reviewed === claims &&
        leases!.other === 0,
    },
    {
      what: `verdict rows (distinct claims), expected ${claims}`,
      figure: `${counts!.rows} (${counts!.claims})`,
      ok: counts!.rows === claims && counts!.claims === claims,
    },
    {
      what: 'verdicts answered 200 / of them with their row (no lost verdict)',
      figure: `${verdicts200} / ${kept!.n}`,
      ok: verdicts200 === claims && run.verdicts.size === claims && kept!.n === claims,
    },
    {
      what: 'claims reviewed, showing their verdict',
      figure: `${counts!.reviewed}, ${counts!.current}`,
      ok: counts!.reviewed === claims && counts!.current === claims,
    },
    { what: 'review jobs left on the queues', figure: String(jobsLeft), ok: jobsLeft === 0 },
    {
      what: 'audit chain verifies',
      figure: `${chain.ok ? 'ok' : `broken at ${chain.firstBadSeq}`}, ${chain.checked} events`,
      ok: chain.ok,
    },
  ];
}
