import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '@claimtrail/config';

describe('export settings', () => {
  it('default to var/exports, the newsroom "claimtrail" and the local API', () => {
    const config = loadConfig({});
    expect(config.exportDir).toBe(resolve('var/exports'));
    expect(config.newsroom).toEqual({ name: 'claimtrail', url: 'http://localhost:3000' });
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
    expect(loadConfig({ PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
  });

  it('take EXPORT_DIR, NEWSROOM_NAME, NEWSROOM_URL and PUBLIC_BASE_URL (without a trailing slash)', () => {
    const config = loadConfig({
      EXPORT_DIR: '/srv/exports',
      NEWSROOM_NAME: '  Desk «Verify» ',
      NEWSROOM_URL: 'https://desk.example/',
      PUBLIC_BASE_URL: 'https://claims.example/',
    });
    expect(config.exportDir).toBe('/srv/exports');
    expect(config.newsroom).toEqual({ name: 'Desk «Verify»', url: 'https://desk.example' });
    expect(config.publicBaseUrl).toBe('https://claims.example');
    // the newsroom's site defaults to where claimtrail is reached
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://c.example' }).newsroom.url).toBe(
      'https://c.example',
    );
  });

  it('refuses URLs that are not http(s) and names that are blank or too long, naming each', () => {
    const load = () =>
      loadConfig({
        NEWSROOM_URL: 'ftp://desk.example',
        PUBLIC_BASE_URL: 'not a url',
        NEWSROOM_NAME: 'x'.repeat(201),
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/PUBLIC_BASE_URL is not a valid URL/);
    expect(load).toThrow(/NEWSROOM_URL must start with http:\/\/ or https:\/\//);
    expect(load).toThrow(/NEWSROOM_NAME must be 1 to 200 characters/);
    expect(() => loadConfig({ NEWSROOM_NAME: '   ' })).toThrow(/NEWSROOM_NAME/);
  });
});

describe('EXPORT_RETENTION', () => {
  const HOUR = 3_600_000;

  it('defaults to seven days and takes minutes, hours, days or weeks', () => {
    expect(loadConfig({}).exportRetentionMs).toBe(7 * 24 * HOUR);
    expect(loadConfig({ EXPORT_RETENTION: '12h' }).exportRetentionMs).toBe(12 * HOUR);
    expect(loadConfig({ EXPORT_RETENTION: ' 30m ' }).exportRetentionMs).toBe(HOUR / 2);
    expect(loadConfig({ EXPORT_RETENTION: '2w' }).exportRetentionMs).toBe(14 * 24 * HOUR);
    expect(loadConfig({ EXPORT_RETENTION: '3650d' }).exportRetentionMs).toBe(3650 * 24 * HOUR);
  });

  it.each([
    ['7', /EXPORT_RETENTION must be a duration: .*"12h" or "7d" .*\(got "7"\)/],
    ['7 days', /EXPORT_RETENTION must be a duration: .*\(got "7 days"\)/],
    ['1.5d', /EXPORT_RETENTION must be a duration: .*\(got "1.5d"\)/],
    ['-1d', /EXPORT_RETENTION must be a duration/],
    ['P7D', /EXPORT_RETENTION must be a duration/],
    ['0m', /EXPORT_RETENTION must be from 1 minute to 3650 days \(got "0m"\)/],
    ['3651d', /EXPORT_RETENTION must be from 1 minute to 3650 days \(got "3651d"\)/],
  ])('refuses %j at start with a message naming the variable', (value, message) => {
    expect(() => loadConfig({ EXPORT_RETENTION: value })).toThrow(ConfigError);
    expect(() => loadConfig({ EXPORT_RETENTION: value })).toThrow(message);
  });

  it('is listed with the other problems', () => {
    const load = () => loadConfig({ EXPORT_RETENTION: 'soon', REVERIFY_AFTER: 'true=x' });
    expect(load).toThrow(/EXPORT_RETENTION must be a duration/);
    expect(load).toThrow(/REVERIFY_AFTER must be "value=duration" pairs/);
  });
});
