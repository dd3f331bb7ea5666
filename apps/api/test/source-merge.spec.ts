import type { LightMyRequestResponse } from 'fastify';
import { startApi, type ApiHarness } from './support/api-harness';
import { ClaimChangesHeard } from './support/claim-changes-heard';
import { anyString } from './support/matchers';
import { json, ReviewKit } from './support/review-kit';

interface SourceBody {
  id: string;
  name: string;
  aliases: string[];
  trackRecord: { claims: number; reviewed: number };
}

interface Ref {
  role: string;
  position: number;
  source_id: string;
  mention: string;
}

/**
 * Speakers whose names the engine reads as people, each test its own: any ten in a row
 * differ in first and in last name (10 and 11 have no common divisor).
 */
const FIRST = ['Omar', 'Lena', 'Karim', 'Nadia', 'Yusuf', 'Hana', 'Sami', 'Dina', 'Rami', 'Mona'];
const LAST = [
  'Haddad',
  'Marsh',
  'Calder',
  'Khoury',
  'Saleh',
  'Aziz',
  'Farah',
  'Nasser',
  'Rook',
  'Bishara',
  'Tamimi',
];

/**
 * Merging registry sources on articles extracted by the real engine: claims and aliases
 * move, track records follow, the merged source is retired so later articles and old ids
 * reach the survivor, and concurrent merges neither deadlock nor lose references.
 */
describe('merging sources (POST /sources/:id/merge)', () => {
  let api: ApiHarness;
  let kit: ReviewKit;
  let changes: ClaimChangesHeard;
  let people = 0;
  let days = 0;

  const merge = (id: string, intoId: unknown, role: 'editor' | 'reviewer' = 'editor') =>
    api.call(role, { method: 'POST', url: `/sources/${id}/merge`, payload: { intoId } });
  const source = async (id: string) =>
    json<SourceBody>(await api.call('reviewer', { method: 'GET', url: `/sources/${id}` }));
  const query = <T>(sql: string, values: unknown[] = []) =>
    api.db.dataSource.query<T[]>(sql, values);
  const sourceNamed = async (name: string) =>
    (await query<{ id: string }>('SELECT id FROM sources WHERE name = $1', [name]))[0]!.id;
  const refsOf = (claimId: string) =>
    query<Ref>(
      `SELECT role, position, source_id, mention FROM claim_sources WHERE claim_id = $1
       ORDER BY role, position`,
      [claimId],
    );
  const claimsCiting = async (sourceId: string) =>
    (
      await query<{ claim_id: string }>(
        'SELECT DISTINCT claim_id FROM claim_sources WHERE source_id = $1 ORDER BY claim_id',
        [sourceId],
      )
    ).map((r) => r.claim_id);
  /** References to retired sources: there must never be any. */
  const refsToRetired = async () =>
    Number(
      (
        await query<{ n: string }>(
          `SELECT count(*) AS n FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
           WHERE s.merged_into IS NOT NULL`,
        )
      )[0]!.n,
    );
  /** A new person's name. */
  const person = () => {
    people += 1;
    return `${FIRST[people % FIRST.length]} ${LAST[people % LAST.length]}`;
  };
  /** An article in which each speaker makes one claim; returns the claims in speaker order. */
  const article = async (...speakers: string[]) => {
    const lines = speakers.map((s) => {
      days += 1;
      return `Spokesman ${s} said on day ${days} that ${days} convoys crossed the border.`;
    });
    await kit.ingest(`Border report ${days}\n${lines.join('\n')}`);
    return Promise.all(
      lines.map(
        async (line) =>
          (
            await query<{ id: string }>('SELECT id FROM claims WHERE text = $1', [
              line.slice(line.indexOf(' that ') + 6, -1),
            ])
          )[0]!.id,
      ),
    );
  };

  beforeAll(async () => {
    api = await startApi('source-merge');
    kit = new ReviewKit(api);
    changes = await ClaimChangesHeard.on(api.db.url);
  });
  afterAll(async () => {
    await changes?.close();
    await kit?.close();
    await api?.close();
  });

  it('moves claims and aliases to the survivor, whose track record counts them; the merged one is retired', async () => {
    const [omar, umar] = [person(), person()];
    const [o1, u1, o2] = await article(omar, umar, omar);
    const [u2] = await article(umar);
    const [from, into] = await Promise.all([sourceNamed(umar), sourceNamed(omar)]);
    expect((await source(into)).trackRecord.claims).toBe(2);
    await changes.all([u1!, u2!]);
    changes.forget();

    const res = await merge(from, into);

    expect(res.statusCode).toBe(200);
    const survivor = json<SourceBody>(res);
    expect(survivor).toMatchObject({ id: into, name: omar, trackRecord: { claims: 4 } });
    expect(survivor.aliases).toEqual(
      expect.arrayContaining([omar, `Spokesman ${omar}`, umar, `Spokesman ${umar}`]),
    );
    expect(await source(into)).toEqual(survivor);
    expect(await claimsCiting(into)).toEqual([o1, o2, u1, u2].sort());
    expect(await claimsCiting(from)).toEqual([]);
    // the claims keep how their article named the speaker
    expect(await refsOf(u1!)).toEqual([
      { role: 'source', position: 0, source_id: into, mention: `Spokesman ${umar}` },
    ]);
    const claims = json<{ items: { id: string }[] }>(
      await api.call('reviewer', { method: 'GET', url: `/claims?sourceId=${into}&limit=10` }),
    );
    expect(claims.items.map((c) => c.id).sort()).toEqual([o1, o2, u1, u2].sort());
    expect(
      await query(
        'SELECT merged_into FROM sources WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM source_aliases WHERE source_id = $1)',
        [from],
      ),
    ).toEqual([{ merged_into: into }]);
    expect(
      await query(
        'SELECT actor, before, after FROM audit_events WHERE entity_id = $1 AND action = $2',
        [from, 'source.merged'],
      ),
    ).toEqual([
      {
        actor: `key:${api.keyIds.editor}`,
        before: {
          name: umar,
          kind: 'person',
          anonymous: false,
          aliases: [`Spokesman ${umar}`, umar].sort(),
          mergedInto: null,
        },
        after: { mergedInto: into, claims: [u1, u2].sort(), retirees: [] },
      },
    ]);
    // the read caches hear of the claims whose references moved
    await changes.all([u1!, u2!]);
  });

  it('leaves one reference where a claim cited both, in the first one’s place', async () => {
    const [a, b, c] = [person(), person(), person()];
    const [claim] = await article(a, b, c);
    const [idA, idB, idC] = await Promise.all([a, b, c].map(sourceNamed));
    const patched = await api.call('editor', {
      method: 'PATCH',
      url: `/claims/${claim}`,
      payload: { version: 1, sources: [idB, idC, idA], via: [idA] },
    });
    expect(patched.statusCode).toBe(200);

    expect((await merge(idB!, idA)).statusCode).toBe(200);

    expect(await refsOf(claim!)).toEqual([
      { role: 'source', position: 0, source_id: idA, mention: `Spokesman ${b}` },
      { role: 'source', position: 1, source_id: idC, mention: `Spokesman ${c}` },
      { role: 'via', position: 0, source_id: idA, mention: `Spokesman ${a}` },
    ]);
    // a merge changes references, not the claim: its version stays for editors
    expect(await query('SELECT version FROM claims WHERE id = $1', [claim])).toEqual([
      { version: 2 },
    ]);
  });

  it('sends later mentions and old ids of the merged source to the survivor', async () => {
    const [keep, drop] = [person(), person()];
    await article(keep, drop);
    const [into, from] = await Promise.all([sourceNamed(keep), sourceNamed(drop)]);
    expect((await merge(from, into)).statusCode).toBe(200);

    // a later article names the merged source: its registry entry leads to the survivor
    const [later] = await article(drop);
    expect(await refsOf(later!)).toEqual([
      { role: 'source', position: 0, source_id: into, mention: `Spokesman ${drop}` },
    ]);
    expect(await query('SELECT id FROM sources WHERE name = $1', [drop])).toEqual([{ id: from }]);
    expect((await source(into)).trackRecord.claims).toBe(3);

    // an editor holding the old id corrects a claim with it
    const [other] = await article(person());
    const res = await api.call('editor', {
      method: 'PATCH',
      url: `/claims/${other}`,
      payload: { version: 1, sources: [from] },
    });
    expect(json<{ sources: { id: string; name: string }[] }>(res).sources).toEqual([
      { id: into, name: keep, mention: keep },
    ]);
  });

  it('answers 400, 404 and 409 for merges that cannot be', async () => {
    const [a, b, c] = [person(), person(), person()];
    await article(a, b, c);
    const [idA, idB, idC] = await Promise.all([a, b, c].map(sourceNamed));
    const missing = '6f1c7c4e-2d2a-4b8e-9c1f-0a1b2c3d4e5f';
    const errors: [Promise<LightMyRequestResponse>, number, RegExp][] = [
      [merge(idA!, idA), 400, /^intoId must name another source than the merged one$/],
      [merge(idA!, idA!.toUpperCase()), 400, /^intoId must name another source/],
      [merge(idA!, 'B'), 400, /^intoId must be a UUID$/],
      [merge(idA!, undefined), 400, /intoId must be a UUID/],
      [merge('source-a', idB), 400, /^id must be a UUID$/],
      [merge(missing, idB), 404, new RegExp(`^source ${missing} not found$`)],
      [merge(idA!, missing), 404, new RegExp(`^source ${missing} \\(intoId\\) not found$`)],
    ];
    for (const [answer, status, message] of errors) {
      const res = await answer;
      expect(res.statusCode).toBe(status);
      expect(json<{ message: string }>(res).message).toMatch(message);
    }

    expect((await merge(idA!, idB)).statusCode).toBe(200);
    // the same merge again changes nothing and answers the survivor
    const again = await merge(idA!, idB);
    expect(again.statusCode).toBe(200);
    expect(json<SourceBody>(again).id).toBe(idB);
    // a retired source can go nowhere else, and nothing can go into it
    const elsewhere = await merge(idA!, idC);
    expect(json(elsewhere)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: `source ${idA} was merged into ${idB} already`,
    });
    const intoRetired = await merge(idC!, idA);
    expect(intoRetired.statusCode).toBe(409);
    expect(json<{ message: string }>(intoRetired).message).toMatch(`merge into that one`);
    expect(
      await query(
        'SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = $2',
        [idA, 'source.merged'],
      ),
    ).toEqual([{ n: 1 }]);
    expect((await merge(idA!, idB, 'reviewer')).statusCode).toBe(403);
    expect(json(await merge(missing, idB))).toMatchObject({
      error: 'Not Found',
      message: anyString,
    });
  });

  it('re-points sources merged earlier, so every retired source leads to a live one', async () => {
    const [a, b, c] = [person(), person(), person()];
    const claims = await article(a, b, c);
    const [idA, idB, idC] = await Promise.all([a, b, c].map(sourceNamed));
    expect((await merge(idA!, idB)).statusCode).toBe(200);
    expect((await merge(idB!, idC)).statusCode).toBe(200);

    expect(
      await query('SELECT id, merged_into FROM sources WHERE id = ANY($1) ORDER BY name', [
        [idA, idB],
      ]),
    ).toEqual(
      expect.arrayContaining([
        { id: idA, merged_into: idC },
        { id: idB, merged_into: idC },
      ]),
    );
    expect(await claimsCiting(idC!)).toEqual([...claims].sort());
    expect((await source(idC!)).trackRecord.claims).toBe(3);
    const [later] = await article(a);
    expect((await refsOf(later!))[0]!.source_id).toBe(idC);
  });

  it('lets one of two opposite concurrent merges win, with no reference lost', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [p, q] = [person(), person()];
      const claims = [...(await article(p, q)), ...(await article(q))];
      const [idP, idQ] = await Promise.all([sourceNamed(p), sourceNamed(q)]);

      const answers = await Promise.all([merge(idP, idQ), merge(idQ, idP)]);

      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const survivor = json<SourceBody>(answers.find((r) => r.statusCode === 200)!);
      expect(survivor.trackRecord.claims).toBe(3);
      expect(await claimsCiting(survivor.id)).toEqual([...claims].sort());
    }
    expect(await refsToRetired()).toBe(0);
  });

  it('settles a storm of concurrent merges among ten sources without a deadlock or a lost claim', async () => {
    const names = Array.from({ length: 10 }, person);
    const claims = await article(...names);
    const ids = await Promise.all(names.map(sourceNamed));

    // a ring (each into the next) and a star (each into the first), all at once
    const answers = await Promise.all([
      ...ids.map((id, i) => merge(id, ids[(i + 1) % ids.length])),
      ...ids.slice(1).map((id) => merge(id, ids[0])),
    ]);

    for (const r of answers) expect([200, 409]).toContain(r.statusCode);
    expect(await refsToRetired()).toBe(0);
    const live = await query<{ id: string }>(
      'SELECT id FROM sources WHERE id = ANY($1) AND merged_into IS NULL',
      [ids],
    );
    const cited = (await Promise.all(live.map((s) => claimsCiting(s.id)))).flat();
    expect(cited.sort()).toEqual([...claims].sort());
    expect(
      await query(
        `SELECT r.id FROM sources r JOIN sources s ON s.id = r.merged_into WHERE s.merged_into IS NOT NULL`,
      ),
    ).toEqual([]);
  });

  it('and a correction racing a merge of the source it names ends on the survivor', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [keep, drop, other] = [person(), person(), person()];
      const [claim] = await article(other, keep, drop);
      const [into, from] = await Promise.all([sourceNamed(keep), sourceNamed(drop)]);
      const [corrected, merged] = await Promise.all([
        api.call('editor', {
          method: 'PATCH',
          url: `/claims/${claim}`,
          payload: { version: 1, sources: [from] },
        }),
        merge(from, into),
      ]);
      expect([corrected.statusCode, merged.statusCode]).toEqual([200, 200]);
      expect((await refsOf(claim!)).map((r) => r.source_id)).toEqual([into]);
    }
    expect(await refsToRetired()).toBe(0);
  });
});
