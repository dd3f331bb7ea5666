import { ConfigError, loadConfig } from '@claimtrail/config';

describe('REVIEW_LEASE_MS', () => {
  it('defaults to ten minutes and takes whole milliseconds from one second to a day', () => {
    expect(loadConfig({}).reviewLeaseMs).toBe(600_000);
    expect(loadConfig({ REVIEW_LEASE_MS: '1000' }).reviewLeaseMs).toBe(1_000);
    expect(loadConfig({ REVIEW_LEASE_MS: '86400000' }).reviewLeaseMs).toBe(86_400_000);
  });

  it('refuses anything else with a message naming the variable and the range', () => {
    for (const value of ['999', '86400001', '1500.5', 'ten minutes', '-1']) {
      expect(() => loadConfig({ REVIEW_LEASE_MS: value })).toThrow(ConfigError);
      expect(() => loadConfig({ REVIEW_LEASE_MS: value })).toThrow(
        `REVIEW_LEASE_MS must be a whole number from 1000 to 86400000 (got "${value}")`,
      );
    }
  });
});
