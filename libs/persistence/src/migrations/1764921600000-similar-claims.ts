import type { MigrationInterface, QueryRunner } from 'typeorm';
import { similarityBands, similarityKey } from '@claimtrail/attribution';

const BACKFILL_PAGE = 1000;

/**
 * Similar claims: each claim's text as it is compared (`normalized_text`, the attribution
 * library's similarityKey: Arabic letter variants unified, diacritics, tatweel, case and
 * punctuation gone), its MinHash bands (`claim_similarity_bands`, the library's
 * similarityBands, a row per band keyed by band), and the links between claims of
 * different articles whose keys are close (`claim_similarities`, one row per pair, read both
 * ways).
 *
 * Candidates are the claims that share a band (exact lookups of ten integers, whatever
 * the number of claims); pg_trgm's similarity() of the keys then decides. The bands have a
 * table of their own, not an array column under GIN: the planner then always looks them up
 * by index (with a GIN `&&` on an array it may estimate a sequential scan cheaper, and scan
 * the table for every new claim). A pg_trgm index on the keys themselves was
 * measured first: on 33,000 claims a GiST nearest-neighbour
 * search took 1 to 3 ms a claim and a GIN `%` search about 6 ms (sentences share common
 * trigrams with most others), both growing with the table.
 *
 * Claims already stored get their key and bands here, computed in TypeScript page by page
 * exactly as new claims get them; they are linked to later lookalikes as those arrive.
 */
export class SimilarClaims1764921600000 implements MigrationInterface {
  name = 'SimilarClaims1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE claims ADD COLUMN normalized_text text NOT NULL DEFAULT ''`);
    // keyed by band: candidates are found by band, in claim order, from the index alone. No
    // foreign key and no second index: every claim writes ten rows here, and each would cost
    // a lookup in claims and another index entry; the rows are derived from the claim's
    // text, claims are never deleted, and a correction removes its old bands by key
    await q.query(`
      CREATE TABLE claim_similarity_bands (
        band integer NOT NULL,
        claim_id uuid NOT NULL,
        PRIMARY KEY (band, claim_id)
      )`);
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = (await q.query(
        `SELECT id, text FROM claims WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_PAGE}`,
        [after],
      )) as { id: string; text: string }[];
      if (page.length === 0) break;
      const keys = page.map((r) => similarityKey(r.text));
      await q.query(
        `UPDATE claims c SET normalized_text = u.key
         FROM unnest($1::uuid[], $2::text[]) AS u(id, key) WHERE c.id = u.id`,
        [page.map((r) => r.id), keys],
      );
      const bands = page.flatMap((r, i) => similarityBands(keys[i]!).map((band) => [r.id, band]));
      await q.query(
        `INSERT INTO claim_similarity_bands (band, claim_id)
         SELECT * FROM unnest($1::integer[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [bands.map(([, band]) => band), bands.map(([id]) => id)],
      );
      after = page[page.length - 1]!.id;
    }
    await q.query(`
      CREATE TABLE claim_similarities (
        claim_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        similar_id uuid NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        similarity real NOT NULL,
        PRIMARY KEY (claim_id, similar_id),
        CONSTRAINT claim_similarities_other_claim_check CHECK (claim_id <> similar_id)
      )`);
    // the reads take a claim's closest links on either side of its pairs (the primary key
    // serves the side it was linked from: a handful of rows), and a correction's relinking
    // finds them
    await q.query(
      `CREATE INDEX claim_similarities_similar_idx ON claim_similarities (similar_id, similarity DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claim_similarities`);
    await q.query(`DROP TABLE claim_similarity_bands`);
    await q.query(`ALTER TABLE claims DROP COLUMN normalized_text`);
    // the extension stays: other objects may have come to use it
  }
}
