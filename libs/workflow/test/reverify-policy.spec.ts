import { DEFAULT_REVERIFY_AFTER, loadConfig, REVERIFY_KEYS } from '@claimtrail/config';
import { ATTRIBUTIONS, VERACITIES } from '@claimtrail/persistence';
import { isoDuration, policyView, reverifyAtFor } from '@claimtrail/workflow';

const DAY = 86_400_000;
const now = new Date('2026-03-01T12:00:00.000Z');
const policyOf = (value: string) => loadConfig({ REVERIFY_AFTER: value }).reverifyAfter;

describe('re-verification policy', () => {
  it('covers exactly the verdict values of both axes', () => {
    expect([...REVERIFY_KEYS].sort()).toEqual([...VERACITIES, ...ATTRIBUTIONS].sort());
  });

  it('dates a verdict by its veracity under the default policy', () => {
    const policy = policyOf(DEFAULT_REVERIFY_AFTER);
    const due = (veracity: (typeof VERACITIES)[number]) =>
      reverifyAtFor(policy, { attribution: 'confirmed', veracity }, now)?.toISOString();
    expect(due('unverifiable')).toBe('2026-03-04T12:00:00.000Z');
    expect(due('misleading')).toBe('2026-03-15T12:00:00.000Z');
    expect(due('false')).toBe('2026-03-31T12:00:00.000Z');
    expect(due('mostly_true')).toBe('2026-04-30T12:00:00.000Z');
    expect(due('true')).toBe('2026-05-30T12:00:00.000Z');
  });

  it('gives no date to a verdict none of whose values has a delay', () => {
    const policy = policyOf('unverifiable=3d');
    expect(reverifyAtFor(policy, { attribution: 'confirmed', veracity: 'true' }, now)).toBeNull();
    expect(reverifyAtFor({}, { attribution: 'unconfirmed', veracity: 'false' }, now)).toBeNull();
  });

  it('takes the sooner of the veracity and the attribution delays', () => {
    const policy = policyOf('true=90d,unconfirmed=7d,misattributed=120d');
    expect(
      reverifyAtFor(policy, { attribution: 'unconfirmed', veracity: 'true' }, now)?.getTime(),
    ).toBe(now.getTime() + 7 * DAY);
    expect(
      reverifyAtFor(policy, { attribution: 'misattributed', veracity: 'true' }, now)?.getTime(),
    ).toBe(now.getTime() + 90 * DAY);
    expect(
      reverifyAtFor(policy, { attribution: 'unconfirmed', veracity: 'misleading' }, now)?.getTime(),
    ).toBe(now.getTime() + 7 * DAY);
  });

  it('shows durations as ISO 8601, in the largest exact unit', () => {
    expect(isoDuration(3 * DAY)).toBe('P3D');
    expect(isoDuration(14 * DAY)).toBe('P14D');
    expect(isoDuration(36 * 3_600_000)).toBe('PT36H');
    expect(isoDuration(90 * 60_000)).toBe('PT90M');
    expect(policyView(policyOf('true=2w,unverifiable=12h,unconfirmed=45m'))).toEqual({
      true: 'P14D',
      unverifiable: 'PT12H',
      unconfirmed: 'PT45M',
    });
  });
});
