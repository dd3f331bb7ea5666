import type { Gazetteer } from '../gazetteer/gazetteer';
import {
  arabicCue,
  arabicHead,
  arabicAdjectiveBases,
  arabicModifier,
  arabicStems,
} from '../lexicon/arabic-index';
import { ARABIC_COMPLEMENTISER } from '../lexicon/arabic.lexicon';
import { normalizeKey } from '../text/normalizer';
import { isQuoteMark, type Token } from '../text/tokens';
import type { MentionInfo } from './frame';

/** Words that end a noun phrase: prepositions, time words, particles, relatives. */
const BOUNDARY = new Set(
  [
    'في',
    'من',
    'على',
    'علي',
    'الى',
    'إلى',
    'عن',
    'مع',
    'خلال',
    'لدى',
    'امام',
    'عبر',
    'بعد',
    'قبل',
    'اليوم',
    'امس',
    'أمس',
    'الاثنين',
    'الثلاثاء',
    'الاربعاء',
    'الخميس',
    'الجمعة',
    'السبت',
    'الأحد',
    'لم',
    'لن',
    'قد',
    'كان',
    'كانت',
    'الذي',
    'التي',
    'الذين',
    'اللذين',
    'اللتين',
    'اللواتي',
    'وسط',
    'حول',
    'بشأن',
    'ضمن',
    'تحت',
    'صباح',
    'مساء',
    'حيث',
    'عندما',
    'أثناء',
    'منذ',
    'بعدما',
    'أيضا',
    'كذلك',
    'الليلة',
    'فجر',
    'ظهر',
    'عصر',
    'يوم',
    'مساء',
    'إثر',
    'عقب',
    'لكن',
    'ولكن',
    'أو',
    'ثم',
    'هذا',
    'هذه',
    'ذلك',
    'تلك',
    'هو',
    'هي',
    'هم',
    'ما',
    'لا',
    'إذ',
    'إذا',
    'طلب',
    'فضل',
    'رفض',
    'اشترط',
    'تحدث',
    'تحدثوا',
    'تحدثت',
    'يوم',
    'بدوره',
    'بدورها',
    'بدورهم',
    'قوله',
    'قولها',
    'قولهم',
    'طلبت',
    'فضلت',
    'رفضت',
    'اشترطت',
    'طالبا',
    'مفضلا',
    'رافضا',
    'جهته',
    'جهتها',
    'جهتهم',
  ].map(normalizeKey),
);

/** Number words before a head: «ثلاثة مصادر», «عدة مسؤولين». */
const QUANTIFIERS = new Set(
  [
    'اثنان',
    'اثنين',
    'ثلاثة',
    'أربعة',
    'خمسة',
    'ستة',
    'سبعة',
    'ثمانية',
    'تسعة',
    'عشرة',
    'عدة',
    'بعض',
    'أحد',
    'إحدى',
    'كبار',
    'عدد',
  ].map(normalizeKey),
);
/** «باسم الوزارة», «باسمها»: "speaking for". */
const ON_BEHALF = /^باسم(?:ه|ها|هم|هما)?$/;

export interface ArabicPhraseContext {
  tokens: readonly Token[];
  keys: readonly string[];
  gazetteer: Gazetteer;
  /** First token index past the window the phrase may use. */
  limit: number;
}

export interface PhraseResult {
  mentions: MentionInfo[];
  /** Token index just past the phrase. */
  end: number;
}

export function isComplementiser(key: string | undefined): boolean {
  return key !== undefined && ARABIC_COMPLEMENTISER.test(key);
}

/** A word that cannot be part of a name or description. */
function isBoundary(ctx: ArabicPhraseContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || !t.word || i >= ctx.limit) return true;
  const k = t.key;
  if (BOUNDARY.has(k) || isComplementiser(k) || arabicCue(k)) return true;
  if (/^\d/.test(k)) return true;
  // «لصحيفة» «للأمم» «لـ»: a recipient or an object, not part of the subject
  if (k === 'ل' || k === 'لـ') return true;
  if (k.startsWith('لل')) return true;
  if (
    k.startsWith('ل') &&
    (arabicHead(k.slice(1)) || ctx.gazetteer.matchAt(ctx.keys, i, k.slice(1)))
  )
    return true;
  return false;
}

function gazetteerAt(ctx: ArabicPhraseContext, i: number) {
  const t = ctx.tokens[i];
  if (!t || !t.word) return null;
  for (const s of arabicStems(t.key)) {
    if (s.prefix !== '' && s.prefix !== 'و' && s.prefix !== 'ال' && s.prefix !== 'وال') continue;
    const first = s.prefix === 'وال' ? 'ال' + s.stem : s.stem;
    const m =
      ctx.gazetteer.matchAt(ctx.keys, i, first) ??
      (s.prefix === 'ال' || s.prefix === 'وال' ? ctx.gazetteer.matchAt(ctx.keys, i, s.stem) : null);
    if (m && i + m.length <= ctx.limit) return m;
  }
  return null;
}

/** A nationality adjective («الأمريكي», «أميركيون») → its country. */
function nationalityAt(ctx: ArabicPhraseContext, i: number) {
  const t = ctx.tokens[i];
  if (!t || !t.word) return undefined;
  const key =
    t.key.startsWith('و') && !t.key.startsWith('وال') && t.key.length > 4 ? t.key.slice(1) : t.key;
  for (const base of arabicAdjectiveBases(key)) {
    const c = ctx.gazetteer.demonym(base);
    if (c) return c;
  }
  return undefined;
}

function skipQuotes(ctx: ArabicPhraseContext, i: number): number {
  while (i < ctx.limit && ctx.tokens[i] && isQuoteMark(ctx.tokens[i]!.text)) i++;
  return i;
}

/** Name words: up to four, until a boundary. */
function nameRun(ctx: ArabicPhraseContext, i: number, allowDefiniteFirst: boolean): number {
  let j = i;
  while (j < ctx.limit && j - i < 4 && !isBoundary(ctx, j)) {
    const k = ctx.keys[j]!;
    if (j === i && !allowDefiniteFirst && k.startsWith('ال')) break;
    if (j > i && (arabicHead(k) || nationalityAt(ctx, j) || arabicModifier(k))) break;
    if (
      k.startsWith('و') &&
      (arabicHead(k.slice(1)) || gazetteerAt(ctx, j) || nationalityAt(ctx, j))
    )
      break;
    j++;
  }
  return j;
}

/** Courtesy, academic and military titles before a name («د. ناصر», «اللواء خالد»). */
const TITLES = new Set(
  [
    'د',
    'م',
    'أ',
    'اد',
    'الدكتور',
    'الدكتورة',
    'دكتور',
    'المهندس',
    'المهندسة',
    'الشيخ',
    'اللواء',
    'العميد',
    'العقيد',
    'الفريق',
    'المقدم',
    'الرائد',
    'النقيب',
    'السيد',
    'السيدة',
    'الأستاذ',
    'الأستاذة',
    'الحاج',
    'الأمير',
    'الأميرة',
    'المحامي',
    'المحامية',
    'القاضي',
    'الشيخة',
    'العميدة',
    'البروفيسور',
    'الفنان',
    'الفنانة',
    'اللاعب',
    'المدرب',
  ].map(normalizeKey),
);

/** The index after any titles at `i` («د.», «اللواء الركن»). */
function skipTitles(ctx: ArabicPhraseContext, i: number): number {
  let j = i;
  while (j < ctx.limit && ctx.tokens[j]?.word && TITLES.has(ctx.keys[j]!)) {
    j++;
    if (ctx.tokens[j]?.text === '.') j++;
    if (ctx.keys[j] === 'الركن') j++;
  }
  return j;
}

/**
 * Looks ahead for a title and the name after it, across an affiliation
 * («الوكيل المساعد لشؤون الأدوية د. ناصر البذالي», «أستاذ ... بجامعة القاهرة د. سامح»).
 */
function titledNameAhead(
  ctx: ArabicPhraseContext,
  i: number,
): { start: number; end: number } | null {
  for (let j = i; j < ctx.limit && j - i < 9; j++) {
    const t = ctx.tokens[j]!;
    if (!t.word && !isQuoteMark(t.text)) return null;
    if (
      t.word &&
      (isComplementiser(t.key) || arabicCue(t.key) || t.key === 'الذي' || t.key === 'التي')
    )
      return null;
    if (t.word && TITLES.has(t.key)) {
      const n0 = skipTitles(ctx, j);
      const n = nameRun(ctx, n0, true);
      return n > n0 ? { start: n0, end: n } : null;
    }
  }
  return null;
}

const PERSON_TITLES_WITHOUT_NAMES = new Set([
  'source',
  'witness',
  'resident',
  'observer',
  'medic',
  'militant',
]);

function parseConjunct(ctx: ArabicPhraseContext, start: number): PhraseResult | null {
  let q = skipQuotes(ctx, start);
  while (
    q < ctx.limit - 1 &&
    ctx.tokens[q]?.word &&
    QUANTIFIERS.has(ctx.keys[q]!) &&
    arabicHead(ctx.keys[q + 1] === 'من' ? (ctx.keys[q + 2] ?? '') : ctx.keys[q + 1]!)
  )
    q += ctx.keys[q + 1] === 'من' ? 2 : 1;
  const tok = ctx.tokens[q];
  if (!tok || !tok.word || q >= ctx.limit) return null;
  /** Consumes the closing marks of a name that was opened in quotes («صحيفة “ذا ناشيونال”»). */
  const closeQuotes = (i: number, opened = q > start) => {
    let j = i;
    while (
      opened &&
      j < ctx.limit &&
      ctx.tokens[j] &&
      isQuoteMark(ctx.tokens[j]!.text) &&
      j - i < 2
    )
      j++;
    return j;
  };

  const gz = gazetteerAt(ctx, q);
  if (gz) {
    const end = closeQuotes(q + gz.length);
    return {
      end,
      mentions: [
        {
          start:
            tok.start +
            (tok.key.startsWith('و') && !gz.entry.ar.some((a) => normalizeKey(a).startsWith('و'))
              ? 1
              : 0),
          end: ctx.tokens[q + gz.length - 1]!.end,
          form: 'gazetteer',
          gazetteer: gz.entry,
          modifiers: [],
          number: 'sg',
        },
      ],
    };
  }

  const head = arabicHead(tok.key);
  if (head && head.prefix !== 'ل' && head.prefix !== 'ب') {
    const extra: MentionInfo[] = [];
    const mention: MentionInfo = {
      start: tok.start + (head.prefix.startsWith('و') ? 1 : 0),
      end: tok.end,
      form: head.definite ? 'anaphor' : 'description',
      head: head.head,
      modifiers: [],
      number: head.number,
      gender: head.gender,
    };
    let i = q + 1;
    if (head.head.outletType) {
      // «صحيفة “ذا ناشيونال”», «وكالة رويترز», «القناة الرياضية المغربية «الرياضية»»
      let a = i;
      while (
        a < ctx.limit &&
        a - i < 3 &&
        ctx.tokens[a]?.word &&
        !gazetteerAt(ctx, a) &&
        (nationalityAt(ctx, a) || (ctx.keys[a]!.startsWith('ال') && !isBoundary(ctx, a)))
      )
        a++;
      if (a > i && (isQuoteMark(ctx.tokens[a]?.text ?? '') || gazetteerAt(ctx, a))) i = a;
      const n = skipQuotes(ctx, i);
      const named = gazetteerAt(ctx, n);
      if (named) {
        const end = closeQuotes(n + named.length, n > i || q > start);
        return {
          end,
          mentions: [
            {
              ...mention,
              form: 'gazetteer',
              gazetteer: named.entry,
              end: ctx.tokens[end - 1]!.end,
            },
          ],
        };
      }
      if (n > i) {
        // an outlet name in quotes that the gazetteer does not know
        let k = n;
        while (k < ctx.limit && ctx.tokens[k] && ctx.tokens[k]!.word && k - n < 6) k++;
        if (k > n && ctx.tokens[k] && isQuoteMark(ctx.tokens[k]!.text)) {
          mention.form = 'named';
          mention.name = { start: ctx.tokens[n]!.start, end: ctx.tokens[k - 1]!.end };
          mention.end = ctx.tokens[k]!.end;
          return { end: k + 1, mentions: [mention] };
        }
      }
      // an unquoted name the gazetteer does not know: «صحيفة الفجر الجديد»
      if (!head.definite && n === i) {
        let k = i;
        while (
          k < ctx.limit &&
          k - i < 3 &&
          ctx.tokens[k]?.word &&
          ctx.keys[k]!.startsWith('ال') &&
          !isBoundary(ctx, k) &&
          !nationalityAt(ctx, k) &&
          !arabicModifier(ctx.keys[k]!) &&
          !arabicHead(ctx.keys[k]!)
        )
          k++;
        if (k > i) {
          mention.form = 'named';
          mention.name = { start: ctx.tokens[i]!.start, end: ctx.tokens[k - 1]!.end };
          mention.end = ctx.tokens[k - 1]!.end;
          return { end: k, mentions: [mention] };
        }
      }
    }
    // complement of an institution or a title: «وزارة الخارجية», «رئيس الوزراء», «المتحدث باسم الجيش»
    const complementStart = i;
    if (ON_BEHALF.test(ctx.keys[i] ?? '')) {
      i++;
      const g = gazetteerAt(ctx, i);
      if (g) i += g.length;
      else if (ctx.tokens[i]?.word && arabicHead(ctx.keys[i]!)) {
        i++;
        while (
          i < ctx.limit &&
          ctx.tokens[i]?.word &&
          ctx.keys[i]!.startsWith('ال') &&
          !isBoundary(ctx, i) &&
          i - complementStart < 4 &&
          !nationalityAt(ctx, i)
        )
          i++;
      }
    } else if (!head.definite) {
      // an indefinite head takes a definite complement (idafa); «الوزير الكناني» is a name
      while (i < ctx.limit && ctx.tokens[i]?.word && !isBoundary(ctx, i)) {
        const k = ctx.keys[i]!;
        const g = gazetteerAt(ctx, i);
        if (g) {
          mention.nationality ??= g.entry.type === 'country' ? g.entry : undefined;
          i += g.length;
          continue;
        }
        if (nationalityAt(ctx, i) || arabicModifier(k)) break;
        if (k.startsWith('ال') && i - complementStart < 3) {
          i++;
          continue;
        }
        const inner = arabicHead(k);
        if (
          inner &&
          !inner.definite &&
          i === complementStart &&
          (head.head.institution || inner.head.institution)
        ) {
          // «رئيس جمعية «أصدقاء مرضى السكري» أحمد الشمري», «مدير شركة نبض»
          i++;
          if (isQuoteMark(ctx.tokens[i]?.text ?? '')) {
            let c = i + 1;
            while (c < ctx.limit && c - i < 7 && ctx.tokens[c]?.word) c++;
            if (isQuoteMark(ctx.tokens[c]?.text ?? '')) i = c + 1;
          }
          continue;
        }
        break;
      }
      // a foreign or brand name after an institution: «شركة أمبري البريطانية», «شركة "نبض"»
      if (head.head.institution && !head.head.outletType && i === complementStart) {
        const n0 = skipQuotes(ctx, i);
        const n = nameRun(ctx, n0, false);
        if (n > n0 && n - n0 <= 3) {
          mention.form = 'named';
          mention.name = { start: ctx.tokens[n0]!.start, end: ctx.tokens[n - 1]!.end };
          i = closeQuotes(n, n0 > i);
          mention.end = ctx.tokens[i - 1]!.end;
        }
      }
    }
    // an institution's own name goes on: «المديرية العامة للأمن الوطني», «... للتعبئة العامة والإحصاء»
    if (head.head.institution && !head.head.outletType) {
      let j = i;
      while (j < ctx.limit && ctx.tokens[j]?.word && j - complementStart < 8) {
        const k = ctx.keys[j]!;
        const named = j > q + 1 || head.definite;
        if (
          named &&
          j > q + 1 &&
          (k.startsWith('لل') || k.startsWith('وال')) &&
          !arabicHead(k.slice(2)) &&
          !arabicHead('ال' + k.slice(2))
        )
          j++;
        else if (
          named &&
          k.startsWith('ال') &&
          !isBoundary(ctx, j) &&
          !arabicHead(k) &&
          !nationalityAt(ctx, j)
        )
          j++;
        else break;
      }
      i = j;
    }
    const hadComplement = i > complementStart;
    // adjectives: nationality and role («مسؤولين أمريكيين», «مصدر دبلوماسي رفيع المستوى»)
    while (i < ctx.limit && ctx.tokens[i]?.word) {
      const k = ctx.keys[i]!;
      const nat = nationalityAt(ctx, i);
      if (nat) {
        if (mention.nationality && k.startsWith('و') && mention.number === 'pl') {
          // «مسؤولون عراقيون وأمريكيون»: two groups under one head
          const second: MentionInfo = {
            ...mention,
            modifiers: [...mention.modifiers],
            nationality: nat,
            start: ctx.tokens[i]!.start + 1,
            end: ctx.tokens[i]!.end,
          };
          extra.push(second);
          i++;
          continue;
        }
        mention.nationality = nat;
        i++;
        continue;
      }
      if (k === 'عيان') {
        i++; // «شهود عيان»: eyewitnesses
        continue;
      }
      const mod = arabicModifier(k);
      if (mod) {
        mention.modifiers.push(mod);
        i++;
        if (ctx.keys[i] === normalizeKey('المستوى')) i++;
        continue;
      }
      break;
    }
    // «المسؤول ذاته», «المصدر نفسه»: the same one as before
    const same = /^(?:ذات|نفس)(?:ه|ها|هم|هما)$/.test(ctx.keys[i] ?? '');
    if (same) i++;
    if (i > q + 1) mention.end = ctx.tokens[i - 1]!.end;
    if (same && head.definite)
      return { end: i, mentions: [{ ...mention, form: 'anaphor', same: true }] };
    if (hadComplement && mention.form === 'anaphor') mention.form = 'description';
    if (mention.form === 'anaphor' && (mention.nationality || mention.modifiers.length > 1))
      mention.form = 'description';
    // «مصدر في وزارة الداخلية», «خبراء في المياه»
    if (!head.head.institution && ctx.keys[i] === 'في') {
      const g = gazetteerAt(ctx, i + 1);
      const h = arabicHead(ctx.keys[i + 1] ?? '');
      if (g) i += 1 + g.length;
      else if (h && !h.head.institution) {
        /* «في الشهود»: not a domain */
      } else if (ctx.keys[i + 1]?.startsWith('ال') && !isBoundary(ctx, i + 1)) {
        i += 2;
        if (ctx.keys[i]?.startsWith('ال') && !isBoundary(ctx, i) && !isComplementiser(ctx.keys[i]))
          i++;
      } else if (h) {
        i += 2;
        while (i < ctx.limit && ctx.keys[i]?.startsWith('ال') && !isBoundary(ctx, i) && i - q < 8)
          i++;
      }
      mention.end = ctx.tokens[i - 1]!.end;
    }
    // a name after a title: «وزير الخارجية العراقي فؤاد حسين»
    if (!head.head.institution && !PERSON_TITLES_WITHOUT_NAMES.has(head.head.lemma)) {
      const titled = titledNameAhead(ctx, i);
      if (titled) {
        mention.form = 'named';
        mention.name = {
          start: ctx.tokens[titled.start]!.start,
          end: ctx.tokens[titled.end - 1]!.end,
        };
        mention.end = ctx.tokens[titled.end - 1]!.end;
        return { end: closeQuotes(titled.end), mentions: [mention] };
      }
      let n0 = skipTitles(ctx, i);
      // an adjective of the title before the name: «الناشطة الحقوقية هدى الزين»
      for (let a = n0; a < n0 + 2 && ctx.keys[a]?.startsWith('ال') && !isBoundary(ctx, a); a++) {
        if (nameRun(ctx, a + 1, false) >= a + 3) {
          n0 = a + 1;
          break;
        }
      }
      const n = nameRun(ctx, n0, true);
      if (n > n0) {
        mention.form = 'named';
        mention.name = { start: ctx.tokens[n0]!.start, end: ctx.tokens[n - 1]!.end };
        mention.end = ctx.tokens[n - 1]!.end;
        i = n;
      }
    } else if (
      head.head.institution &&
      (hadComplement || mention.nationality) &&
      !head.head.outletType
    ) {
      // a named institution that the gazetteer does not know: «وزارة الموارد المائية»
      if (mention.form !== 'named') mention.name = { start: mention.start, end: mention.end };
      mention.form = 'named';
    }
    return { end: closeQuotes(i), mentions: [mention, ...extra] };
  }

  // a name, with or without a title: «وقال محمد الحلبوسي إن», «قال د. ناصر البذالي»
  // an appositive after the name gives its role: «م. يوسف العلمي، مدير مشاريع الغاز»
  const roleAfter = (to: number) => {
    const h = ctx.tokens[to]?.text === '،' ? arabicHead(ctx.keys[to + 1] ?? '') : undefined;
    return h && !h.head.institution ? h.head : undefined;
  };
  const named = (from: number, to: number): PhraseResult => ({
    end: closeQuotes(to),
    mentions: [
      {
        start: tok.start,
        end: ctx.tokens[to - 1]!.end,
        form: 'named',
        name: { start: ctx.tokens[from]!.start, end: ctx.tokens[to - 1]!.end },
        head: roleAfter(to),
        modifiers: [],
        number: 'sg',
      },
    ],
  });
  const afterTitle = skipTitles(ctx, q);
  if (afterTitle > q) {
    const n = nameRun(ctx, afterTitle, true);
    return n > afterTitle ? named(afterTitle, n) : null;
  }
  if (tok.key.startsWith('ال') || isBoundary(ctx, q)) {
    if (isBoundary(ctx, q)) return null;
    // an unknown title before a titled name: «الوكيل المساعد ... د. ناصر البذالي»
    const titled = titledNameAhead(ctx, q);
    if (titled) return named(titled.start, titled.end);
    // a descriptor before a name: «الحقوقية هدى الزين»
    const n = nameRun(ctx, q + 1, false);
    if (n >= q + 3) return named(q + 1, n);
    // a surname alone right before the complementiser: «وأكد الكناني أن»
    const next = ctx.tokens[q + 1];
    if (next && (isComplementiser(next.key) || next.text === ':' || next.text === '،'))
      return named(q, q + 1);
    return null;
  }
  const n = nameRun(ctx, q, false);
  if (n === q) return null;
  return named(q, n);
}

/**
 * Parses the speaker phrase that starts at token `start`: one or more coordinated
 * mentions («“دبلوماسيين” ومسؤولين أمريكيين»).
 */
export function parseArabicSpeakers(ctx: ArabicPhraseContext, start: number): PhraseResult | null {
  const first = parseConjunct(ctx, start);
  if (!first) return null;
  const mentions = [...first.mentions];
  let end = first.end;
  for (let guard = 0; guard < 3; guard++) {
    const t = ctx.tokens[end];
    if (!t || !t.word || !t.key.startsWith('و') || end >= ctx.limit) break;
    const stem = t.key.slice(1);
    const isSpeaker = arabicHead(stem) || ctx.gazetteer.matchAt(ctx.keys, end, stem);
    if (!isSpeaker) break;
    const next = parseConjunct(ctx, end);
    if (!next) break;
    mentions.push(...next.mentions);
    end = next.end;
  }
  return { mentions, end };
}
