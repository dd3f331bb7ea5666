import type { Language } from '../types';

/** A sentence of the normalised text (offsets into it, trimmed of surrounding space). */
export interface Sentence {
  index: number;
  paragraph: number;
  start: number;
  end: number;
}

export interface Paragraph {
  index: number;
  start: number;
  end: number;
  /** The article's first line, when it reads as a headline. */
  headline: boolean;
  /** Bylines, datelines, credits and subheadings: never claims. */
  furniture: boolean;
  /** Where the body starts after a dateline prefix such as "BAGHDAD (Reuters) -". */
  bodyStart: number;
  sentences: Sentence[];
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** An agency or outlet named in a dateline, e.g. "(Reuters)", «- أ ف ب». */
  datelineSource: { start: number; end: number } | null;
}

const segmenters: Partial<Record<Language, Intl.Segmenter>> = {};
const segmenterFor = (language: Language): Intl.Segmenter =>
  (segmenters[language] ??= new Intl.Segmenter(language, { granularity: 'sentence' }));

/** Abbreviations after which a full stop does not end a sentence. */
const EN_ABBREVIATIONS = new Set(
  'mr mrs ms dr prof gen lt col maj capt sgt cpl adm rep sen gov st jr sr inc corp co ltd no nos vol jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres gov fig approx dept est vs messrs'.split(
    ' ',
  ),
);
/** Abbreviations that end a sentence only when a capitalised word follows none the less. */
const EN_SOFT_ABBREVIATIONS = /(?:\b(?:[A-Z]\.){2,}|\b[ap]\.m\.)$/;
/** A single letter and a dot: an initial («د.», «م.», "J."), or a dotted acronym («أ.ف.ب.»). */
const INITIAL = /(?:^|[\s(«“"])(?:\p{L}\.){1,4}$/u;

const TERMINAL = /[.!?؟…"”»)\]'’]$/u;

/** Words that start a new English sentence after "U.S." or "a.m." rather than continue a name. */
const SENTENCE_STARTERS =
  'It|The|He|She|They|We|I|A|An|In|On|At|But|And|This|That|There|These|Those|His|Her|Their|Its|Our|Talks|Officials|Police|No|Yet|So|Then|After|Before|When|While'.split(
    '|',
  );
const HIDDEN_END = new RegExp(
  `(?:\\b(?:[A-Z]\\.){2,}|\\b[ap]\\.m\\.|\\b[Nn]o\\.)(?=\\s+(?:${SENTENCE_STARTERS.join('|')})\\b)`,
  'g',
);

function endsWithAbbreviation(segment: string, next: string): boolean {
  const s = segment.trimEnd();
  if (!s.endsWith('.')) return false;
  if (/\b[Nn]o\.$/.test(s)) return /^\s*\d/.test(next); // "No. 2", but "said no. Talks ..."
  // "the U.S. Navy" goes on; "flew to the U.S. Talks begin" is cut by hiddenEnds()
  if (EN_SOFT_ABBREVIATIONS.test(s))
    return !new RegExp(`^\\s*(?:${SENTENCE_STARTERS.join('|')})\\b`).test(next);
  if (INITIAL.test(s)) return true;
  const word = /([A-Za-z]+)\.$/.exec(s)?.[1];
  if (word && EN_ABBREVIATIONS.has(word.toLowerCase())) return /^\s*[\p{L}\p{N}]/u.test(next);
  return false;
}

/** Sentence ends ICU does not see: "flew to the U.S. Talks begin", "at 7 a.m. Police closed". */
function hiddenEnds(text: string, start: number, end: number): number[] {
  const cuts: number[] = [];
  HIDDEN_END.lastIndex = 0;
  const slice = text.slice(start, end);
  let m: RegExpExecArray | null;
  while ((m = HIDDEN_END.exec(slice)) !== null) cuts.push(start + m.index + m[0].length);
  return cuts;
}

/** A short line that is not a sentence: byline, dateline, credit or subheading. */
function isFurniture(line: string, language: Language): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  if (
    language === 'en' &&
    /^(by|photo|image|source|credit|reporting by|editing by|writing by)\b/i.test(line)
  )
    return true;
  if (/^(?:تحرير|إعداد|اعداد|كتب|كتبت|بقلم|تصوير|المصدر)\s*[:：]?/u.test(line) && words <= 8)
    return true;
  if (words <= 6 && !TERMINAL.test(line.trim())) return true;
  return false;
}

/** A line that is only a dateline: «بيروت - أ ف ب», "BEIRUT (AFP) -", «عمّان - رنا الخطيب». */
function isDatelineOnly(line: string, language: Language): boolean {
  const words = line.split(/\s+/).filter(Boolean).length;
  if (words > 6) return false;
  return language === 'ar'
    ? /^[\p{L} ]{2,30}\s*[-–—/:]\s*\S/u.test(line)
    : /^[A-Z][A-Za-z., ]{1,30}\s*(?:\([^)]+\))?\s*[-–—]/.test(line);
}

/** "BAGHDAD (Reuters) -", "BEIRUT, Oct 3 (AFP) –", «بيروت - أ ف ب:», «بغداد - "الشرق الأوسط":». */
const EN_DATELINE =
  /^(?:[A-Z][A-Z.'’-]+(?:,?[ ][A-Z][A-Za-z.'’-]*)*|[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*[A-Z][a-z]{2,4}\.? \d{1,2})?\s*(\([^)]{2,40}\))?\s*[-–—]{1,2}\s+/;
/** Wire services named in Arabic datelines («بيروت - أ ف ب -», «دبي (رويترز) -»); normalised spelling. */
const AR_WIRES =
  'ا ?ف ?ب|ا\\.ف\\.ب\\.?|رويترز|الاناضول|د ب ا|واس|وام|قنا|كونا|سانا|واع|بترا|وفا|الوكالات|وكالات|[«"“][^»"”]{2,30}[»"”]';
const AR_DATELINE = new RegExp(
  `^([\\p{L} ]{2,30}?)\\s*(?:\\(([^)]{2,40})\\))?\\s*[-–—:]\\s*(?:(${AR_WIRES}|[^:\\n]{2,30}?)\\s*[:\\-–—]\\s*)?(?=\\S)`,
  'u',
);
const AR_DATELINE_LINE = new RegExp(`^[\\p{L} ]{2,30}?\\s*[-–—/]\\s*(${AR_WIRES})\\s*$`, 'u');

function datelineEnd(
  line: string,
  language: Language,
): { end: number; source: { start: number; end: number } | null } | null {
  if (language === 'en') {
    const m = EN_DATELINE.exec(line);
    if (!m) return null;
    const paren = m[1];
    const source = paren
      ? { start: m[0].indexOf(paren) + 1, end: m[0].indexOf(paren) + paren.length - 1 }
      : null;
    return { end: m[0].length, source };
  }
  const m = AR_DATELINE.exec(line);
  if (!m) return null;
  const place = m[1]!.trim();
  if (place.split(/\s+/).length > 3) return null;
  const agency = m[2] ?? m[3];
  if (!agency && !/[-–—]/.test(m[0])) return null;
  const source = agency
    ? { start: m[0].indexOf(agency), end: m[0].indexOf(agency) + agency.length }
    : null;
  return { end: m[0].length, source };
}

/**
 * Splits normalised text into paragraphs (lines) and sentences. Uses ICU's sentence
 * segmenter and re-joins the breaks it makes after abbreviations and initials.
 */
export function segment(text: string, language: Language): Segmentation {
  const paragraphs: Paragraph[] = [];
  const sentences: Sentence[] = [];
  let datelineSource: Segmentation['datelineSource'] = null;
  const segmenter = segmenterFor(language);
  let lineStart = 0;
  let bodyParagraphs = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const raw = text.slice(lineStart, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line.length > 0) {
      const start = lineStart + lead;
      const end = start + line.length;
      const index = paragraphs.length;
      // a first line that does not end like a sentence, in an article of more than one line
      const headline =
        index === 0 &&
        !isDatelineOnly(line, language) &&
        !/[.!؟?]["”»’']*$/.test(line) &&
        line.length <= 300 &&
        text.slice(lineEnd).trim().length > 0;
      const furniture = !headline && isFurniture(line, language);
      let bodyStart = start;
      if (!headline && !furniture && bodyParagraphs === 0) {
        const d = datelineEnd(line, language);
        if (d && d.end < line.length) {
          bodyStart = start + d.end;
          if (d.source)
            datelineSource = { start: start + d.source.start, end: start + d.source.end };
        }
      }
      if (furniture && bodyParagraphs === 0 && !datelineSource) {
        // «بيروت - أ ف ب» on a line of its own names the wire that published the article
        const wire =
          language === 'ar'
            ? AR_DATELINE_LINE.exec(line)
            : /\(([^)]{2,40})\)\s*[-–—]?\s*$/.exec(line);
        if (wire?.[1]) {
          const at = line.lastIndexOf(wire[1]);
          datelineSource = { start: start + at, end: start + at + wire[1].length };
        }
      }
      if (!headline && !furniture) bodyParagraphs++;
      const paragraph: Paragraph = {
        index,
        start,
        end,
        headline,
        furniture,
        bodyStart,
        sentences: [],
      };
      const body = text.slice(bodyStart, end);
      let pending: { start: number; end: number } | null = null;
      const pieces = [...segmenter.segment(body)];
      pieces.forEach((piece, k) => {
        const s = bodyStart + piece.index;
        const e = s + piece.segment.length;
        const next = pieces[k + 1]?.segment ?? '';
        pending = pending ? { start: pending.start, end: e } : { start: s, end: e };
        if (k < pieces.length - 1 && endsWithAbbreviation(text.slice(pending.start, e), next))
          return;
        const bounds =
          language === 'en'
            ? [pending.start, ...hiddenEnds(text, pending.start, pending.end), pending.end]
            : [pending.start, pending.end];
        for (let b = 0; b + 1 < bounds.length; b++) {
          const from = bounds[b]!;
          const chunk = text.slice(from, bounds[b + 1]);
          const trimmedStart = from + (chunk.length - chunk.trimStart().length);
          const trimmedEnd = from + chunk.trimEnd().length;
          if (trimmedEnd > trimmedStart) {
            const sentence = {
              index: sentences.length,
              paragraph: index,
              start: trimmedStart,
              end: trimmedEnd,
            };
            sentences.push(sentence);
            paragraph.sentences.push(sentence);
          }
        }
        pending = null;
      });
      paragraphs.push(paragraph);
    }
    lineStart = lineEnd + 1;
  }
  return { paragraphs, sentences, datelineSource };
}

/** Arabic letters against Latin letters, over the first 5,000 characters. */
export function detectLanguage(text: string): Language {
  let arabic = 0;
  let latin = 0;
  const n = Math.min(text.length, 5000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x0600 && c <= 0x06ff) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0xfb50 && c <= 0xfeff)
    )
      arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  return arabic >= latin * 0.5 && arabic > 0 ? 'ar' : 'en';
}
