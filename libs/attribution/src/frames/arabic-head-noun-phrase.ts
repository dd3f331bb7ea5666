import {
  arabicHead,
  arabicModifier,
  type ArabicHeadForm,
  type Stem,
} from '../lexicon/arabic-index';
import { normalizeKey } from '../text/normalizer';
import { isQuoteMark } from '../text/tokens';
import { ON_BEHALF, PERSON_TITLES_WITHOUT_NAMES } from './arabic-noun-phrase.lexicon';
import { nameRun, skipTitles, titledNameAhead } from './arabic-names';
import {
  closeQuotes,
  gazetteerAt,
  isBoundary,
  isComplementiser,
  nationalityAt,
  skipQuotes,
  type ArabicPhraseContext,
  type PhraseResult,
} from './arabic-phrase-context';
import type { MentionInfo } from './frame';

/**
 * The phrase a head noun at `q` starts («وزارة الخارجية», «مصدر دبلوماسي رفيع المستوى»,
 * «وزير الخارجية العراقي فؤاد حسين»), read left to right one part after another. `opened`
 * says quote marks or a quantifier came before the head, so closing marks after the phrase
 * belong to it.
 */
export class HeadNounPhrase {
  private readonly mention: MentionInfo;
  /** Further groups under the same head: «مسؤولون عراقيون وأمريكيون». */
  private readonly extra: MentionInfo[] = [];
  /** The next token to read. */
  private i: number;

  constructor(
    private readonly ctx: ArabicPhraseContext,
    private readonly q: number,
    private readonly head: ArabicHeadForm & Stem,
    private readonly opened: boolean,
  ) {
    const tok = ctx.tokens[q]!;
    this.mention = {
      start: tok.start + (head.prefix.startsWith('و') ? 1 : 0),
      end: tok.end,
      form: head.definite ? 'anaphor' : 'description',
      head: head.head,
      modifiers: [],
      number: head.number,
      gender: head.gender,
    };
    this.i = q + 1;
  }

  parse(): PhraseResult {
    const { ctx, head, mention } = this;
    if (head.head.outletType) {
      const outlet = this.outletName();
      if (outlet) return outlet;
    }
    // complement of an institution or a title: «وزارة الخارجية», «رئيس الوزراء», «المتحدث باسم الجيش»
    const complementStart = this.i;
    if (ON_BEHALF.test(ctx.keys[this.i] ?? '')) this.onBehalfOf(complementStart);
    else if (!head.definite) this.idafa(complementStart);
    // an institution's own name goes on: «المديرية العامة للأمن الوطني», «... للتعبئة العامة والإحصاء»
    if (head.head.institution && !head.head.outletType) this.institutionName(complementStart);
    const hadComplement = this.i > complementStart;
    this.adjectives();
    // «المسؤول ذاته», «المصدر نفسه»: the same one as before
    const same = /^(?:ذات|نفس)(?:ه|ها|هم|هما)$/.test(ctx.keys[this.i] ?? '');
    if (same) this.i++;
    if (this.i > this.q + 1) mention.end = ctx.tokens[this.i - 1]!.end;
    if (same && head.definite)
      return { end: this.i, mentions: [{ ...mention, form: 'anaphor', same: true }] };
    if (hadComplement && mention.form === 'anaphor') mention.form = 'description';
    if (mention.form === 'anaphor' && (mention.nationality || mention.modifiers.length > 1))
      mention.form = 'description';
    // «مصدر في وزارة الداخلية», «خبراء في المياه»
    if (!head.head.institution && ctx.keys[this.i] === 'في') this.domain();
    if (!head.head.institution && !PERSON_TITLES_WITHOUT_NAMES.has(head.head.lemma)) {
      const titled = this.nameAfterTitle();
      if (titled) return titled;
    } else if (
      head.head.institution &&
      (hadComplement || mention.nationality) &&
      !head.head.outletType
    ) {
      // a named institution that the gazetteer does not know: «وزارة الموارد المائية»
      if (mention.form !== 'named') mention.name = { start: mention.start, end: mention.end };
      mention.form = 'named';
    }
    return { end: closeQuotes(ctx, this.i, this.opened), mentions: [mention, ...this.extra] };
  }

  /** «صحيفة “ذا ناشيونال”», «وكالة رويترز», «القناة الرياضية المغربية «الرياضية»» */
  private outletName(): PhraseResult | null {
    const { ctx, head, mention } = this;
    let i = this.i;
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
    this.i = i;
    const n = skipQuotes(ctx, i);
    const named = gazetteerAt(ctx, n);
    if (named) {
      const end = closeQuotes(ctx, n + named.length, n > i || this.opened);
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
    return null;
  }

  /** «المتحدث باسم الجيش», «الناطق باسمها» */
  private onBehalfOf(complementStart: number): void {
    const { ctx } = this;
    let i = this.i + 1;
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
    this.i = i;
  }

  /** An indefinite head takes a definite complement (idafa); «الوزير الكناني» is a name. */
  private idafa(complementStart: number): void {
    const { ctx, head, mention } = this;
    let i = this.i;
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
        i = closeQuotes(ctx, n, n0 > i);
        mention.end = ctx.tokens[i - 1]!.end;
      }
    }
    this.i = i;
  }

  private institutionName(complementStart: number): void {
    const { ctx, q, head } = this;
    let j = this.i;
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
    this.i = j;
  }

  /** Nationality and role: «مسؤولين أمريكيين», «مصدر دبلوماسي رفيع المستوى». */
  private adjectives(): void {
    const { ctx, mention } = this;
    let i = this.i;
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
          this.extra.push(second);
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
    this.i = i;
  }

  /** The field after «في»: «مصدر في وزارة الداخلية», «خبراء في المياه». */
  private domain(): void {
    const { ctx, q, mention } = this;
    let i = this.i;
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
    this.i = i;
  }

  /** A name after a title: «وزير الخارجية العراقي فؤاد حسين». */
  private nameAfterTitle(): PhraseResult | null {
    const { ctx, mention } = this;
    const titled = titledNameAhead(ctx, this.i);
    if (titled) {
      mention.form = 'named';
      mention.name = {
        start: ctx.tokens[titled.start]!.start,
        end: ctx.tokens[titled.end - 1]!.end,
      };
      mention.end = ctx.tokens[titled.end - 1]!.end;
      return { end: closeQuotes(ctx, titled.end, this.opened), mentions: [mention] };
    }
    let n0 = skipTitles(ctx, this.i);
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
      this.i = n;
    }
    return null;
  }
}
