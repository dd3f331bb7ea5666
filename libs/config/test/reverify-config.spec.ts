import { ConfigError, loadConfig } from '@claimtrail/config';

const DAY = 86_400_000;

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('the configuration was accepted');
};

describe('REVERIFY_AFTER', () => {
  it('defaults to unverifiable 3 days, misleading 14, false 30, mostly true 60, true 90', () => {
    expect(loadConfig({}).reverifyAfter).toEqual({
      unverifiable: 3 * DAY,
      misleading: 14 * DAY,
      false: 30 * DAY,
      mostly_true: 60 * DAY,
      true: 90 * DAY,
    });
  });

  it('takes value=duration pairs in minutes, hours, days or weeks, for veracity and attribution values', () => {
    expect(
      loadConfig({ REVERIFY_AFTER: ' unverifiable = 12h , unconfirmed=2w,true=30m,false=1d ' })
        .reverifyAfter,
    ).toEqual({ unverifiable: 12 * 3_600_000, unconfirmed: 14 * DAY, true: 1_800_000, false: DAY });
  });

  it('"none" turns automatic dates off; a value not listed gets none', () => {
    expect(loadConfig({ REVERIFY_AFTER: 'none' }).reverifyAfter).toEqual({});
    expect(loadConfig({ REVERIFY_AFTER: 'false=7d' }).reverifyAfter).toEqual({ false: 7 * DAY });
  });

  it.each([
    [
      'unverifiable:3d',
      /REVERIFY_AFTER must be "value=duration" pairs .* \(got "unverifiable:3d"\)/,
    ],
    ['unverifiable=3', /REVERIFY_AFTER must be "value=duration" pairs .* \(got "unverifiable=3"\)/],
    ['unverifiable=3d,', /REVERIFY_AFTER must be "value=duration" pairs .* \(got ""\)/],
    ['unverifiable=1.5d', /REVERIFY_AFTER must be "value=duration" pairs/],
    [
      'untrue=3d',
      /REVERIFY_AFTER names "untrue", which is not a verdict value \(one of true, mostly_true, misleading, false, unverifiable, confirmed, misattributed, unconfirmed\)/,
    ],
    ['true=3d,true=4d', /REVERIFY_AFTER gives "true" twice/],
    ['true=0d', /REVERIFY_AFTER gives "true" 0d; a duration must be from 1 minute to 3650 days/],
    [
      'true=3651d',
      /REVERIFY_AFTER gives "true" 3651d; a duration must be from 1 minute to 3650 days/,
    ],
  ])('refuses %j with a message naming the variable and the part', (value, message) => {
    expect(problemsOf({ REVERIFY_AFTER: value })).toMatch(message);
  });

  it('lists every problem at once, with the other variables', () => {
    const message = problemsOf({ REVERIFY_AFTER: 'soon=1d,true=x', REVERIFY_CRON: 'never' });
    expect(message).toMatch(/names "soon"/);
    expect(message).toMatch(/got "true=x"/);
    expect(message).toMatch(/REVERIFY_CRON/);
  });
});

describe('REVERIFY_CRON', () => {
  it('defaults to every five minutes and takes 5- or 6-field patterns and shorthands', () => {
    expect(loadConfig({}).reverifyCron).toBe('*/5 * * * *');
    for (const pattern of ['0 3 * * *', '*/10 * * * * *', '@hourly', '15 */2 * * 1-5'])
      expect(loadConfig({ REVERIFY_CRON: pattern }).reverifyCron).toBe(pattern);
  });

  it.each([
    [
      'every 5 minutes',
      /REVERIFY_CRON is not a valid cron pattern \(got "every 5 minutes"\): has 3 fields/,
    ],
    [
      '* * *',
      /has 3 fields; a cron pattern has 5 \(minute hour day month weekday\) or 6 \(seconds first\)/,
    ],
    ['* * * * * * *', /has 7 fields/],
    ['61 * * * *', /REVERIFY_CRON is not a valid cron pattern \(got "61 \* \* \* \*"\): .*59/],
    ['*/0 * * * *', /REVERIFY_CRON is not a valid cron pattern/],
    ['0 0 30 2 *', /REVERIFY_CRON is not a valid cron pattern \(got "0 0 30 2 \*"\)/],
    ['@sometimes', /REVERIFY_CRON is not a valid cron pattern \(got "@sometimes"\)/],
  ])('refuses %j with a message naming the variable', (value, message) => {
    expect(problemsOf({ REVERIFY_CRON: value })).toMatch(message);
  });
});
