import { Pool } from 'undici';

/** What the simulated reviewers did, and what they saw that they should not have. */
export interface ReviewRun {
  /** Milliseconds per request, of every lease answered 200 and every verdict answered. */
  leaseMs: number[];
  verdictMs: number[];
  leaseStatuses: Record<string, number>;
  verdictStatuses: Record<string, number>;
  /** Leases handed a claim that another reviewer held (leased, no verdict answered yet). */
  doubleLeases: string[];
  /** The verdict id each 200 answer gave, by claim. */
  verdicts: Map<string, string>;
  /** From the first lease asked for until the last answer. */
  seconds: number;
  /** Every reviewer was told 204 (nothing waiting) before the deadline. */
  drained: boolean;
  /** The first few transport errors and unexpected answers. */
  problems: string[];
}

interface LeaseAnswer {
  claim: { id: string; status: string };
  lease: { token: string };
}

const VERDICTS = [
  { attribution: 'confirmed', veracity: 'false' },
  { attribution: 'misattributed', veracity: 'misleading' },
  { attribution: 'confirmed', veracity: 'mostly_true' },
  { attribution: 'unconfirmed', veracity: 'unverifiable' },
  { attribution: 'confirmed', veracity: 'true' },
] as const;
const MAX_PROBLEMS = 10;

/**
 * One simulated reviewer per key, all at once over one keep-alive connection each: lease
 * the next claim, give it a verdict, again, until the queue answers 204. A reviewer stops
 * early on an unexpected answer (counted) and everyone stops at `deadline` (a bounded
 * run). Who holds what is tracked here, so a claim handed to a second reviewer while the
 * first still holds it is seen.
 */
export async function runReviewers(
  url: string,
  keys: string[],
  deadline: number,
  onProgress: (verdicts: number) => void,
): Promise<ReviewRun> {
  const pool = new Pool(url, {
    connections: keys.length,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
  });
  const run: ReviewRun = {
    leaseMs: [],
    verdictMs: [],
    leaseStatuses: {},
    verdictStatuses: {},
    doubleLeases: [],
    verdicts: new Map(),
    seconds: 0,
    drained: false,
    problems: [],
  };
  const holders = new Map<string, number>();
  const problem = (message: string) => {
    if (run.problems.length < MAX_PROBLEMS) run.problems.push(message);
  };
  const count = (statuses: Record<string, number>, status: number) =>
    (statuses[status] = (statuses[status] ?? 0) + 1);
  const post = async (key: string, path: string, body: object) => {
    const started = performance.now();
    const res = await pool.request({
      method: 'POST',
      path,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.body.text();
    return { status: res.statusCode, text, ms: performance.now() - started };
  };

  let done = 0;
  const reviewer = async (i: number): Promise<boolean> => {
    const key = keys[i]!;
    for (let n = 0; performance.now() < deadline; n += 1) {
      const leased = await post(key, '/review/lease', {});
      count(run.leaseStatuses, leased.status);
      if (leased.status === 204) return true;
      if (leased.status !== 200) {
        problem(`lease: ${leased.status} ${leased.text.slice(0, 200)}`);
        return false;
      }
      run.leaseMs.push(leased.ms);
      const { claim, lease } = JSON.parse(leased.text) as LeaseAnswer;
      if (holders.has(claim.id)) run.doubleLeases.push(claim.id);
      holders.set(claim.id, i);
      const verdict = await post(key, `/review/${claim.id}/verdict`, {
        token: lease.token,
        ...VERDICTS[(i + n) % VERDICTS.length]!,
        rationale: `benchmark reviewer ${i}, verdict ${n}`,
        evidence: [{ url: `https://example.org/evidence/${claim.id}` }],
      });
      count(run.verdictStatuses, verdict.status);
      run.verdictMs.push(verdict.ms);
      if (holders.get(claim.id) === i) holders.delete(claim.id);
      if (verdict.status !== 200) {
        problem(`verdict: ${verdict.status} ${verdict.text.slice(0, 200)}`);
        return false;
      }
      const answer = JSON.parse(verdict.text) as { verdict?: { id: string } };
      if (answer.verdict) run.verdicts.set(claim.id, answer.verdict.id);
      else problem(`verdict: 200 without a verdict: ${verdict.text.slice(0, 200)}`);
      onProgress((done += 1));
    }
    return false;
  };

  const started = performance.now();
  try {
    const finished = await Promise.all(
      keys.map((_, i) =>
        reviewer(i).catch((e: unknown) => {
          problem(`transport: ${(e as Error).message}`);
          return false;
        }),
      ),
    );
    run.drained = finished.every(Boolean);
  } finally {
    run.seconds = (performance.now() - started) / 1000;
    await pool.close();
  }
  return run;
}
