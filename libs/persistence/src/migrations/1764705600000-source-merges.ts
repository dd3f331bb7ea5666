import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merging sources: a merged source keeps its row, retired, pointing at the source it was
 * merged into (`merged_into`, always a live source: merges re-point older retirees). The row
 * keeps its registry key, so an extraction that names it again finds it instead of creating
 * it anew, and its old id still leads somewhere.
 *
 * A retired source never gains claims or aliases: a trigger sends every new reference to it
 * (from an extraction that looked the id up before the merge committed, or any other writer)
 * to its survivor. The trigger takes the row's KEY SHARE lock, as the foreign key check
 * does anyway; a merge holds the row FOR UPDATE, so a reference written during a merge
 * waits for it and then sees where the source went.
 */
export class SourceMerges1764705600000 implements MigrationInterface {
  name = 'SourceMerges1764705600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sources ADD COLUMN merged_into uuid REFERENCES sources (id)`);
    // merges look for the retirees of a source; reads keep to live sources
    await q.query(
      `CREATE INDEX sources_merged_into_idx ON sources (merged_into) WHERE merged_into IS NOT NULL`,
    );
    await q.query(`
      CREATE FUNCTION redirect_retired_source() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        survivor uuid;
      BEGIN
        SELECT merged_into INTO survivor FROM sources WHERE id = NEW.source_id FOR KEY SHARE;
        IF survivor IS NOT NULL THEN
          NEW.source_id := survivor;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER claim_sources_redirect_retired BEFORE INSERT OR UPDATE OF source_id ON claim_sources
      FOR EACH ROW EXECUTE FUNCTION redirect_retired_source()`);
    await q.query(`
      CREATE TRIGGER source_aliases_redirect_retired BEFORE INSERT OR UPDATE OF source_id ON source_aliases
      FOR EACH ROW EXECUTE FUNCTION redirect_retired_source()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER source_aliases_redirect_retired ON source_aliases`);
    await q.query(`DROP TRIGGER claim_sources_redirect_retired ON claim_sources`);
    await q.query(`DROP FUNCTION redirect_retired_source`);
    await q.query(`DROP INDEX sources_merged_into_idx`);
    await q.query(`ALTER TABLE sources DROP COLUMN merged_into`);
  }
}
