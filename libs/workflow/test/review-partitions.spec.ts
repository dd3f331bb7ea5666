import { randomUUID } from 'node:crypto';
import {
  assignedPartition,
  deskKey,
  leaseCandidates,
  parsePartition,
  partitionOf,
  poolPartition,
} from '@claimtrail/workflow';

describe('review partitions', () => {
  it('take a desk to be the outlet, whatever its case, Unicode form or spacing', () => {
    expect(deskKey('The National')).toBe(deskKey('  the   NATIONAL '));
    expect(deskKey('الشرق الأوسط')).toBe(deskKey('الشرق   الأوسط'));
    // NFKC: a full-width name is the same outlet
    expect(deskKey('ＢＢＣ')).toBe(deskKey('bbc'));
    expect(deskKey('The National')).not.toBe(deskKey('The Nation'));
    expect(deskKey(null)).toBeNull();
    expect(deskKey('   ')).toBeNull();
    expect(deskKey('Reuters')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('name every claim a queue BullMQ accepts, and read the name back', () => {
    const reviewer = randomUUID();
    for (const [claim, expected] of [
      [
        { language: 'en', outlet: null, assignedTo: null },
        { kind: 'pool', language: 'en', desk: null },
      ],
      [
        { language: 'ar', outlet: 'بغداد اليوم', assignedTo: null },
        { kind: 'pool', language: 'ar', desk: deskKey('بغداد اليوم') },
      ],
      [
        { language: 'ar', outlet: 'x', assignedTo: reviewer },
        { kind: 'assigned', reviewerId: reviewer },
      ],
    ] as const) {
      const name = partitionOf(claim);
      expect(name).not.toContain(':');
      expect(parsePartition(name)).toEqual({ name, ...expected });
    }
    expect(parsePartition('review')).toEqual({ kind: 'unrouted', name: 'review' });
    for (const name of ['extract', 'review.', 'review.en.XYZ', 'review.@nobody', 'review.english'])
      expect(parsePartition(name)).toBeUndefined();
  });

  it('lease from the caller’s own partition and the pool partitions the filter allows', () => {
    const me = randomUUID();
    const names = [
      poolPartition('en', null),
      poolPartition('en', 'The National'),
      poolPartition('ar', 'The National'),
      poolPartition('ar', 'Asharq'),
      assignedPartition(randomUUID()),
      assignedPartition(me),
      'review',
    ];
    const pool = (filter: object) => leaseCandidates(names, filter, me).pool.sort();
    expect(leaseCandidates(names, {}, me).own).toBe(assignedPartition(me));
    expect(pool({})).toEqual([names[0], names[1], names[2], names[3], 'review'].sort());
    expect(pool({ language: 'en' })).toEqual([names[0], names[1]].sort());
    expect(pool({ desk: 'the national' })).toEqual([names[1], names[2]].sort());
    expect(pool({ desk: 'The National', language: 'ar' })).toEqual([names[2]]);
    expect(pool({ desk: 'Nobody' })).toEqual([]);
  });
});
