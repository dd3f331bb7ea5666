import { mergeRefs, type ClaimRef } from '@claimtrail/workflow';

const ref = (claimId: string, role: ClaimRef['role'], position: number, sourceId: string) => ({
  claimId,
  role,
  position,
  sourceId,
  mention: `${sourceId}@${position}`,
});

describe('references once a source is merged into another', () => {
  it('name the survivor instead, positions and mentions unchanged', () => {
    expect(mergeRefs([ref('c1', 'source', 0, 'X'), ref('c1', 'via', 0, 'R')], 'X', 'Y')).toEqual([
      { ...ref('c1', 'source', 0, 'X'), sourceId: 'Y' },
      ref('c1', 'via', 0, 'R'),
    ]);
  });

  it('keep one reference, the first, where a claim cited both in one role, renumbered without gaps', () => {
    const refs = [
      ref('c1', 'source', 2, 'Z'),
      ref('c1', 'source', 0, 'Y'),
      ref('c1', 'source', 1, 'X'),
      ref('c1', 'via', 0, 'X'),
      ref('c2', 'source', 0, 'X'),
      ref('c2', 'source', 1, 'Y'),
    ];
    expect(mergeRefs(refs, 'X', 'Y')).toEqual([
      ref('c1', 'source', 0, 'Y'),
      { ...ref('c1', 'source', 2, 'Z'), position: 1 },
      { ...ref('c1', 'via', 0, 'X'), sourceId: 'Y' },
      { ...ref('c2', 'source', 0, 'X'), sourceId: 'Y' },
    ]);
  });

  it('leave references to other sources alone', () => {
    const refs = [ref('c1', 'source', 0, 'A'), ref('c1', 'source', 1, 'B')];
    expect(mergeRefs(refs, 'X', 'Y')).toEqual(refs);
  });
});
