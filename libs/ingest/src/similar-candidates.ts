import { trigramSimilarity, trigramsOf, type TrigramSet } from '@claimtrail/attribution';

/** A claim to be linked: its article, its similarity key and that key's MinHash bands. */
export interface ClaimBands {
  claimId: string;
  articleId: string;
  key: string;
  bands: number[];
}

/** A claim that may be linked to: its article and its similarity key. */
export interface LinkTarget {
  articleId: string;
  key: string;
}

export interface LinkPlan {
  /** The (band, claim) rows to add: claims of the batch that take a free place in a band. */
  joins: { band: number; claimId: string }[];
  /** Per claim of the batch, the claims whose similarity is to be computed, best first. */
  candidates: Map<string, string[]>;
}

export interface Link {
  claimId: string;
  similarId: string;
  similarity: number;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Which claims of `claims` join their bands, and which claims each is compared with. A band
 * keeps at most `capacity` claims, the first to arrive (`held`: those stored already, by
 * band); the claims of the batch take the places left in id order. A claim's candidates are
 * the claims kept in its bands, except itself, claims of its own article, and claims of the
 * batch with a greater id (a pair within the batch is compared once); the `compared` that
 * share the most of its bands, then the smallest ids. Pure: the caller reads and writes.
 *
 * Ids are compared as strings: lower-case uuids sort as Postgres sorts them.
 */
export function planLinks(
  claims: readonly ClaimBands[],
  held: ReadonlyMap<number, readonly string[]>,
  capacity: number,
  compared: number,
): LinkPlan {
  const batch = new Map(claims.map((c) => [c.claimId, c]));
  const kept = new Map<number, string[]>();
  for (const [band, ids] of held)
    kept.set(band, ids.length > 1 ? [...ids].sort(byId).slice(0, capacity) : [...ids]);
  const joins: LinkPlan['joins'] = [];
  for (const c of [...claims].sort((a, b) => byId(a.claimId, b.claimId)))
    for (const band of c.bands) {
      let members = kept.get(band);
      if (!members) kept.set(band, (members = []));
      if (members.length < capacity && !members.includes(c.claimId)) {
        members.push(c.claimId);
        joins.push({ band, claimId: c.claimId });
      }
    }

  const candidates = new Map<string, string[]>();
  for (const n of claims) {
    const shared = new Map<string, number>();
    for (const band of n.bands)
      for (const o of kept.get(band) ?? []) {
        if (o === n.claimId) continue;
        const other = batch.get(o);
        if (other && (o > n.claimId || other.articleId === n.articleId)) continue;
        shared.set(o, (shared.get(o) ?? 0) + 1);
      }
    const ranked = [...shared]
      .sort(([a, x], [b, y]) => y - x || byId(a, b))
      .slice(0, compared)
      .map(([id]) => id);
    if (ranked.length > 0) candidates.set(n.claimId, ranked);
  }
  return { joins, candidates };
}

/**
 * The links of each claim of `claims`: its candidates (`planLinks`) of other articles whose
 * trigram similarity is at least `threshold`, the closest `perClaim`, the smallest id first
 * among equals. `targets` holds every candidate (a candidate missing from it, a claim that is
 * gone, is skipped).
 */
export function chooseLinks(
  claims: readonly ClaimBands[],
  candidates: ReadonlyMap<string, readonly string[]>,
  targets: ReadonlyMap<string, LinkTarget>,
  threshold: number,
  perClaim: number,
): Link[] {
  const floor = Math.fround(threshold);
  const trigrams = new Map<string, TrigramSet>();
  const trigramsOfClaim = (id: string, key: string) => {
    let set = trigrams.get(id);
    if (!set) trigrams.set(id, (set = trigramsOf(key)));
    return set;
  };
  const links: Link[] = [];
  for (const n of claims) {
    const own = trigramsOfClaim(n.claimId, n.key);
    const close: Link[] = [];
    for (const id of candidates.get(n.claimId) ?? []) {
      const target = targets.get(id);
      if (!target || target.articleId === n.articleId) continue;
      const similarity = trigramSimilarity(own, trigramsOfClaim(id, target.key));
      if (similarity >= floor) close.push({ claimId: n.claimId, similarId: id, similarity });
    }
    close.sort((a, b) => b.similarity - a.similarity || byId(a.similarId, b.similarId));
    links.push(...close.slice(0, perClaim));
  }
  return links;
}
