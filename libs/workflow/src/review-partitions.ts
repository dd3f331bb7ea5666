import { createHash } from 'node:crypto';
import { QUEUES } from '@claimtrail/queues';

/**
 * The review queue is split into partitions (one BullMQ queue each), because BullMQ hands
 * out the next job of a queue and cannot filter: a lease that asks for a language or a desk
 * takes from the partitions that hold only such claims.
 *
 * - `review.<language>` and `review.<language>.<desk key>`: the shared pool, by the claim's
 *   language and its article's desk;
 * - `review.@<api key id>`: the claims assigned to one reviewer, leased by them first;
 * - `review`: the unpartitioned queue of earlier releases (and of producers that do not
 *   route), leased only without a filter.
 *
 * A desk is the outlet that published the article (its `outlet`), compared without regard
 * to case, Unicode form or spacing; an article without an outlet belongs to no desk.
 */
export type ReviewPartition =
  | { kind: 'pool'; name: string; language: string; desk: string | null }
  | { kind: 'assigned'; name: string; reviewerId: string }
  | { kind: 'unrouted'; name: string };

const POOL = /^review\.([a-z]{2,3})(?:\.([0-9a-f]{16}))?$/;
const ASSIGNED = /^review\.@([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The desk an outlet names, as a key safe in a queue name; null for no (or a blank) outlet. */
export function deskKey(outlet: string | null | undefined): string | null {
  const normalised = (outlet ?? '').normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
  if (normalised === '') return null;
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

export function poolPartition(language: string, outlet: string | null): string {
  const desk = deskKey(outlet);
  return desk ? `review.${language}.${desk}` : `review.${language}`;
}

export function assignedPartition(reviewerId: string): string {
  return `review.@${reviewerId}`;
}

/** Where a claim's review job belongs. */
export function partitionOf(claim: {
  language: string;
  outlet: string | null;
  assignedTo: string | null;
}): string {
  return claim.assignedTo
    ? assignedPartition(claim.assignedTo)
    : poolPartition(claim.language, claim.outlet);
}

/** The partition a queue name stands for; undefined for a name that is not one. */
export function parsePartition(name: string): ReviewPartition | undefined {
  if (name === QUEUES.review) return { kind: 'unrouted', name };
  const pool = POOL.exec(name);
  if (pool) return { kind: 'pool', name, language: pool[1]!, desk: pool[2] ?? null };
  const assigned = ASSIGNED.exec(name);
  if (assigned) return { kind: 'assigned', name, reviewerId: assigned[1]! };
  return undefined;
}

export interface LeaseFilter {
  language?: string;
  /** An outlet name, as articles give it. */
  desk?: string;
}

/**
 * The partitions a lease may take from, among those that exist: the caller's own (claims
 * assigned to them come first, whatever the filter: an editor's assignment outranks it)
 * and the pool partitions that match the filter.
 */
export function leaseCandidates(
  names: Iterable<string>,
  filter: LeaseFilter,
  reviewerId: string,
): { own: string; pool: string[] } {
  const wantedDesk = filter.desk === undefined ? undefined : deskKey(filter.desk);
  const pool: string[] = [];
  for (const name of names) {
    const p = parsePartition(name);
    if (!p || p.kind === 'assigned') continue;
    if (p.kind === 'unrouted') {
      if (filter.language === undefined && filter.desk === undefined) pool.push(name);
      continue;
    }
    if (filter.language !== undefined && p.language !== filter.language) continue;
    if (wantedDesk !== undefined && p.desk !== wantedDesk) continue;
    pool.push(name);
  }
  return { own: assignedPartition(reviewerId), pool };
}
