import { arabicHead } from '../lexicon/arabic-index';
import { normalizeKey } from '../text/normalizer';
import { QUANTIFIERS } from './arabic-noun-phrase.lexicon';
import { HeadNounPhrase } from './arabic-head-noun-phrase';
import { parseName } from './arabic-names';
import {
  closeQuotes,
  gazetteerAt,
  skipQuotes,
  type ArabicPhraseContext,
  type PhraseResult,
} from './arabic-phrase-context';

/** One mention: a gazetteer entry, a phrase with a head noun, or a person's name. */
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

  const gz = gazetteerAt(ctx, q);
  if (gz) {
    const end = closeQuotes(ctx, q + gz.length, q > start);
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
  if (head && head.prefix !== 'ل' && head.prefix !== 'ب')
    return new HeadNounPhrase(ctx, q, head, q > start).parse();
  return parseName(ctx, start, q);
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
