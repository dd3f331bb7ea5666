import type { MigrationInterface, QueryRunner } from 'typeorm';
import { similarityBands } from '@claimtrail/attribution';

const PLACES = 2;
const BACKFILL_PAGE = 1000;

/**
 * A MinHash band keeps its first two claims only (CLAIMS_PER_BAND in the ingest library).
 * Extraction looked up two claims per band already, the two of smallest id; a wire story
 * reprinted by many outlets gave each of its bands a row for every copy, rows nothing read.
 * Now a band's places go to the first claims to arrive, a full band costs a new claim one
 * read and no write, and a batch's bands are read in one index scan. The rows kept are the
 * ones extraction looked up so far (the two smallest ids of each band). Down gives every
 * claim its rows again, computed from its similarity key as extraction computes them.
 */
export class SimilarityBandPlaces1765353600000 implements MigrationInterface {
  name = 'SimilarityBandPlaces1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM claim_similarity_bands b
       USING (
         SELECT band, claim_id,
           row_number() OVER (PARTITION BY band ORDER BY claim_id) AS place
         FROM claim_similarity_bands
       ) r
       WHERE r.band = b.band AND r.claim_id = b.claim_id AND r.place > $1`,
      [PLACES],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const page = (await q.query(
        `SELECT id, normalized_text FROM claims WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_PAGE}`,
        [after],
      )) as { id: string; normalized_text: string }[];
      if (page.length === 0) break;
      const rows = page.flatMap((r) =>
        similarityBands(r.normalized_text).map((band) => [r.id, band] as const),
      );
      await q.query(
        `INSERT INTO claim_similarity_bands (band, claim_id)
         SELECT * FROM unnest($1::integer[], $2::uuid[]) ON CONFLICT DO NOTHING`,
        [rows.map(([, band]) => band), rows.map(([id]) => id)],
      );
      after = page[page.length - 1]!.id;
    }
  }
}
