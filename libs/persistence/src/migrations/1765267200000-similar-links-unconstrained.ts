import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links between similar claims lose their foreign keys to claims, as the claims' MinHash
 * bands never had one. Extraction writes several links per new claim (a wire story
 * reprinted by many outlets gives each of its claims the most it may link to), and each
 * link's two checks locked and read both claims: a fifth or more of the cost of linking,
 * measured on the pipeline benchmark's articles. The links are derived from the claims' texts and are
 * replaced when a correction moves a claim's span; claims are never deleted, and a read
 * joins each link to its claim, so a link to a claim removed by hand would simply not show.
 */
export class SimilarLinksUnconstrained1765267200000 implements MigrationInterface {
  name = 'SimilarLinksUnconstrained1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE claim_similarities
        DROP CONSTRAINT claim_similarities_claim_id_fkey,
        DROP CONSTRAINT claim_similarities_similar_id_fkey`);
  }

  async down(q: QueryRunner): Promise<void> {
    // links to claims removed meanwhile could not be constrained again
    await q.query(`
      DELETE FROM claim_similarities l
      WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.claim_id)
         OR NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = l.similar_id)`);
    await q.query(`
      ALTER TABLE claim_similarities
        ADD CONSTRAINT claim_similarities_claim_id_fkey
          FOREIGN KEY (claim_id) REFERENCES claims (id) ON DELETE CASCADE,
        ADD CONSTRAINT claim_similarities_similar_id_fkey
          FOREIGN KEY (similar_id) REFERENCES claims (id) ON DELETE CASCADE`);
  }
}
