import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import type { DataSource } from 'typeorm';
import { ClaimReadCache, ReadService } from '@claimtrail/ingest';
import {
  ALL_CLAIMS_CHANGED,
  CLAIM_CHANGES_APPLICATION_NAME,
  ClaimChangesListener,
  claimsChangedPayload,
  claimsChangedPayloads,
  notifyClaimsChanged,
  parseClaimsChangedPayload,
} from '@claimtrail/persistence';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';

const until = async (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function insertArticle(db: DataSource): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO articles (content_hash, text, status) VALUES ($1, 'text', 'extracted') RETURNING id`,
    [randomBytes(16).toString('hex')],
  );
  return row!.id;
}

async function insertClaim(
  db: DataSource | { query: DataSource['query'] },
  articleId: string,
  ordinal: number,
  text: string,
): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO claims (article_id, ordinal, text, start_offset, end_offset, sentence, type, cue, checkworthiness, language)
     VALUES ($1, $2, $3, 0, 4, 0, 'indirect', 'said', 0.5, 'en') RETURNING id`,
    [articleId, ordinal, text],
  );
  return row!.id;
}

/**
 * The claim read cache against the real Postgres: it serves what it kept only while its
 * LISTEN connection hears the change notifications, and never keeps an answer that a
 * committed change may have made stale.
 */
describe('the claim read cache', () => {
  let db: TestDatabase;
  let read: ReadService;
  let articleId: string;
  let claimId: string;
  let cache: ClaimReadCache;
  let listener: ClaimChangesListener;
  // what the listener reported, for the test to wait on
  const events = new EventEmitter();
  const heard: (readonly string[] | 'all')[] = [];
  const role = `ct_test_listener_${randomBytes(4).toString('hex')}`;

  const claimText = async (id = claimId) =>
    (JSON.parse((await cache.claim(id, () => read.claim(id))).toString()) as { text: string }).text;
  const listIds = async () =>
    (
      JSON.parse((await cache.list('all', () => read.claims({}, 50))).toString()) as {
        items: { id: string }[];
      }
    ).items.map((c) => c.id);
  /**
   * Commits `change` in a transaction of another connection that announces the claims it
   * returns (none: all claims), and waits until the listener has heard it.
   */
  const commitAndHear = async (
    change: (q: DataSource['query']) => string[] | Promise<string[]>,
  ) => {
    const from = heard.length;
    let ids: string[] = [];
    await db.dataSource.transaction(async (tx) => {
      ids = await change(tx.query.bind(tx));
      await notifyClaimsChanged(tx, ids);
    });
    await until('the notification', () =>
      heard
        .slice(from)
        .some((h) =>
          ids.length === 0 ? h === 'all' : h !== 'all' && ids.every((id) => h.includes(id)),
        ),
    );
  };
  const setText = (text: string) =>
    db.dataSource.query('UPDATE claims SET text = $2, updated_at = now() WHERE id = $1', [
      claimId,
      text,
    ]);

  beforeAll(async () => {
    db = await createTestDatabase('claim-read-cache');
    // the listener logs in as a role of its own, so that the test can keep it out
    await db.dataSource.query(`CREATE ROLE ${role} LOGIN`);
    read = new ReadService(db.dataSource);
    articleId = await insertArticle(db.dataSource);
    claimId = await insertClaim(db.dataSource, articleId, 0, 'first');
    cache = new ClaimReadCache({ maxBytes: 1 << 20, maxAgeMs: 600_000 });
    const url = new URL(db.url);
    url.username = role;
    listener = new ClaimChangesListener(
      url.toString(),
      {
        listening: () => {
          cache.listening();
          events.emit('listening');
        },
        changed: (ids) => {
          heard.push(ids);
          cache.changed(ids);
        },
        lost: () => {
          cache.lost();
          events.emit('lost');
        },
      },
      { retryMs: 20, maxRetryMs: 100 },
    );
    const listening = once(events, 'listening');
    listener.start();
    await listening;
  });
  afterAll(async () => {
    await listener?.stop();
    await db?.dataSource.query(`DROP ROLE IF EXISTS ${role}`);
    await db?.drop();
  });

  it('serves what it kept until a committed change is announced, then the new state', async () => {
    expect(cache.serving).toBe(true);
    expect(await claimText()).toBe('first');
    // changed without a notification: the kept answer is still served (it is a cache)
    await setText('unannounced');
    expect(await claimText()).toBe('first');

    // a rolled-back change announces nothing: notifications are delivered on commit only
    await db.dataSource
      .transaction(async (tx) => {
        await tx.query('UPDATE claims SET text = $2 WHERE id = $1', [claimId, 'rolled back']);
        await notifyClaimsChanged(tx, [claimId]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const otherId = await insertClaim(db.dataSource, articleId, 1, 'other');
    // notifications arrive in commit order: once this one is heard, a rolled-back one would be too
    await commitAndHear(() => [otherId]);
    expect(heard.some((h) => h !== 'all' && h.includes(claimId))).toBe(false);
    expect(await claimText()).toBe('first');

    // committed with a notification from another connection: the next read shows it
    await commitAndHear(async (q) => {
      await q('UPDATE claims SET text = $2 WHERE id = $1', [claimId, 'second']);
      return [claimId];
    });
    expect(await claimText()).toBe('second');
  });

  it('never keeps an answer read before a change that was announced while it loaded', async () => {
    await setText('before');
    await commitAndHear(() => [claimId]);
    let queried!: () => void;
    const hasQueried = new Promise<void>((r) => (queried = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const slow = cache.claim(claimId, async () => {
      const view = await read.claim(claimId);
      queried();
      await released;
      return view;
    });
    await hasQueried;
    await commitAndHear(async (q) => {
      await q('UPDATE claims SET text = $2 WHERE id = $1', [claimId, 'after']);
      return [claimId];
    });
    // a read that starts now does not wait for the load that began before the change
    expect(await claimText()).toBe('after');
    release();
    // the slow read answers what it read, and that answer replaces nothing
    expect((JSON.parse((await slow).toString()) as { text: string }).text).toBe('before');
    expect(await claimText()).toBe('after');
  });

  it('bypasses and forgets while its LISTEN connection is down, and caches again once back', async () => {
    await setText('kept');
    await commitAndHear(() => [claimId]);
    expect(await claimText()).toBe('kept');

    // keep the listener out, then cut its connection
    await db.dataSource.query(`ALTER ROLE ${role} NOLOGIN`);
    const lost = once(events, 'lost');
    const [killed] = await db.dataSource.query<{ ok: boolean }[]>(
      `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1`,
      [CLAIM_CHANGES_APPLICATION_NAME],
    );
    expect(killed?.ok).toBe(true);
    await lost;
    expect(cache.serving).toBe(false);
    // changes that nobody announces are read at once: nothing is served from memory
    await setText('while down');
    expect(await claimText()).toBe('while down');
    await setText('still down');
    expect(await claimText()).toBe('still down');

    const listening = once(events, 'listening');
    await db.dataSource.query(`ALTER ROLE ${role} LOGIN`);
    await listening;
    expect(cache.serving).toBe(true);
    expect(await claimText()).toBe('still down');
    await setText('unannounced again');
    // kept again: the answer from before this change is served
    expect(await claimText()).toBe('still down');
  });

  it('shows a new claim in a list once its creation is announced', async () => {
    const before = await listIds();
    const created = await insertClaim(db.dataSource, articleId, 99, 'unannounced');
    expect(await listIds()).toEqual(before);
    // as an extraction does: the claim and its announcement in one transaction
    let announced = '';
    await commitAndHear(async (q) => [
      (announced = await insertClaim({ query: q }, articleId, 100, 'new')),
    ]);
    const after = await listIds();
    expect(after).toHaveLength(before.length + 2);
    expect(after).toEqual(expect.arrayContaining([...before, created, announced]));
  });

  describe('answers that show other claims (as a claim shows its similar claims)', () => {
    let ordinal = 300;
    const claimNamed = (text: string) => insertClaim(db.dataSource, articleId, ordinal++, text);
    const silently = (id: string, text: string) =>
      db.dataSource.query('UPDATE claims SET text = $2 WHERE id = $1', [id, text]);
    const announce = (id: string, text: string) =>
      commitAndHear(async (q) => {
        await q('UPDATE claims SET text = $2 WHERE id = $1', [id, text]);
        return [id];
      });
    /**
     * The answer for `id` with the text of the claim it shows, as `cache.claim` gives it; a
     * load it starts waits at `gate` (if given) once it has read both claims.
     */
    const answer = async (id: string, shown: string, gate?: Gate) => {
      const bytes = await cache.claim(
        id,
        async () => {
          const [claim, other] = await Promise.all([read.claim(id), read.claim(shown)]);
          if (gate) {
            gate.reached();
            await gate.open;
          }
          return { text: claim.text, shown: { id: shown, text: other.text } };
        },
        (a) => [a.shown.id],
      );
      const parsed = JSON.parse(bytes.toString()) as { text: string; shown: { text: string } };
      return `${parsed.text} / ${parsed.shown.text}`;
    };

    it('drop an answer when a claim it shows changes, and only those answers', async () => {
      const [a, b, c] = [await claimNamed('a1'), await claimNamed('b1'), await claimNamed('c1')];
      const showing = await answer(a, b);
      expect(showing).toBe('a1 / b1');
      const plain = async () => await claimText(c);
      expect(await plain()).toBe('c1');
      // unannounced changes: both answers are kept
      await silently(a, 'a2');
      await silently(b, 'b2');
      await silently(c, 'c2');
      expect(await answer(a, b)).toBe('a1 / b1');
      expect(await plain()).toBe('c1');
      // b announced: the answer showing it is dropped, the other one kept
      await announce(b, 'b3');
      expect(await answer(a, b)).toBe('a2 / b3');
      expect(await plain()).toBe('c1');
    });

    it('forget what an answer showed once it is replaced by one that shows other claims', async () => {
      const [a, b, d] = [await claimNamed('a1'), await claimNamed('b1'), await claimNamed('d1')];
      expect(await answer(a, b)).toBe('a1 / b1');
      await announce(a, 'a2');
      // now a shows d, not b (its similar claims changed)
      expect(await answer(a, d)).toBe('a2 / d1');
      await silently(a, 'a3');
      await announce(b, 'b2');
      // a change of b no longer concerns the answer kept for a
      expect(await answer(a, d)).toBe('a2 / d1');
      await announce(d, 'd2');
      expect(await answer(a, d)).toBe('a3 / d2');
    });

    it('never keep an answer that shows a claim announced as changed while it loaded', async () => {
      const [a, b, e] = [await claimNamed('a1'), await claimNamed('b1'), await claimNamed('e1')];
      let gate = new Gate();
      let slow = answer(a, b, gate);
      await gate.isReached;
      // a change of a claim the answer does not show: the answer is kept
      await announce(e, 'e2');
      gate.release();
      expect(await slow).toBe('a1 / b1');
      await silently(b, 'b2');
      expect(await answer(a, b)).toBe('a1 / b1');

      await announce(a, 'a2');
      gate = new Gate();
      slow = answer(a, b, gate);
      await gate.isReached;
      // the load has read b: b changes, the change is announced, then the load ends
      await announce(b, 'b3');
      gate.release();
      // it answers what it read, and is not kept: the next read shows b as it is now
      expect(await slow).toBe('a2 / b2');
      expect(await answer(a, b)).toBe('a2 / b3');
    });
  });
});

/** Where a load waits for the test: `isReached` once it got there, then `release` lets it go. */
class Gate {
  reached!: () => void;
  release!: () => void;
  readonly isReached = new Promise<void>((r) => (this.reached = r));
  readonly open = new Promise<void>((r) => (this.release = r));
}

describe('claim change payloads', () => {
  it('name the ids when they fit in a NOTIFY payload, and "all" otherwise', () => {
    const ids = ['8a6e0a3c-1d1b-4c4e-9f0e-2b7f1f0f6a11', 'A1B2C3D4-0000-4000-8000-000000000001'];
    expect(parseClaimsChangedPayload(claimsChangedPayload(ids))).toEqual([
      ids[0],
      ids[1]!.toLowerCase(),
    ]);
    expect(claimsChangedPayload([])).toBe(ALL_CLAIMS_CHANGED);
    expect(parseClaimsChangedPayload(claimsChangedPayload())).toBe('all');
    const many = Array.from({ length: 300 }, () => ids[0]!.replace(/^.{8}/, randomHex(8)));
    expect(claimsChangedPayload(many)).toBe(ALL_CLAIMS_CHANGED);
    expect(claimsChangedPayload(many.slice(0, 200))).not.toBe(ALL_CLAIMS_CHANGED);
  });

  it('slice a large change into payloads that each fit, naming every id once', () => {
    const many = Array.from({ length: 450 }, () => randomUUID());
    const payloads = claimsChangedPayloads([...many, ...many.slice(0, 10)]);
    expect(payloads).toHaveLength(3);
    for (const p of payloads) expect(p).not.toBe(ALL_CLAIMS_CHANGED);
    expect(payloads.flatMap((p) => parseClaimsChangedPayload(p) as string[])).toEqual(many);
    expect(claimsChangedPayloads([])).toEqual([ALL_CLAIMS_CHANGED]);
    // beyond 16 payloads, one that means "all"
    const huge = Array.from({ length: 16 * 200 + 1 }, () => randomUUID());
    expect(claimsChangedPayloads(huge)).toEqual([ALL_CLAIMS_CHANGED]);
  });
});

const randomHex = (n: number) => randomBytes(n).toString('hex').slice(0, n);
