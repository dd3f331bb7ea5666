import { DomainError } from '@claimtrail/ingest';
import { ATTRIBUTIONS, VERACITIES } from '@claimtrail/persistence';
import { checkVerdict, needsRationale } from '@claimtrail/workflow';

const now = new Date('2026-06-01T00:00:00Z');

describe('verdict rules', () => {
  it('ask for a rationale on every verdict but confirmed and true', () => {
    for (const attribution of ATTRIBUTIONS)
      for (const veracity of VERACITIES) {
        const exempt = attribution === 'confirmed' && veracity === 'true';
        expect(needsRationale({ attribution, veracity })).toBe(!exempt);
        const check = () => checkVerdict({ attribution, veracity, rationale: ' \n ' }, now);
        if (exempt) expect(check).not.toThrow();
        else expect(check).toThrow(/rationale is required unless/);
        expect(() => checkVerdict({ attribution, veracity, rationale: 'why' }, now)).not.toThrow();
      }
  });

  it('want re-verification in the future, as invalid input', () => {
    const verdict = { attribution: 'confirmed', veracity: 'true' } as const;
    expect(() =>
      checkVerdict({ ...verdict, reverifyAt: new Date('2027-01-01') }, now),
    ).not.toThrow();
    for (const reverifyAt of [now, new Date('2020-01-01')]) {
      let error: unknown;
      try {
        checkVerdict({ ...verdict, reverifyAt }, now);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({
        code: 'invalid_input',
        message: 'reverifyAt must be in the future',
      });
    }
  });
});
