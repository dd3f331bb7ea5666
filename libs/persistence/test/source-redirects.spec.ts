import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

/**
 * Postgres itself sends every new reference to a retired source (one merged into another)
 * to its survivor, whoever writes it: links of claims and aliases, inserted or updated, one
 * row or many in a statement, and while a merge of that source is being committed.
 */
describe('references to retired sources', () => {
  let db: TestDatabase;
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    db.dataSource.query<T[]>(sql, params);

  let claim: string;
  /** Creates a source; retired into `into` when given. */
  const source = async (name: string, into?: string): Promise<string> => {
    const [row] = await query<{ id: string }>(
      `INSERT INTO sources (registry_key, name, kind, merged_into) VALUES ($1, $1, 'person', $2)
       RETURNING id`,
      [name, into ?? null],
    );
    return row!.id;
  };
  const linksOf = (claimId: string) =>
    query(
      `SELECT role, position, source_id FROM claim_sources WHERE claim_id = $1
       ORDER BY role, position`,
      [claimId],
    );
  const aliasesOf = (sourceId: string) =>
    query<{ alias: string }>(
      `SELECT alias FROM source_aliases WHERE source_id = $1 ORDER BY alias`,
      [sourceId],
    ).then((rows) => rows.map((r) => r.alias));

  beforeAll(async () => {
    db = await createTestDatabase('source-redirects');
    const [article] = await query<{ id: string }>(
      `INSERT INTO articles (content_hash, text) VALUES ('h', 'text') RETURNING id`,
    );
    const claims = await query<{ id: string }>(
      `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type,
         checkworthiness, language)
       SELECT $1, n, 'text', 0, 4, 0, 'indirect', 0.5, 'en' FROM generate_series(0, 2) n
       RETURNING id`,
      [article!.id],
    );
    claim = claims[0]!.id;
  });
  afterAll(async () => {
    await db.drop();
  });

  it('moves inserted links to the survivor and leaves links to live sources alone', async () => {
    const live = await source('live-1');
    const other = await source('other-1');
    const retired = await source('retired-1', live);
    await query(
      `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
       VALUES ($1, 'source', 0, $2, 'a'), ($1, 'source', 1, $3, 'b'), ($1, 'via', 0, $4, 'c')`,
      [claim, retired, other, live],
    );
    expect(await linksOf(claim)).toEqual([
      { role: 'source', position: 0, source_id: live },
      { role: 'source', position: 1, source_id: other },
      { role: 'via', position: 0, source_id: live },
    ]);
  });

  it('moves a link updated to name a retired source', async () => {
    const live = await source('live-2');
    const retired = await source('retired-2', live);
    await query(`UPDATE claim_sources SET source_id = $2 WHERE claim_id = $1 AND position = 1`, [
      claim,
      retired,
    ]);
    expect((await linksOf(claim))[1]).toEqual({ role: 'source', position: 1, source_id: live });
  });

  it('moves aliases to the survivor, once where it has them already', async () => {
    const live = await source('live-3');
    const retired = await source('retired-3', live);
    await query(`INSERT INTO source_aliases (source_id, alias) VALUES ($1, 'shared')`, [live]);
    await query(
      `INSERT INTO source_aliases (source_id, alias)
       VALUES ($1, 'shared'), ($1, 'new'), ($2, 'own') ON CONFLICT DO NOTHING`,
      [retired, live],
    );
    expect(await aliasesOf(live)).toEqual(['new', 'own', 'shared']);
    expect(await aliasesOf(retired)).toEqual([]);

    const third = await source('live-3b');
    await query(`INSERT INTO source_aliases (source_id, alias) VALUES ($1, 'moved')`, [third]);
    await query(`UPDATE source_aliases SET source_id = $2 WHERE source_id = $1`, [third, retired]);
    expect(await aliasesOf(live)).toEqual(['moved', 'new', 'own', 'shared']);
    expect(await aliasesOf(retired)).toEqual([]);
  });

  it('sends a link written during a merge of its source to the survivor', async () => {
    const live = await source('live-4');
    const merging = await source('merging-4');
    const merger = db.dataSource.createQueryRunner();
    await merger.connect();
    try {
      // a merge in progress: the source locked and retired, not yet committed
      await merger.startTransaction();
      await merger.query(`SELECT id FROM sources WHERE id = $1 FOR UPDATE`, [merging]);
      await merger.query(`UPDATE sources SET merged_into = $2 WHERE id = $1`, [merging, live]);
      let written = false;
      const writing = query(
        `INSERT INTO claim_sources (claim_id, role, position, source_id, mention)
         VALUES ($1, 'source', 5, $2, 'd')`,
        [claim, merging],
      ).then(() => (written = true));
      // the write waits for the merge (the foreign key's check locks the source's row)
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(written).toBe(false);
      await merger.commitTransaction();
      await writing;
    } finally {
      await merger.release();
    }
    expect((await linksOf(claim)).find((l) => l.position === 5)).toEqual({
      role: 'source',
      position: 5,
      source_id: live,
    });
  });
});
