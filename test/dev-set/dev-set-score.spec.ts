import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extract } from '@claimtrail/attribution';

/**
 * Scores the engine on the annotated dev set and on the project's reference article with
 * the shared scorer (shared/tools/score-attribution.mjs), the same tool and standard as
 * `npm run score`. The floors are the levels the engine has reached: a change that makes
 * attribution worse fails here.
 */
const ROOT = resolve(__dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const DEV_SET = join(ROOT, 'test/fixtures/dev-set');

const FLOORS = { ar: 0.8, en: 0.81, reference: 0.95 };

interface Summary {
  articles: number;
  attribution: { f1: number };
  contractViolations: number;
}

function score(goldFiles: string[], articlesDir: string): Summary {
  const work = mkdtempSync(join(tmpdir(), 'claimtrail-score-'));
  try {
    const gold = join(work, 'gold');
    const pred = join(work, 'pred');
    mkdirSync(gold);
    mkdirSync(pred);
    for (const file of goldFiles) {
      const name = file.split('/').pop()!;
      symlinkSync(file, join(gold, name));
      const { article } = JSON.parse(readFileSync(file, 'utf8')) as { article: string };
      const text = readFileSync(join(articlesDir, article), 'utf8');
      writeFileSync(
        join(pred, article.replace(/\.[^.]+$/, '.json')),
        JSON.stringify(extract(text)),
      );
    }
    const out = execFileSync(
      process.execPath,
      [
        join(SHARED, 'tools/score-attribution.mjs'),
        '--gold',
        gold,
        '--pred',
        pred,
        '--articles',
        articlesDir,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    return JSON.parse(out) as Summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const goldOf = (prefix: string): string[] =>
  readdirSync(join(DEV_SET, 'gold'))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.json'))
    .map((f) => join(DEV_SET, 'gold', f));

describe('attribution quality, scored by the shared scorer', () => {
  it('has a dev set of at least 15 Arabic and 15 English annotated articles', () => {
    expect(goldOf('ar-').length).toBeGreaterThanOrEqual(15);
    expect(goldOf('en-').length).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ['Arabic', 'ar-', FLOORS.ar],
    ['English', 'en-', FLOORS.en],
  ])('keeps %s attribution F1 at or above its floor', (_language, prefix, floor) => {
    const summary = score(goldOf(prefix), join(DEV_SET, 'articles'));
    expect(summary.contractViolations).toBe(0);
    expect(summary.attribution.f1).toBeGreaterThanOrEqual(floor);
  });

  it('scores the reference article at F1 95 or more', () => {
    const gold = readdirSync(join(SHARED, 'fixtures/gold')).map((f) =>
      join(SHARED, 'fixtures/gold', f),
    );
    const summary = score(gold, join(SHARED, 'fixtures/articles'));
    expect(summary.attribution.f1).toBeGreaterThanOrEqual(FLOORS.reference);
  });
});
