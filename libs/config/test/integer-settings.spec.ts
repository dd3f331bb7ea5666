import { ConfigError, loadConfig, type AppConfig } from '@claimtrail/config';

/** Settings that take a whole number within a range: default, bounds, and what is refused. */
const SETTINGS: {
  name: string;
  field: keyof AppConfig;
  byDefault: number;
  min: number;
  max: number;
  refused: string[];
}[] = [
  {
    name: 'REVIEW_LEASE_MS',
    field: 'reviewLeaseMs',
    byDefault: 600_000,
    min: 1_000,
    max: 86_400_000,
    refused: ['999', '86400001', '1500.5', 'ten minutes', '-1'],
  },
  {
    name: 'CLAIM_CACHE_MB',
    field: 'claimCacheMb',
    byDefault: 64,
    min: 1,
    max: 65_536,
    refused: ['0', '65537', '1.5', '64MB', '-1'],
  },
];

describe.each(SETTINGS)('$name', ({ name, field, byDefault, min, max, refused }) => {
  it(`defaults to ${byDefault} and takes whole numbers from ${min} to ${max}`, () => {
    expect(loadConfig({})[field]).toBe(byDefault);
    for (const value of [min, Math.round((min + max) / 2), max])
      expect(loadConfig({ [name]: String(value) })[field]).toBe(value);
  });

  it('refuses anything else with a message naming the variable and the range', () => {
    for (const value of refused) {
      expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name]: value })).toThrow(
        `${name} must be a whole number from ${min} to ${max} (got "${value}")`,
      );
    }
  });
});
