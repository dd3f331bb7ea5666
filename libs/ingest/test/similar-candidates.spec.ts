import fc from 'fast-check';
import { similarityBands, similarityKey } from '@claimtrail/attribution';
import { chooseLinks, planLinks, type ClaimBands } from '../src/similar-candidates';

// ids sort as their digits: '1…' < '2…'
const id = (n: number) => `${n}0000000-0000-4000-8000-000000000000`;
const claim = (n: number, bands: number[], articleId = `article ${n}`, key = ''): ClaimBands => ({
  claimId: id(n),
  articleId,
  key,
  bands,
});
const held = (entries: [number, number[]][]) =>
  new Map(entries.map(([band, ns]) => [band, ns.map(id)]));

describe('planLinks(): band places and candidates', () => {
  it('gives the free places of a band to the claims of the batch in id order', () => {
    const { joins } = planLinks(
      [claim(3, [7, 8]), claim(2, [7, 9]), claim(4, [7])],
      held([[7, [1]]]),
      2,
      3,
    );
    // band 7 had one claim: 2 takes the last place, 3 and 4 find it full
    expect(joins).toEqual([
      { band: 7, claimId: id(2) },
      { band: 9, claimId: id(2) },
      { band: 8, claimId: id(3) },
    ]);
  });

  it('keeps the first claims of a band that holds more than its places', () => {
    const { joins, candidates } = planLinks([claim(5, [7])], held([[7, [4, 1, 3]]]), 2, 3);
    expect(joins).toEqual([]);
    expect(candidates.get(id(5))).toEqual([id(1), id(3)]);
  });

  it('compares a claim with the claims of its bands, not itself, its article or later ids', () => {
    const { candidates } = planLinks(
      [claim(2, [7], 'a'), claim(3, [7], 'a'), claim(4, [8], 'b'), claim(5, [8], 'c')],
      held([[7, [1]]]),
      3,
      3,
    );
    // 3 shares its article with 2 (and 2 comes first); 5 is compared with 4, a smaller id of
    // the batch, and not 4 with 5; 1 is stored
    expect(candidates.get(id(2))).toEqual([id(1)]);
    expect(candidates.get(id(3))).toEqual([id(1)]);
    expect(candidates.get(id(4))).toBeUndefined();
    expect(candidates.get(id(5))).toEqual([id(4)]);
  });

  it('ranks candidates by shared bands, then by id, and keeps `compared`', () => {
    const { candidates } = planLinks(
      [claim(9, [1, 2, 3])],
      held([
        [1, [5, 6]],
        [2, [6, 7]],
        [3, [6, 4]],
      ]),
      2,
      2,
    );
    // 6 shares three bands; 4, 5 and 7 one each: the smallest id of those
    expect(candidates.get(id(9))).toEqual([id(6), id(4)]);
  });

  it('never gives a band more than its places, and no claim twice, whatever the batch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 4 }), {
          maxLength: 12,
        }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 10, max: 19 }))),
        (bandsOf, stored) => {
          const batch = bandsOf.map((bands, i) => claim(i + 20, bands, `a${i % 3}`));
          const before = new Map<number, string[]>();
          for (const [band, n] of stored)
            if (!before.get(band)?.includes(id(n)))
              before.set(band, [...(before.get(band) ?? []), id(n)]);
          const { joins, candidates } = planLinks(batch, before, 2, 3);
          for (let band = 0; band <= 6; band++) {
            const kept = Math.min(before.get(band)?.length ?? 0, 2);
            expect(kept + joins.filter((j) => j.band === band).length).toBeLessThanOrEqual(2);
          }
          for (const [n, ids] of candidates) {
            expect(new Set(ids).size).toBe(ids.length);
            expect(ids).not.toContain(n);
            expect(ids.length).toBeLessThanOrEqual(3);
          }
        },
      ),
    );
  });
});

describe('chooseLinks(): the closest candidates of other articles', () => {
  const key = similarityKey;
  const RAFAH = key('the Rafah border crossing would reopen to aid convoys within three days');
  const RAFAH_2 = key('the Rafah border crossing would reopen to aid convoys within 3 days');
  const RAFAH_3 = key('the Rafah border crossing would reopen to convoys within three days');
  const OTHER = key('heavy rain flooded the old market in Sidon overnight after the storm');

  it('links those at or above the threshold, closest first, at most `perClaim`', () => {
    const n = claim(9, similarityBands(RAFAH), 'new', RAFAH);
    const targets = new Map([
      [id(1), { articleId: 'x', key: RAFAH_2 }],
      [id(2), { articleId: 'y', key: RAFAH }],
      [id(3), { articleId: 'z', key: OTHER }],
      [id(4), { articleId: 'w', key: RAFAH_3 }],
    ]);
    const links = chooseLinks(
      [n],
      new Map([[n.claimId, [id(1), id(2), id(3), id(4)]]]),
      targets,
      0.6,
      2,
    );
    // identical 1; a word dropped 0.94; a digit for a word 0.91; another story 0.09
    expect(links.map((l) => [l.similarId, l.similarity])).toEqual([
      [id(2), 1],
      [id(4), Math.fround(61 / 65)],
    ]);
  });

  it('skips candidates of its own article and candidates that are gone', () => {
    const n = claim(9, [], 'same', RAFAH);
    const targets = new Map([[id(1), { articleId: 'same', key: RAFAH }]]);
    expect(chooseLinks([n], new Map([[n.claimId, [id(1), id(2)]]]), targets, 0.6, 3)).toEqual([]);
  });

  it('takes the smallest id first among candidates equally close', () => {
    const n = claim(9, [], 'new', RAFAH);
    const targets = new Map([
      [id(3), { articleId: 'x', key: RAFAH }],
      [id(1), { articleId: 'y', key: RAFAH }],
    ]);
    const links = chooseLinks([n], new Map([[n.claimId, [id(3), id(1)]]]), targets, 0.6, 1);
    expect(links).toEqual([{ claimId: n.claimId, similarId: id(1), similarity: 1 }]);
  });
});
