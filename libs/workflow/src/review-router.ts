import type { DataSource, EntityManager } from 'typeorm';
import type { ReviewCandidate } from '@claimtrail/queues';
import { partitionOf } from './review-partitions';

/** A claim as the review queue sees it: what its job carries and the partition it belongs on. */
export interface RoutedClaim extends ReviewCandidate {
  partition: string;
}

/** Reads from Postgres which review partition each claim belongs on (see review-partitions). */
export class ReviewRouter {
  constructor(private readonly db: DataSource) {}

  /** The claims among `claimIds` that exist, each with its partition. */
  async route(claimIds: string[], manager: EntityManager | DataSource = this.db) {
    if (claimIds.length === 0) return new Map<string, RoutedClaim>();
    const rows = await manager.query<
      {
        id: string;
        article_id: string;
        checkworthiness: number;
        language: string;
        outlet: string | null;
        assigned_to: string | null;
      }[]
    >(
      `SELECT c.id, c.article_id, c.checkworthiness, c.language, a.outlet, c.assigned_to
       FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ANY($1::uuid[])`,
      [claimIds],
    );
    return new Map(
      rows.map((r): [string, RoutedClaim] => [
        r.id,
        {
          id: r.id,
          articleId: r.article_id,
          checkworthiness: r.checkworthiness,
          partition: partitionOf({
            language: r.language,
            outlet: r.outlet,
            assignedTo: r.assigned_to,
          }),
        },
      ]),
    );
  }
}

/** Claims grouped by partition, as ReviewQueues.add takes them. */
export function byPartition(claims: Iterable<RoutedClaim>): Map<string, ReviewCandidate[]> {
  const groups = new Map<string, ReviewCandidate[]>();
  for (const { partition, ...candidate } of claims) {
    const group = groups.get(partition);
    if (group) group.push(candidate);
    else groups.set(partition, [candidate]);
  }
  return groups;
}
