import { GroupCommit } from '../src/group-commit';

interface Call {
  claim: string;
  n: number;
}

/**
 * GroupCommit's batching, with a stand-in for the transaction: which calls share a write,
 * and that every caller gets its own outcome.
 */
describe('GroupCommit', () => {
  const recorder = () => {
    const writes: number[][] = [];
    const commits = new GroupCommit<Call, string>(
      (batch) => {
        writes.push(batch.map((c) => c.n));
        return Promise.resolve(
          batch.map((c) => (c.n % 2 === 0 ? `ok ${c.n}` : new Error(`refused ${c.n}`))),
        );
      },
      (c) => c.claim,
    );
    return { writes, commits };
  };

  it('writes the calls of one turn together, each caller getting its own outcome', async () => {
    const { writes, commits } = recorder();
    const outcomes = await Promise.allSettled(
      [0, 1, 2].map((n) => commits.run({ claim: `c${n}`, n })),
    );
    expect(writes).toEqual([[0, 1, 2]]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'ok 0' },
      { status: 'rejected', reason: new Error('refused 1') },
      { status: 'fulfilled', value: 'ok 2' },
    ]);
  });

  it('writes a second call on the same claim in a later round, after the first', async () => {
    const { writes, commits } = recorder();
    const outcomes = await Promise.all(
      [
        { claim: 'a', n: 0 },
        { claim: 'b', n: 2 },
        { claim: 'a', n: 4 },
        { claim: 'a', n: 6 },
      ].map((c) => commits.run(c)),
    );
    expect(writes).toEqual([[0, 2], [4], [6]]);
    expect(outcomes).toEqual(['ok 0', 'ok 2', 'ok 4', 'ok 6']);
  });

  it('fails the calls of a round whose write fails, and only those', async () => {
    const writes: string[][] = [];
    const commits = new GroupCommit<Call, string>(
      (batch) => {
        writes.push(batch.map((c) => c.claim));
        return writes.length === 1
          ? Promise.reject(new Error('the transaction failed'))
          : Promise.resolve(batch.map((c) => `ok ${c.n}`));
      },
      (c) => c.claim,
    );
    const outcomes = await Promise.allSettled([
      commits.run({ claim: 'a', n: 1 }),
      commits.run({ claim: 'b', n: 2 }),
      commits.run({ claim: 'a', n: 3 }),
    ]);
    expect(writes).toEqual([['a', 'b'], ['a']]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: new Error('the transaction failed') },
      { status: 'rejected', reason: new Error('the transaction failed') },
      { status: 'fulfilled', value: 'ok 3' },
    ]);
  });

  it('fills the next batch while one is being written', async () => {
    const writes: number[][] = [];
    let finishFirst: () => void = () => undefined;
    const firstWritten = new Promise<void>((resolve) => (finishFirst = resolve));
    const commits = new GroupCommit<Call, number>(
      async (batch) => {
        writes.push(batch.map((c) => c.n));
        if (writes.length === 1) await firstWritten;
        return batch.map((c) => c.n);
      },
      (c) => c.claim,
    );
    const first = commits.run({ claim: 'a', n: 1 });
    // let the first batch start, then send three more while it is in flight
    await new Promise((resolve) => setImmediate(resolve));
    const more = [2, 3, 4].map((n) => commits.run({ claim: `c${n}`, n }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([[1]]);
    finishFirst();
    expect(await Promise.all([first, ...more])).toEqual([1, 2, 3, 4]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });
});
