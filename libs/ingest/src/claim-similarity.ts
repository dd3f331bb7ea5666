import type { EntityManager } from 'typeorm';
import { similarityBands } from '@claimtrail/attribution';
import { chooseLinks, planLinks, type ClaimBands, type LinkTarget } from './similar-candidates';
import {
  currentVerdictJsonPairs,
  currentVerdictOf,
  verdictColumnsFromJson,
  type CurrentVerdictView,
} from './verdict-view';

/**
 * Trigram similarity, as pg_trgm defines it (shared trigrams over all trigrams of the two
 * normalized texts: trigramSimilarity in the attribution library), from
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
 * Claims kept per MinHash band: the first to arrive. Real news gives a band one claim, or two
 * for a story retold; a wire story reprinted by hundreds of outlets would give hundreds, and
 * its first copies say "already checked" as well as all of them would, while every later copy
 * still finds them. A band that is full costs a new claim one row read and nothing written.
 */
export const CLAIMS_PER_BAND = 2;

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

/**
 * Links each of `claims` (already written in this transaction, with their similarity keys,
 * and without links: new claims, or a claim whose links were dropped) to up to
 * SIMILAR_PER_CLAIM of the closest claims of other articles at or above SIMILARITY_THRESHOLD
 * among those kept in its MinHash bands: the claims committed before, and those of `claims`
 * with a smaller id (so a pair within the batch is linked once). Each claim also takes its
 * place in the bands that have one free (CLAIMS_PER_BAND). Returns the ids of the claims
 * linked to, whose lists of similar claims have changed too.
 *
 * Postgres reads and writes by key (the batch's bands in one index scan, the candidates'
 * keys by primary key, then the new band rows and links in one statement); the candidates
 * and their trigram similarity are worked out here (planLinks, chooseLinks).
 *
 * Linkers take turns: each takes LINK_LOCK, held until COMMIT, before it reads, so each one
 * links its claims to every claim committed before it (two batches that linked side by side
 * would each miss the other's) and the bands never hold more than their places. Call it
 * before appending to the audit log: a transaction that holds both locks took them in that
 * order, and the log's writers that do not link (article intake, reviews) do not wait while
 * claims are linked.
 */
export async function linkSimilarClaims(
  tx: EntityManager,
  claims: ClaimBands[],
): Promise<string[]> {
  const banded = claims.filter((c) => c.bands.length > 0);
  if (banded.length === 0) return [];
  await takeLinkTurn(tx);
  return linkInTurn(tx, banded);
}

/** linkSimilarClaims for a transaction that has taken its turn (takeLinkTurn) already. */
async function linkInTurn(tx: EntityManager, claims: ClaimBands[]): Promise<string[]> {
  const bands = [...new Set(claims.flatMap((c) => c.bands))];
  const rows = await tx.query<{ band: number; claim_id: string }[]>(
    `SELECT band, claim_id FROM claim_similarity_bands WHERE band = ANY($1::integer[])`,
    [bands],
  );
  const held = new Map<number, string[]>();
  for (const r of rows) {
    const members = held.get(r.band);
    if (members) members.push(r.claim_id);
    else held.set(r.band, [r.claim_id]);
  }
  const { joins, candidates } = planLinks(claims, held, CLAIMS_PER_BAND, CANDIDATES_COMPARED);

  const targets = new Map<string, LinkTarget>(claims.map((c) => [c.claimId, c]));
  const committed = [...new Set([...candidates.values()].flat())].filter((id) => !targets.has(id));
  if (committed.length > 0) {
    const found = await tx.query<{ id: string; article_id: string; normalized_text: string }[]>(
      `SELECT id, article_id, normalized_text FROM claims WHERE id = ANY($1::uuid[])`,
      [committed],
    );
    for (const r of found) targets.set(r.id, { articleId: r.article_id, key: r.normalized_text });
  }
  const links = chooseLinks(claims, candidates, targets, SIMILARITY_THRESHOLD, SIMILAR_PER_CLAIM);
  if (joins.length === 0 && links.length === 0) return [];

  // the links are plain inserts: none of `claims` has a link yet, and a pair of them is
  // linked once (a conflict check and a look for the reverse link cost twice what the
  // inserts do; a link twice would fail the transaction, not be stored)
  await tx.query(
    `WITH joined AS (
       INSERT INTO claim_similarity_bands (band, claim_id)
       SELECT * FROM unnest($1::integer[], $2::uuid[]) ON CONFLICT DO NOTHING
     )
     INSERT INTO claim_similarities (claim_id, similar_id, similarity)
     SELECT * FROM unnest($3::uuid[], $4::uuid[], $5::real[])`,
    [
      joins.map((j) => j.band),
      joins.map((j) => j.claimId),
      links.map((l) => l.claimId),
      links.map((l) => l.similarId),
      links.map((l) => l.similarity),
    ],
  );
  return [...new Set(links.map((l) => l.similarId))];
}

/**
 * After the text of `claimId` changed from `oldKey` to `newKey` (normalized_text already
 * updated): leaves the bands of its old text, drops its links (both ways) and links it again,
 * to the closest claims of other articles, earlier or later. Returns the ids of the claims it
 * was and now is linked to, whose lists of similar claims may have changed. Like
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
  const [dropped] = await tx.query<[{ claim_id: string; similar_id: string }[], number]>(
    `DELETE FROM claim_similarities WHERE claim_id = $1 OR similar_id = $1
     RETURNING claim_id, similar_id`,
    [claimId],
  );
  const before = dropped.map((r) => (r.claim_id === claimId ? r.similar_id : r.claim_id));
  const bands = similarityBands(newKey);
  const [claim] = await tx.query<{ article_id: string }[]>(
    `SELECT article_id FROM claims WHERE id = $1`,
    [claimId],
  );
  const after =
    claim && bands.length > 0
      ? await linkInTurn(tx, [{ claimId, articleId: claim.article_id, key: newKey, bands }])
      : [];
  return [...new Set([...before, ...after])];
}

/** A similar claim as similarClaimsJson gives it. */
interface SimilarClaimJson {
  id: string;
  text: string;
  similarity: number;
  verdict: Parameters<typeof verdictColumnsFromJson>[0] | null;
}

/**
 * SQL, a subquery: the SIMILAR_SHOWN claims most similar to the claim whose id is `owner` (a
 * column of the enclosing query, named in code), the closest first, as a JSON array of each
 * one's id, text, similarity and current verdict's columns (null before its first review);
 * null when there are none. Read it with similarClaimsFrom. The claim's closest links of
 * either side are read through their indexes, then the closest of those: a claim that a
 * wire story made similar to hundreds costs as much as any.
 */
export const similarClaimsJson = (owner: string): string => `(
  SELECT json_agg(
    json_build_object('id', sc.id, 'text', sc.text, 'similarity', l.similarity, 'verdict',
      CASE WHEN sv.id IS NOT NULL THEN json_build_object(${currentVerdictJsonPairs('sv')}) END)
    ORDER BY l.similarity DESC, l.id)
  FROM (
    SELECT id, similarity FROM (
      (SELECT similar_id AS id, similarity FROM claim_similarities
       WHERE claim_id = ${owner} ORDER BY similarity DESC LIMIT ${SIMILAR_SHOWN})
      UNION ALL
      (SELECT claim_id, similarity FROM claim_similarities
       WHERE similar_id = ${owner} ORDER BY similarity DESC LIMIT ${SIMILAR_SHOWN})
    ) u
    ORDER BY similarity DESC, id LIMIT ${SIMILAR_SHOWN}
  ) l
  JOIN claims sc ON sc.id = l.id LEFT JOIN verdicts sv ON sv.id = sc.current_verdict_id
)`;

/** What similarClaimsJson gives, as the claim reads show it. */
export function similarClaimsFrom(json: SimilarClaimJson[] | null): SimilarClaimView[] {
  return (json ?? []).map((r) => {
    const verdict = r.verdict && currentVerdictOf(r.id, verdictColumnsFromJson(r.verdict));
    return {
      id: r.id,
      text: r.text,
      similarity: Math.round(r.similarity * 100) / 100,
      ...(verdict ? { verdict } : {}),
    };
  });
}
