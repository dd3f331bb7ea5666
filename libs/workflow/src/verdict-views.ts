import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import type { ClaimView, CurrentVerdictView, ReadService } from '@claimtrail/ingest';
import type { Attribution, EvidenceLink, Veracity } from '@claimtrail/persistence';

/** The contract's Verdict (the same shape the claim reads give a claim's current one). */
export type VerdictView = CurrentVerdictView;

/** The contract's Claim: the claim, its current verdict and when it is due for re-verification. */
export type ReviewedClaimView = ClaimView & { verdict?: VerdictView; reverifyAt?: string };

export interface VerdictRow {
  id: string;
  claim_id: string;
  reviewer_id: string;
  attribution: Attribution;
  veracity: Veracity;
  rationale: string | null;
  evidence: EvidenceLink[];
  reverify_at: Date | null;
  created_at: Date;
}

export const VERDICT_COLUMNS =
  'id, claim_id, reviewer_id, attribution, veracity, rationale, evidence, reverify_at, created_at';

export const toVerdictView = (r: VerdictRow): VerdictView => ({
  id: r.id,
  claimId: r.claim_id,
  reviewerId: r.reviewer_id,
  attribution: r.attribution,
  veracity: r.veracity,
  rationale: r.rationale,
  evidence: r.evidence,
  reverifyAt: r.reverify_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

type CurrentVerdict = { verdict?: VerdictView; reverifyAt?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Verdicts as the API shows them: a claim's current one, and its whole history. */
export class VerdictViews {
  /**
   * The current verdicts of the claims shown at about the same time, read in one statement
   * (as ReadService reads the claims): every lease and verdict answers with its claim, and
   * under load many are answered at once.
   */
  private readonly currentOfClaim = new DataLoader<string, CurrentVerdict>(
    async (ids) => {
      const found = await this.current([...ids]);
      return ids.map((id) => found.get(id) ?? {});
    },
    { cache: false, maxBatchSize: 100, batchScheduleFn: (run) => setImmediate(run) },
  );

  constructor(
    private readonly db: DataSource,
    private readonly read: ReadService,
  ) {}

  /** The current verdict and re-verification date of each claim that has them. */
  async current(
    claimIds: string[],
    manager: DataSource | EntityManager = this.db,
  ): Promise<Map<string, CurrentVerdict>> {
    if (claimIds.length === 0) return new Map();
    const rows = await manager.query<
      (VerdictRow & { claim: string; claim_reverify_at: Date | null })[]
    >(
      `SELECT c.id AS claim, c.reverify_at AS claim_reverify_at, v.*
       FROM claims c LEFT JOIN verdicts v ON v.id = c.current_verdict_id
       WHERE c.id = ANY($1::uuid[])`,
      [claimIds],
    );
    return new Map(
      rows.map((r) => [
        r.claim,
        {
          ...(r.id ? { verdict: toVerdictView(r) } : {}),
          ...(r.claim_reverify_at ? { reverifyAt: r.claim_reverify_at.toISOString() } : {}),
        },
      ]),
    );
  }

  /** One claim as the contract shows it, with its current verdict. */
  async claim(claimId: string): Promise<ReviewedClaimView> {
    const [claim, current] = await Promise.all([
      this.read.claim(claimId),
      // an id Postgres cannot cast would fail the batch it joins; read.claim refuses it
      UUID.test(claimId) ? this.currentOfClaim.load(claimId.toLowerCase()) : {},
    ]);
    return { ...claim, ...current };
  }

  /**
   * A claim just leased, as the lease answers it. A claim leased has no verdict unless it
   * was judged before; only then is its verdict read.
   */
  async leased(claimId: string, currentVerdictId: string | null): Promise<ReviewedClaimView> {
    return currentVerdictId === null ? this.read.claim(claimId) : this.claim(claimId);
  }

  /** A claim just reviewed, as the verdict answers it: with the verdict just given. */
  async reviewed(verdict: VerdictView): Promise<ReviewedClaimView> {
    return {
      ...(await this.read.claim(verdict.claimId)),
      verdict,
      ...(verdict.reverifyAt ? { reverifyAt: verdict.reverifyAt } : {}),
    };
  }
}
