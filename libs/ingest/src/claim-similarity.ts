import type { DataSource, EntityManager } from 'typeorm';
import { similarityBands } from '@claimtrail/attribution';
import { preparedQuery } from '@claimtrail/persistence';
import {
  CURRENT_VERDICT_COLUMNS,
  currentVerdictOf,
  type CurrentVerdictColumns,
  type CurrentVerdictView,
} from './verdict-view';

/**
 * pg_trgm similarity (shared trigrams over all trigrams of the two normalized texts) from
 * which two claims are linked. Texts that differ only in diacritics, alef forms, case or
 * punctuation score 1; the same sentence with a word or two changed scores about 0.7–0.9;
 * on the dev set, claims of different stories stay under 0.5, while boilerplate such as
 * "Reuters could not independently verify the claim" / "AFP could not independently verify
 * the claim" (0.66) is linked, which is what a reviewer wants to see.
 */
export const SIMILARITY_THRESHOLD = 0.6;

/**
 * The closest claims a claim is linked to when it is written. Three are enough to answer
 * "checked already?"; a claim with more lookalikes still shows up to SIMILAR_SHOWN, since the
 * later ones link to it. Every link and every comparison is paid by every new claim: on the
 * pipeline benchmark's articles, where nearly every claim has lookalikes, comparing and
 * linking five instead of three cost about a quarter more Postgres time for the whole ingest.
 */
export const SIMILAR_PER_CLAIM = 3;

/**
 * The most similar claims a claim shows. A claim links to SIMILAR_PER_CLAIM claims, but any
 * number of later claims may link to it (a wire story reprinted by many outlets).
 */
export const SIMILAR_SHOWN = 10;

/** A claim similar to the one read, with its current verdict: has it been checked already? */
export interface SimilarClaimView {
  id: string;
  text: string;
  /** 0..1, two decimals. */
  similarity: number;
  /** Its current verdict; absent before its first review. */
  verdict?: CurrentVerdictView;
}

/**
 * Claims looked up per MinHash band of a new claim, at most. Real news gives none or one; a
 * wire story reprinted by hundreds of outlets gives hundreds, and a sample of them says
 * "already checked" as well as all of them would.
 */
export const CANDIDATES_PER_BAND = 2;

/**
 * Candidates whose similarity is computed, per new claim: those sharing the most bands
 * (the expected number of shared bands grows as the cube of the similarity, so a true
 * lookalike outranks a chance match), as many as may be linked (SIMILAR_PER_CLAIM).
 */
export const CANDIDATES_COMPARED = SIMILAR_PER_CLAIM;

/**
 * The advisory lock that makes linkers take turns (see linkSimilarClaims); the audit log's
 * is 72_110_001, taken by the audit_append function.
 */
export const LINK_LOCK = 72_110_002;

/**
 * Waits for the linkers before this transaction to commit, and makes those after it wait for
 * its COMMIT. A statement of its own: a statement's snapshot is taken when it starts, so only
 * the statements after this one see what those linkers committed.
 */
async function takeLinkTurn(tx: EntityManager): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [LINK_LOCK]);
}

/** A claim and its MinHash bands, as similarityBands gives them. */
export interface ClaimBands {
  claimId: string;
  bands: number[];
}

/**
 * For each of `claims` (already written in this transaction, with their normalized_text and
 * bands), links up to SIMILAR_PER_CLAIM of the closest claims of other articles at or above
 * SIMILARITY_THRESHOLD among those sharing a band with it: the claims committed before, and
 * those of `claims` with a smaller id (so a pair within the batch is linked once). Returns
 * the ids of the claims linked to, whose lists of similar claims have changed too. Linking
 * claims again adds nothing (a pair that is there either way round is kept as it is).
 *
 * Every step is a lookup by key (the bands arrive as parameters; each band is read through
 * its index in claim order, which a sequential scan could only match by sorting; each claim
 * by its primary key in a LATERAL subquery with a LIMIT, which the planner cannot turn into a
 * join that scans the whole table), so the plan stays the same whatever the planner's
 * statistics say while the tables grow. (Written as plain joins, the planner hashed all of
 * claims twice per batch once its statistics saw a few thousand rows.)
 *
 * Linkers take turns: each takes LINK_LOCK, held until COMMIT, before it reads, so each one
 * links its claims to every claim committed before it (two batches that linked side by side
 * would each miss the other's). Call it before appending to the audit log: a transaction
 * that holds both locks took them in that order, and the log's writers that do not link
 * (article intake, reviews) do not wait while claims are linked.
 */
export async function linkSimilarClaims(
  tx: EntityManager,
  claims: ClaimBands[],
): Promise<string[]> {
  if (claims.every((c) => c.bands.length === 0)) return [];
  await takeLinkTurn(tx);
  return linkInTurn(tx, claims);
}

/** linkSimilarClaims for a transaction that has taken its turn (takeLinkTurn) already. */
async function linkInTurn(tx: EntityManager, claims: ClaimBands[]): Promise<string[]> {
  const pairs = claims.flatMap((c) => c.bands.map((band) => ({ claimId: c.claimId, band })));
  if (pairs.length === 0) return [];
  const linked = await tx.query<{ similar_id: string }[]>(
    `INSERT INTO claim_similarities (claim_id, similar_id, similarity)
     SELECT claim_id, similar_id, similarity FROM (
       SELECT p.claim_id, p.similar_id, s.similarity, row_number() OVER (
         PARTITION BY p.claim_id ORDER BY s.similarity DESC, p.similar_id) AS place
       FROM unnest($7::uuid[]) AS nc(id)
       CROSS JOIN LATERAL (
         SELECT id, article_id, normalized_text FROM claims WHERE id = nc.id LIMIT 1
       ) n
       JOIN (
         SELECT claim_id, similar_id, row_number() OVER (
           PARTITION BY claim_id ORDER BY count(*) DESC, similar_id) AS place
         FROM unnest($1::uuid[], $2::integer[]) AS nb(claim_id, band)
         CROSS JOIN LATERAL (
           SELECT b.claim_id AS similar_id FROM claim_similarity_bands b
           WHERE b.band = nb.band AND b.claim_id <> nb.claim_id
           ORDER BY b.claim_id LIMIT $3
         ) b
         GROUP BY claim_id, similar_id
       ) p ON p.claim_id = n.id
       CROSS JOIN LATERAL (
         SELECT id, article_id, normalized_text FROM claims WHERE id = p.similar_id LIMIT 1
       ) o
       -- OFFSET 0 keeps the subquery whole: pulled up, similarity() would be computed again
       -- for the ranking, after the filter computed it
       CROSS JOIN LATERAL (
         SELECT similarity(o.normalized_text, n.normalized_text) AS similarity OFFSET 0
       ) s
       WHERE p.place <= $4
         AND o.article_id <> n.article_id
         AND NOT (o.id = ANY($7::uuid[]) AND o.id > n.id)
         AND s.similarity >= $5
         -- linked the other way round already (a claim linked again)
         AND NOT EXISTS (
           SELECT 1 FROM claim_similarities r WHERE r.claim_id = o.id AND r.similar_id = n.id
         )
     ) ranked
     WHERE place <= $6
     ON CONFLICT DO NOTHING
     RETURNING similar_id`,
    [
      pairs.map((p) => p.claimId),
      pairs.map((p) => p.band),
      CANDIDATES_PER_BAND,
      CANDIDATES_COMPARED,
      SIMILARITY_THRESHOLD,
      SIMILAR_PER_CLAIM,
      claims.map((c) => c.claimId),
    ],
  );
  return [...new Set(linked.map((r) => r.similar_id))];
}

/**
 * After the text of `claimId` changed from `oldKey` to `newKey` (normalized_text already
 * updated): replaces its bands, drops its links (both ways) and links it again, to the
 * closest claims of other articles, earlier or later. Returns the ids of the claims it was
 * and now is linked to, whose lists of similar claims may have changed. Like
 * linkSimilarClaims, it belongs before the audit append.
 */
export async function relinkSimilarClaim(
  tx: EntityManager,
  claimId: string,
  oldKey: string,
  newKey: string,
): Promise<string[]> {
  // before anything is read or dropped: a link a batch committed meanwhile, made against the
  // old text, is then seen and dropped with the others
  await takeLinkTurn(tx);
  await tx.query(
    `DELETE FROM claim_similarity_bands WHERE band = ANY($1::integer[]) AND claim_id = $2`,
    [similarityBands(oldKey), claimId],
  );
  const bands = similarityBands(newKey);
  await tx.query(
    `INSERT INTO claim_similarity_bands (band, claim_id) SELECT unnest($1::integer[]), $2
     ON CONFLICT DO NOTHING`,
    [bands, claimId],
  );
  const [dropped] = await tx.query<[{ claim_id: string; similar_id: string }[], number]>(
    `DELETE FROM claim_similarities WHERE claim_id = $1 OR similar_id = $1
     RETURNING claim_id, similar_id`,
    [claimId],
  );
  const before = dropped.map((r) => (r.claim_id === claimId ? r.similar_id : r.claim_id));
  const after = await linkInTurn(tx, [{ claimId, bands }]);
  return [...new Set([...before, ...after])];
}

interface SimilarRow extends CurrentVerdictColumns {
  id: string;
  text: string;
  similarity: number;
}

/**
 * The SIMILAR_SHOWN claims most similar to each of `claimIds`, the closest first, with their
 * verdicts, in one statement (the reads of claims asked for at about the same time are
 * batched, as ReadService batches the claims themselves).
 */
export async function readSimilarClaims(
  db: DataSource,
  claimIds: readonly string[],
): Promise<Map<string, SimilarClaimView[]>> {
  // named columns, not c.*: the statement is prepared (see CLAIM_SELECT in read.service)
  const rows = await preparedQuery<SimilarRow & { owner: string }>(
    db,
    // per claim, the closest links of either side through their indexes, then the closest
    // of those: a claim that a wire story made similar to hundreds costs as much as any
    `SELECT o.owner, c.id, c.text, l.similarity, ${CURRENT_VERDICT_COLUMNS}
     FROM unnest($1::uuid[]) AS o(owner)
     CROSS JOIN LATERAL (
       SELECT id, similarity FROM (
         (SELECT similar_id AS id, similarity FROM claim_similarities
          WHERE claim_id = o.owner ORDER BY similarity DESC LIMIT $2)
         UNION ALL
         (SELECT claim_id, similarity FROM claim_similarities
          WHERE similar_id = o.owner ORDER BY similarity DESC LIMIT $2)
       ) u
       ORDER BY similarity DESC, id LIMIT $2
     ) l
     JOIN claims c ON c.id = l.id LEFT JOIN verdicts v ON v.id = c.current_verdict_id
     ORDER BY o.owner, l.similarity DESC, l.id`,
    [claimIds, SIMILAR_SHOWN],
  );
  const similar = new Map<string, SimilarClaimView[]>(claimIds.map((id) => [id, []]));
  for (const r of rows) {
    const verdict = currentVerdictOf(r.id, r);
    similar.get(r.owner)?.push({
      id: r.id,
      text: r.text,
      similarity: Math.round(r.similarity * 100) / 100,
      ...(verdict ? { verdict } : {}),
    });
  }
  return similar;
}
