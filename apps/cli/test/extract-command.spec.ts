import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ExtractionResult } from '@claimtrail/attribution';
import {
  decodeArticle,
  DEFAULT_MAX_BYTES,
  InputError,
  readArticle,
} from '../src/extract/read-article';
import { formatTextReport } from '../src/extract/text-report';

/**
 * The extract command as a user runs it: a real process, real files, real stdin. Each spawn
 * costs about half a second, so every case that can share a process does.
 */

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const MAIN = join(ROOT, 'apps/cli/src/main.ts');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function claimtrail(args: string[], input?: string | Buffer): Run {
  const r = spawnSync(TSX, [MAIN, 'extract', ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input: one line on stderr, exit status 1, nothing on stdout. */
function expectRefused(run: Run, why: RegExp): void {
  expect(run.stdout).toBe('');
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(why);
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
}

/** A usage error: commander's message on stderr, status 2, nothing on stdout. */
function expectUsageError(run: Run, option: string): void {
  expect(run.stdout).toBe('');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain(option);
}

const ARABIC_ARTICLE = [
  'عودة العبّارة بين صور وقبرص بعد توقف دام شهرين',
  'قال مصدر في المرفأ لوكالة رويترز إن العبّارة ستبحر مساء الأحد وعلى متنها 200 راكب.',
  'وأضاف المصدر أن "الرحلة ستستغرق ثماني ساعات".',
  'ذكرت صحيفة ذا ناشيونال أن شركة الملاحة ستضيف رحلة ثانية في أيار.',
  '',
].join('\n');

const ENGLISH_ARTICLE = [
  'Ferry service between Tyre and Cyprus resumes after two months',
  'A port official told Reuters the ferry would sail on Sunday evening with 200 passengers.',
  '"The crossing will take eight hours," the official said.',
  '',
].join('\n');

const CLAIM_KEYS = [
  'checkworthiness',
  'cue',
  'end',
  'sentence',
  'sources',
  'start',
  'text',
  'type',
  'via',
];
const SOURCE_KINDS = [
  'outlet',
  'person',
  'person_group',
  'official_group',
  'government',
  'organization',
  'agency',
  'unknown',
];

/** Parses stdout as the one JSON object of the contract and checks its shape and offsets. */
function parseContract(stdout: string, input: string): ExtractionResult {
  expect(stdout.endsWith('}\n')).toBe(true);
  const result = JSON.parse(stdout) as ExtractionResult;
  expect(Object.keys(result).sort()).toEqual(['claims', 'language', 'sources']);
  expect(['ar', 'en']).toContain(result.language);
  for (const source of result.sources) {
    expect(Object.keys(source).sort()).toEqual(['anonymous', 'id', 'kind', 'mentions', 'name']);
    expect(typeof source.id).toBe('string');
    expect(typeof source.name).toBe('string');
    expect(SOURCE_KINDS).toContain(source.kind);
    expect([true, false, null]).toContain(source.anonymous);
    for (const m of source.mentions) {
      expect(Object.keys(m).sort()).toEqual(['end', 'start', 'text']);
      expect(input.slice(m.start, m.end)).toBe(m.text);
    }
  }
  const ids = new Set(result.sources.map((s) => s.id));
  expect(ids.size).toBe(result.sources.length);
  for (const claim of result.claims) {
    expect(Object.keys(claim).sort()).toEqual(CLAIM_KEYS);
    expect(input.slice(claim.start, claim.end)).toBe(claim.text);
    expect(Number.isInteger(claim.sentence)).toBe(true);
    expect(['direct_quote', 'indirect', 'mixed', 'unattributed']).toContain(claim.type);
    expect(claim.cue === null || typeof claim.cue === 'string').toBe(true);
    expect(claim.checkworthiness).toBeGreaterThanOrEqual(0);
    expect(claim.checkworthiness).toBeLessThanOrEqual(1);
    for (const ref of [...claim.sources, ...claim.via]) {
      expect(Object.keys(ref).sort()).toEqual(['id', 'mention', 'name']);
      expect(ids.has(ref.id)).toBe(true);
    }
  }
  return result;
}

let dir: string;
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrail-extract-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('claimtrail extract (as a process)', () => {
  it('prints one JSON object of the contract for an article file', () => {
    const run = claimtrail([file('ferry-ar.txt', ARABIC_ARTICLE)]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = parseContract(run.stdout, ARABIC_ARTICLE);
    expect(result.language).toBe('ar');
    const relayed = result.claims.find((c) => c.text.startsWith('العبّارة ستبحر'));
    expect(relayed).toMatchObject({ type: 'indirect', cue: 'قال' });
    expect(relayed?.via.map((v) => v.name)).toEqual(['Reuters']);
    expect(relayed?.sources.map((s) => s.mention)).toEqual(['مصدر في المرفأ']);
    const quoted = result.claims.find((c) => c.type === 'direct_quote');
    expect(quoted?.text).toBe('الرحلة ستستغرق ثماني ساعات');
    // «المصدر» refers back to the port source of the paragraph before
    expect(quoted?.sources[0]?.id).toBe(relayed?.sources[0]?.id);
  });

  it("reads standard input for '-'", () => {
    const run = claimtrail(['-'], ENGLISH_ARTICLE);
    expect(run.status).toBe(0);
    const result = parseContract(run.stdout, ENGLISH_ARTICLE);
    expect(result.language).toBe('en');
    expect(result.claims.map((c) => c.text)).toContain(
      'the ferry would sail on Sunday evening with 200 passengers',
    );
  });

  it('takes --lang over language detection', () => {
    const run = claimtrail([file('ferry-ar-as-en.txt', ARABIC_ARTICLE), '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(parseContract(run.stdout, ARABIC_ARTICLE).language).toBe('en');
  });

  it('indexes a file with a byte-order mark and CRLF lines exactly as read', () => {
    const text = '\ufeff' + ENGLISH_ARTICLE.replace(/\n/g, '\r\n');
    const run = claimtrail([file('ferry-bom-crlf.txt', text)]);
    expect(run.status).toBe(0);
    const result = parseContract(run.stdout, text);
    expect(result.claims.length).toBeGreaterThanOrEqual(3);
    for (const c of result.claims) expect(c.text).not.toMatch(/[\r\n\ufeff]/);
  });

  it('prints a report for people with --format text', () => {
    const run = claimtrail([file('ferry-text.txt', ARABIC_ARTICLE), '--format', 'text']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const out = run.stdout;
    expect(() => JSON.parse(out) as unknown).toThrow();
    expect(out).not.toMatch(/^\s*[{[]/);
    expect(out).not.toContain('"start"');
    expect(out).toMatch(/^Language: ar\s+Claims: 4 \(3 attributed\)\s+Sources: 3$/m);
    // each source listed once, with its kind
    const sourceLines = out.split('\n').filter((l) => /^ {2}\[s\d+\] /.test(l));
    expect(sourceLines).toHaveLength(3);
    expect(sourceLines.filter((l) => l.includes('Reuters (agency)'))).toHaveLength(1);
    expect(sourceLines.filter((l) => l.includes('The National (outlet)'))).toHaveLength(1);
    // claims with type, source, cue, check-worthiness; the relay on its own line
    expect(out).toMatch(/^ {2}2\. indirect — .+ \[s\d+\] — cue «قال» — check-worthiness 0\.\d\d$/m);
    expect(out).toMatch(/^ {5}via: Reuters \[s\d+\]$/m);
    expect(out).toMatch(/^ {2}3\. direct quote — /m);
    expect(out).toMatch(/^ {2}1\. outlet's own voice — the outlet — /m);
    expect(out).toContain('     الرحلة ستستغرق ثماني ساعات\n');
  });

  it('prints an empty result for text with no claim in it', () => {
    const run = claimtrail(['-'], 'Will the ferry sail on Sunday?\n');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ language: 'en', claims: [], sources: [] });
  });

  describe('refuses bad input with one line on stderr', () => {
    it('a missing file', () => {
      expectRefused(claimtrail([join(dir, 'no-such-article.txt')]), /no such file/);
    });

    it('a directory', () => {
      const sub = join(dir, 'a-directory');
      mkdirSync(sub);
      expectRefused(claimtrail([sub]), /directory/);
    });

    // root reads any file whatever its mode, so the case only means something for others
    const asRoot = process.getuid?.() === 0;
    (asRoot ? it.skip : it)('an unreadable file', () => {
      const path = file('locked.txt', ENGLISH_ARTICLE);
      chmodSync(path, 0o000);
      try {
        expectRefused(claimtrail([path]), /permission denied/);
      } finally {
        chmodSync(path, 0o600);
      }
    });

    it('an empty file', () => {
      expectRefused(claimtrail([file('empty.txt', '')]), /empty/);
    });

    it('a file of whitespace only', () => {
      expectRefused(claimtrail([file('blank.txt', ' \n\t\r\n\u00a0 \n')]), /empty/);
    });

    it('invalid UTF-8', () => {
      const bytes = Buffer.concat([
        Buffer.from('The ferry sailed '),
        Buffer.from([0xc3, 0x28, 0xff]),
      ]);
      expectRefused(claimtrail([file('latin1.txt', bytes)]), /UTF-8/);
    });

    it('binary content', () => {
      const bytes = Buffer.concat([Buffer.from('The ferry sailed.'), Buffer.from([0, 1, 2, 0])]);
      expectRefused(claimtrail([file('binary.bin', bytes)]), /binary/);
    });

    it('empty standard input', () => {
      expectRefused(claimtrail(['-'], ''), /standard input is empty/);
    });

    it('standard input over --max-bytes', () => {
      expectRefused(claimtrail(['-', '--max-bytes', '1kb'], ENGLISH_ARTICLE.repeat(20)), /limit/);
    });
  });

  describe('size limit', () => {
    // a sentence and blank lines: just over 5 MB on disk, but cheap to extract once allowed
    let big: string;
    beforeAll(() => {
      const head = 'The port authority said the ferry would sail on Sunday.\n';
      big = file('big.txt', head + '\n'.repeat(DEFAULT_MAX_BYTES + 1 - Buffer.byteLength(head)));
    });

    it('refuses input over 5 MB', () => {
      expectRefused(claimtrail([big]), /over the 5 MB limit.*--max-bytes/);
    });

    it('accepts it with --max-bytes 10mb', () => {
      const run = claimtrail([big, '--max-bytes', '10mb']);
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as ExtractionResult;
      expect(result.claims.map((c) => c.text)).toEqual(['the ferry would sail on Sunday']);
    });

    it('rejects a size it cannot read as a usage error', () => {
      expectUsageError(claimtrail([big, '--max-bytes', 'nonsense']), '--max-bytes');
    });
  });

  it('rejects an unknown --lang as a usage error', () => {
    expectUsageError(claimtrail([file('lang.txt', ENGLISH_ARTICLE), '--lang', 'xx']), '--lang');
  });
});

describe('decodeArticle()', () => {
  const decode = (bytes: Buffer | string, max = DEFAULT_MAX_BYTES) =>
    decodeArticle(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, 'utf8'), 'the file', max);

  it('keeps a byte-order mark, so offsets index what a reader of the file sees', () => {
    const text = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('نص.')]));
    expect(text).toBe('\ufeffنص.');
  });

  it('accepts CRLF text unchanged', () => {
    expect(decode('Headline\r\nBody text.\r\n')).toBe('Headline\r\nBody text.\r\n');
  });

  it('accepts tabs, form feeds and a rare stray control character', () => {
    const text = 'Body\ttext.\f' + 'x'.repeat(200) + '\u0007';
    expect(decode(text)).toBe(text);
  });

  it('refuses text that is mostly control characters as binary', () => {
    expect(() => decode('ab\u0001\u0002\u0003cd')).toThrow(/binary/);
  });

  it('refuses NUL bytes, invalid UTF-8 and overlong sequences', () => {
    expect(() => decode(Buffer.from([0x41, 0x00, 0x42]))).toThrow(/binary/);
    expect(() => decode(Buffer.from([0x41, 0xfe, 0x42]))).toThrow(/UTF-8/);
    expect(() => decode(Buffer.from([0xc0, 0xaf]))).toThrow(/UTF-8/);
    // a truncated Arabic letter at the end of the input
    expect(() => decode(Buffer.from([...Buffer.from('نص'), 0xd8]))).toThrow(/UTF-8/);
  });

  it('refuses empty text, whitespace and a lone byte-order mark', () => {
    for (const s of ['', ' \n\t ', '\ufeff', '\ufeff\r\n']) {
      expect(() => decode(s)).toThrow(InputError);
      expect(() => decode(s)).toThrow(/empty/);
    }
  });

  it('refuses more bytes than the limit, counting bytes, not characters', () => {
    const arabic = 'ن'.repeat(600); // 1,200 bytes
    expect(() => decode(arabic, 1024)).toThrow(/over the 1 KB limit/);
    expect(decode(arabic, 1200)).toBe(arabic);
  });
});

describe('readArticle()', () => {
  let readDir: string;
  beforeAll(() => {
    readDir = mkdtempSync(join(tmpdir(), 'claimtrail-read-'));
  });
  afterAll(() => rmSync(readDir, { recursive: true, force: true }));

  it('reads a UTF-8 file as it is', () => {
    const path = join(readDir, 'a.txt');
    writeFileSync(path, '\ufeffعنوان\r\nنص.');
    expect(readArticle(path, DEFAULT_MAX_BYTES)).toBe('\ufeffعنوان\r\nنص.');
  });

  it('names the file and the reason when it cannot read it', () => {
    const missing = join(readDir, 'missing.txt');
    expect(() => readArticle(missing, DEFAULT_MAX_BYTES)).toThrow(
      new InputError(`cannot read ${missing}: no such file`),
    );
    expect(() => readArticle(readDir, DEFAULT_MAX_BYTES)).toThrow(/it is a directory/);
  });

  it('refuses a file over the limit from its size', () => {
    const path = join(readDir, 'big.txt');
    writeFileSync(path, 'x'.repeat(3000));
    expect(() => readArticle(path, 2048)).toThrow(/3 KB, over the 2 KB limit/);
  });
});

describe('formatTextReport()', () => {
  const result: ExtractionResult = {
    language: 'en',
    claims: [
      {
        text: 'Ferry service resumes',
        start: 0,
        end: 21,
        sentence: 0,
        type: 'unattributed',
        cue: null,
        sources: [],
        via: [],
        checkworthiness: 0.2,
      },
      {
        text: 'the ferry would sail on Sunday',
        start: 40,
        end: 70,
        sentence: 1,
        type: 'indirect',
        cue: 'told',
        sources: [{ id: 's1', name: 'port official', mention: 'A port official' }],
        via: [{ id: 's2', name: 'Reuters', mention: 'Reuters' }],
        checkworthiness: 0.634,
      },
      {
        text: 'the crossing was delayed',
        start: 80,
        end: 104,
        sentence: 2,
        type: 'indirect',
        cue: 'reported',
        sources: [],
        via: [],
        checkworthiness: 1,
      },
      {
        text: 'We will sail',
        start: 110,
        end: 122,
        sentence: 3,
        type: 'direct_quote',
        cue: 'said',
        sources: [
          { id: 's1', name: 'port official', mention: 'the official' },
          { id: 's3', name: 'Tyre', mention: 'Tyre' },
        ],
        via: [],
        checkworthiness: 0.5,
      },
    ],
    sources: [
      {
        id: 's1',
        name: 'port official',
        kind: 'person',
        anonymous: true,
        mentions: [
          { start: 22, end: 37, text: 'A port official' },
          { start: 90, end: 102, text: 'the official' },
          { start: 130, end: 142, text: 'the official' },
        ],
      },
      {
        id: 's2',
        name: 'Reuters',
        kind: 'agency',
        anonymous: false,
        mentions: [{ start: 38, end: 45, text: 'Reuters' }],
      },
      { id: 's3', name: 'Tyre', kind: 'government', anonymous: null, mentions: [] },
    ],
  };
  const report = formatTextReport(result);
  const lines = report.split('\n');

  it('starts with the language and the counts', () => {
    expect(lines[0]).toBe('Language: en   Claims: 4 (2 attributed)   Sources: 3');
  });

  it('lists each source once with its kind, anonymity and distinct mentions', () => {
    expect(report).toContain(
      '  [s1] port official (person, anonymous)\n       as: A port official · the official\n',
    );
    expect(report).toContain('  [s2] Reuters (agency)\n       as: Reuters\n');
    expect(report).toContain('  [s3] Tyre (government, anonymity unclear)\n');
    expect(lines.filter((l) => l.startsWith('  [s1]'))).toHaveLength(1);
  });

  it('shows each claim with its type, attribution, cue, relay and score', () => {
    expect(report).toContain(
      "  1. outlet's own voice — the outlet — check-worthiness 0.20\n     Ferry service resumes\n",
    );
    expect(report).toContain(
      '  2. indirect — port official [s1] — cue «told» — check-worthiness 0.63\n     via: Reuters [s2]\n     the ferry would sail on Sunday\n',
    );
    expect(report).toContain(
      '  3. indirect — unnamed (agentless) — cue «reported» — check-worthiness 1.00\n',
    );
    expect(report).toContain('  4. direct quote — port official [s1] + Tyre [s3] — cue «said»');
    expect(report.match(/via:/g)).toHaveLength(1);
  });

  it('says so when there are no claims, and has no source section without sources', () => {
    const empty = formatTextReport({ language: 'ar', claims: [], sources: [] });
    expect(empty).toBe(
      'Language: ar   Claims: 0 (0 attributed)   Sources: 0\n\nClaims\n  (none)\n',
    );
  });
});
