/**
 * Single-core throughput of extract() over a ≥ 20 MB corpus per language, next to a yardstick
 * of six plain regex passes over the same text, plus the cost per KB of one call at 10 KB,
 * 100 KB and 1 MB to show that cost grows linearly.
 *
 * Run: `npm run bench:extract [-- --strict]`. Table on stdout, progress on stderr. Exits 0
 * unless --strict is given and the Arabic target is missed or the cost grows superlinearly.
 * Times are process CPU time, as this shared machine often runs other work; the process is
 * single-threaded, apart from V8's background GC, which makes the figures slightly pessimistic.
 * No forced GC between runs: a full collection right before a short call made it 3-5x slower
 * (the young generation shrinks), which measured the collector rather than the engine.
 * Sizes are decimal: 1 KB = 1,000 UTF-8 bytes, 1 MB = 1,000,000.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { extract, type Language } from '@claimtrail/attribution';

const ARTICLES_DIR = join(__dirname, '../fixtures/dev-set/articles');
const CORPUS_BYTES = 20_000_000;
const RUNS = 3;
const TARGET_AR_MB_PER_S = 5;
const SIZES = [10_000, 100_000, 1_000_000];
const LINEAR_LIMIT = 2;
const LANGUAGES: Language[] = ['ar', 'en'];

/** Six global regexes typical of a text-scanning pass; the cost any engine must at least pay. */
const YARDSTICK: RegExp[] = [
  /[\u0621-\u064a\u0660-\u0669]+|[A-Za-z]+/g,
  /[0-9\u0660-\u0669]+/g,
  /["'«»“”‘’]/g,
  /[.!?؟]+/g,
  /\s+/g,
  /\b(?:said|told|added|stated|according to)\b|(?:قال|أكد|أضاف|أعلن|صرح|وفق)/g,
];

const progress = (message: string): boolean => process.stderr.write(`${message}\n`);
const mbPerS = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000);

function loadArticles(language: Language): string[] {
  return readdirSync(ARTICLES_DIR)
    .filter((name) => name.startsWith(`${language}-`) && name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(ARTICLES_DIR, name), 'utf8'));
}

/** Shifts every digit and appends an update note, so no two copies are byte-identical. */
function vary(text: string, copy: number, language: Language): string {
  const shifted = text.replace(/[0-9\u0660-\u0669]/g, (digit) => {
    const zero = digit >= '\u0660' ? 0x0660 : 0x30;
    return String.fromCharCode(zero + ((digit.charCodeAt(0) - zero + copy) % 10));
  });
  const note =
    language === 'ar'
      ? `وجرى تحديث هذا التقرير ${copy + 1} مرة.`
      : `This report was updated ${copy + 1} times.`;
  return `${shifted.trimEnd()}\n${note}\n`;
}

function buildCorpus(articles: string[], language: Language): { corpus: string[]; bytes: number } {
  const corpus: string[] = [];
  let bytes = 0;
  for (let copy = 0; bytes < CORPUS_BYTES; copy++) {
    for (const article of articles) {
      const text = vary(article, copy, language);
      corpus.push(text);
      bytes += Buffer.byteLength(text, 'utf8');
    }
  }
  return { corpus, bytes };
}

/** One long article made of body paragraphs (varied per round), cut at a paragraph boundary. */
function buildLongArticle(articles: string[], language: Language, bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let round = 0; size < bytes; round++) {
    for (const paragraph of articles.flatMap((a) => vary(a, round, language).split('\n'))) {
      if (paragraph.trim().length < 80 || size >= bytes) continue;
      paragraphs.push(paragraph);
      size += Buffer.byteLength(paragraph, 'utf8') + 1;
    }
  }
  return paragraphs.join('\n');
}

/** Sums the claim counts so the calls cannot be optimised away. */
function extractAll(texts: string[]): number {
  let claims = 0;
  for (const text of texts) claims += extract(text).claims.length;
  return claims;
}

function countMatches(text: string, regex: RegExp): number {
  const matches = text.matchAll(regex);
  let count = 0;
  while (!matches.next().done) count++;
  return count;
}

function yardstickAll(texts: string[]): number {
  let matches = 0;
  for (const regex of YARDSTICK) {
    for (const text of texts) matches += countMatches(text, regex);
  }
  return matches;
}

type Timing = { cpuMs: number; wallMs: number };

const median = (values: number[]): number =>
  values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Median process CPU time and wall time of RUNS runs. */
function timeRuns(run: () => number): Timing {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const [cpuStart, wallStart] = [process.cpuUsage(), performance.now()];
    run();
    wall.push(performance.now() - wallStart);
    const { user, system } = process.cpuUsage(cpuStart);
    cpu.push((user + system) / 1000);
  }
  return { cpuMs: median(cpu), wallMs: median(wall) };
}

function warmUp(articles: string[]): void {
  for (let pass = 0; pass < 15; pass++) {
    extractAll(articles);
    yardstickAll(articles);
  }
}

interface Report {
  language: Language;
  bytes: number;
  articles: number;
  engine: Timing;
  yardstick: Timing;
  /** Per size in SIZES: input bytes and the CPU time of one call. */
  calls: { bytes: number; ms: number }[];
}

function measure(language: Language): Report {
  const articles = loadArticles(language);
  progress(`[${language}] warming up on ${articles.length} articles…`);
  warmUp(articles);
  const { corpus, bytes } = buildCorpus(articles, language);
  progress(`[${language}] throughput over ${(bytes / 1e6).toFixed(1)} MB, ${RUNS} runs…`);
  const engine = timeRuns(() => extractAll(corpus));
  const yardstick = timeRuns(() => yardstickAll(corpus));
  const calls = SIZES.map((size) => {
    const text = buildLongArticle(articles, language, size);
    progress(`[${language}] one call on ${size / 1000} KB…`);
    extractAll([text]); // the first call on a new size is not timed
    const { cpuMs } = timeRuns(() => extractAll([text]));
    return { bytes: Buffer.byteLength(text, 'utf8'), ms: cpuMs };
  });
  return { language, bytes, articles: corpus.length, engine, yardstick, calls };
}

const engineMbPerS = (report: Report): number => mbPerS(report.bytes, report.engine.cpuMs);
const perKb = (call: { bytes: number; ms: number }): number => call.ms / (call.bytes / 1000);

/** Per-KB cost of the largest call over that of the smallest: 1 is linear. */
function growth({ calls }: Report): number {
  const [first, last] = [calls[0], calls[calls.length - 1]];
  return first && last ? perKb(last) / perKb(first) : NaN;
}

function table(header: string[], rows: string[][]): string[] {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]): string => row.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return all.map((row) => line(row).trimEnd());
}

function throughputTable(reports: Report[]): string[] {
  const header = ['lang', 'corpus MB', 'articles', 'engine MB/s', 'articles/s', 'wall MB/s'];
  header.push('yardstick MB/s', 'engine/yardstick', `target ≥${TARGET_AR_MB_PER_S} MB/s`);
  const rows = reports.map((r) => {
    const engine = engineMbPerS(r);
    const yardstick = mbPerS(r.bytes, r.yardstick.cpuMs);
    const verdict = engine >= TARGET_AR_MB_PER_S ? 'PASS' : 'FAIL';
    const perS = (r.articles / (r.engine.cpuMs / 1000)).toFixed(0);
    const cells = [r.language, (r.bytes / 1e6).toFixed(2), String(r.articles), engine.toFixed(2)];
    cells.push(perS, mbPerS(r.bytes, r.engine.wallMs).toFixed(2), yardstick.toFixed(1));
    return [...cells, (engine / yardstick).toFixed(3), r.language === 'ar' ? verdict : '-'];
  });
  return table(header, rows);
}

function scalingTable(reports: Report[]): string[] {
  const sizes = SIZES.map((size) => (size >= 1e6 ? `${size / 1e6} MB` : `${size / 1000} KB`));
  const header = ['lang', ...sizes.flatMap((s) => [`${s} ms`, 'ms/KB']), '1MB/10KB per-KB'];
  const rows = reports.map((r) => {
    const ratio = growth(r);
    const flag = ratio > LINEAR_LIMIT ? `SUPERLINEAR (>${LINEAR_LIMIT})` : 'linear';
    const cells = r.calls.flatMap((call) => [call.ms.toFixed(1), perKb(call).toFixed(3)]);
    return [r.language, ...cells, `${ratio.toFixed(2)} ${flag}`];
  });
  return table(header, rows);
}

function main(): void {
  const reports = LANGUAGES.map(measure);
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`extract() benchmark: Node ${process.version}, ${cpu}, 1 core (single-threaded)`);
  console.log(`median of ${RUNS} runs; yardstick = ${YARDSTICK.length} regex passes (matchAll)`);
  console.log(
    'figures use process CPU time (wall MB/s beside), so other load does not skew them\n',
  );
  console.log([...throughputTable(reports), '', ...scalingTable(reports)].join('\n'));
  const arabic = reports.find((r) => r.language === 'ar');
  const missed = !arabic || engineMbPerS(arabic) < TARGET_AR_MB_PER_S;
  const superlinear = reports.some((r) => growth(r) > LINEAR_LIMIT);
  if (process.argv.includes('--strict') && (missed || superlinear)) process.exitCode = 1;
}

main();
