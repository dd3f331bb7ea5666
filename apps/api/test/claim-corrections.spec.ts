import { ApiKeyService } from '@claimtrail/ingest';
import { startApi, type ApiHarness } from './support/api-harness';
import { ClaimChangesHeard } from './support/claim-changes-heard';
import { anyString, containing, matching } from './support/matchers';
import { json, ReviewKit } from './support/review-kit';

interface ClaimBody {
  id: string;
  text: string;
  start: number;
  end: number;
  type: string;
  status: string;
  version: number;
  sources: { id: string; name: string; mention: string }[];
  via: { id: string; name: string; mention: string }[];
}

/**
 * Editors correcting claims: who made them, who relayed them, their span and type, with
 * optimistic locking on the claim's version, on articles extracted by the real engine.
 */
describe('correcting a claim (PATCH /claims/:id)', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  let changes: ClaimChangesHeard;
  let n = 0;

  /** PATCH /claims/:id with the editor's key, or another key given. */
  const patch = (claimId: string, payload: object, key = api.keys.editor) =>
    api.app.inject({
      method: 'PATCH',
      url: `/claims/${claimId}`,
      headers: { authorization: `Bearer ${key}` },
      payload,
    });
  const sourceNamed = async (name: string) =>
    (
      await api.db.dataSource.query<{ id: string }[]>('SELECT id FROM sources WHERE name = $1', [
        name,
      ])
    )[0]!.id;
  const stored = async (claimId: string) =>
    (
      await api.db.dataSource.query<
        { version: number; type: string; text: string; start: number; end: number }[]
      >(
        'SELECT version, type, text, start_offset AS start, end_offset AS "end" FROM claims WHERE id = $1',
        [claimId],
      )
    )[0]!;
  const corrections = (claimId: string) =>
    api.db.dataSource.query<{ actor: string; before: unknown; after: unknown }[]>(
      `SELECT actor, before, after FROM audit_events
       WHERE entity_id = $1 AND action = 'claim.corrected' ORDER BY seq`,
      [claimId],
    );
  /** One claim of a fresh article, made by a minister of its own. */
  const oneClaim = async () => (await kit.ingest(kit.oneClaimArticle()))[0]!;

  beforeAll(async () => {
    api = await startApi('claim-corrections');
    kit = new ReviewKit(api);
    changes = await ClaimChangesHeard.on(api.db.url);
  });
  afterAll(async () => {
    await changes?.close();
    await kit?.close();
    await api?.close();
  });

  it('changes sources, relays, span and type, answers the claim at version + 1 and records it', async () => {
    n += 1;
    const article = [
      `Port report ${n}`,
      'Spokesman Omar Haddad said on Monday that 3 convoys crossed the border.',
      'Governor Lena Marsh told Reuters on Wednesday that the port was closed.',
    ].join('\n');
    await kit.ingest(article);
    const [{ id: first }] = await api.db.dataSource.query<[{ id: string }]>(
      `SELECT id FROM claims WHERE text = '3 convoys crossed the border'`,
    );
    const [omar, lena, reuters] = await Promise.all(
      ['Omar Haddad', 'Lena Marsh', 'Reuters'].map(sourceNamed),
    );
    const before = await stored(first);
    const sentence = 'Spokesman Omar Haddad said on Monday that 3 convoys crossed the border';
    const start = article.indexOf(sentence);
    await changes.all([first]);
    changes.forget();

    const res = await patch(first, {
      version: 1,
      sources: [lena],
      via: [reuters],
      start,
      end: start + sentence.length,
      type: 'mixed',
    });

    expect(res.statusCode).toBe(200);
    expect(json<ClaimBody>(res)).toMatchObject({
      id: first,
      version: 2,
      text: sentence,
      start,
      end: start + sentence.length,
      type: 'mixed',
      status: 'queued',
      // how the article writes them nearest the claim
      sources: [{ id: lena, name: 'Lena Marsh', mention: 'Governor Lena Marsh' }],
      via: [{ id: reuters, name: 'Reuters', mention: 'Reuters' }],
    });
    expect(await corrections(first)).toEqual([
      {
        actor: `key:${api.keyIds.editor}`,
        before: {
          version: 1,
          type: 'indirect',
          start: before.start,
          end: before.end,
          text: '3 convoys crossed the border',
          sources: [omar],
          via: [],
        },
        after: {
          version: 2,
          type: 'mixed',
          start,
          end: start + sentence.length,
          text: sentence,
          sources: [lena],
          via: [reuters],
        },
      },
    ]);
    // the API's read caches hear of it when it commits
    await changes.all([first]);

    // fields not given stay; a source the claim already cited keeps its mention
    const again = await patch(first, { version: 2, sources: [omar, lena] });
    expect(again.statusCode).toBe(200);
    expect(json<ClaimBody>(again)).toMatchObject({
      version: 3,
      text: sentence,
      type: 'mixed',
      sources: [
        { id: omar, mention: 'Spokesman Omar Haddad' },
        { id: lena, mention: 'Governor Lena Marsh' },
      ],
      via: [{ id: reuters }],
    });
    // track records follow the references
    const record = await kit.as('reviewer', 'GET', `/sources/${lena}`);
    expect(json<{ trackRecord: { claims: number } }>(record).trackRecord.claims).toBe(2);
  });

  it('refuses a stale version with 409 and the current version, writing nothing', async () => {
    const claim = await oneClaim();
    expect((await patch(claim, { version: 1, type: 'direct_quote' })).statusCode).toBe(200);

    const stale = await patch(claim, { version: 1, type: 'mixed' });

    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: matching(/is at version 2, not 1/),
      currentVersion: 2,
    });
    expect(await stored(claim)).toMatchObject({ version: 2, type: 'direct_quote' });
    expect(await corrections(claim)).toHaveLength(1);
  });

  it('lets exactly one of two editors patching the same version win; the other gets 409', async () => {
    const other = await api.app.get(ApiKeyService).create('second editor', 'editor', 'system:test');
    for (let round = 0; round < 5; round += 1) {
      const claim = await oneClaim();
      const [a, b] = await Promise.all([
        patch(claim, { version: 1, type: 'mixed' }),
        patch(claim, { version: 1, type: 'direct_quote' }, other.secret),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
      expect(json(lost)).toMatchObject({ statusCode: 409, currentVersion: 2 });
      expect(await stored(claim)).toMatchObject({
        version: 2,
        type: json<ClaimBody>(won).type,
      });
      expect(await corrections(claim)).toHaveLength(1);
    }
  });

  it('lets one of many concurrent patches of one version through', async () => {
    const claim = await oneClaim();
    const answers = await Promise.all(
      ['mixed', 'direct_quote', 'unattributed', 'mixed', 'direct_quote', 'unattributed'].map(
        (type) => patch(claim, { version: 1, type }),
      ),
    );
    const statuses = answers.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await stored(claim)).toMatchObject({ version: 2 });
    expect(await corrections(claim)).toHaveLength(1);
  });

  it('answers 400 naming the field for invalid corrections, and changes nothing', async () => {
    const claim = await oneClaim();
    const { text: articleText } = (
      await api.db.dataSource.query<{ text: string }[]>(
        'SELECT a.text FROM articles a JOIN claims c ON c.article_id = a.id WHERE c.id = $1',
        [claim],
      )
    )[0]!;
    const unknown = '0b7e6a3c-8f64-4c1e-9d8e-5a1f2b3c4d5e';
    const cases: [object, RegExp][] = [
      [{ type: 'mixed' }, /version must be an integer/],
      [{ version: '1', type: 'mixed' }, /version must be an integer/],
      [{ version: 0, type: 'mixed' }, /version must not be less than 1/],
      [{ version: 1 }, /at least one of sources, via, start, end, type/],
      [{ version: 1, type: 'opinion' }, /type must be one of the following values/],
      [{ version: 1, start: -1 }, /start must not be less than 0/],
      [{ version: 1, start: 1.5 }, /start must be an integer/],
      [{ version: 1, end: articleText.length + 1 }, /^end must be at most \d+, the length/],
      [{ version: 1, start: 0, end: 0 }, /end must not be less than 1/],
      [{ version: 1, start: 5, end: 3 }, /^start must be less than end \(3\)$/],
      [
        { version: 1, sources: [unknown] },
        new RegExp(`^sources names unknown sources: ${unknown}$`),
      ],
      [{ version: 1, via: ['nope'] }, /each value in via must be a source id/],
      [{ version: 1, sources: 'x' }, /sources must be an array/],
      [{ version: 1, sources: [unknown, unknown] }, /sources must not name a source twice/],
      [{ version: 1, text: 'rewritten' }, /property text should not exist/],
    ];
    for (const [body, message] of cases) {
      const res = await patch(claim, body);
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expect(json<{ message: string }>(res).message).toMatch(message);
    }
    expect(await stored(claim)).toMatchObject({ version: 1 });
    expect(await corrections(claim)).toEqual([]);
  });

  it('answers 404 for a claim that does not exist and 400 for an id that is no UUID', async () => {
    const missing = await patch('6f1c7c4e-2d2a-4b8e-9c1f-0a1b2c3d4e5f', {
      version: 1,
      type: 'mixed',
    });
    expect(missing.statusCode).toBe(404);
    expect(json(missing)).toMatchObject({ error: 'Not Found', message: anyString });
    const bad = await patch('claim-1', { version: 1, type: 'mixed' });
    expect(json(bad)).toMatchObject({ statusCode: 400, message: 'id must be a UUID' });
  });

  it('leaves the review alone: a leased claim is corrected and stays leased', async () => {
    await oneClaim();
    const lease = json<{ claim: { id: string; version: number } }>(
      await kit.as('reviewer', 'POST', '/review/lease', {}),
    );
    const claim = lease.claim.id;
    const earlier = (await corrections(claim)).length;
    const res = await patch(claim, { version: lease.claim.version, type: 'unattributed' });
    expect(json<ClaimBody>(res)).toMatchObject({
      status: 'in_review',
      type: 'unattributed',
      version: lease.claim.version + 1,
    });
    expect((await corrections(claim)).slice(earlier)).toEqual([
      containing({ after: containing({ type: 'unattributed' }) }),
    ]);
  });
});
