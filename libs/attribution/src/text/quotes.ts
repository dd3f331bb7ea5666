/** A quoted stretch: `start` is the opening mark, `end` is just past the closing mark. */
export interface QuoteRegion {
  start: number;
  end: number;
  /** Inside the marks. */
  innerStart: number;
  innerEnd: number;
  /** Words inside: one or two are usually a name or a scare quote, not a quotation. */
  words: number;
  /** Whether a closing mark was found inside the paragraph. */
  closed: boolean;
}

const OPEN_TO_CLOSE: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‹': '›' };

const countWords = (s: string): number =>
  s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/**
 * Finds the outermost quoted stretches of a paragraph. « » and “ ” pair by kind and may
 * nest («قال لـ«الشرق الأوسط»: «...»»); straight double quotes pair in turn. A quote left
 * open runs to the end of the paragraph, as in news copy where it continues below.
 */
export function findQuotes(text: string, from: number, to: number): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  const stack: { mark: string; at: number }[] = [];
  const push = (start: number, end: number, closed: boolean): void => {
    const innerStart = start + 1;
    const innerEnd = closed ? end - 1 : end;
    regions.push({
      start,
      end,
      innerStart,
      innerEnd,
      closed,
      words: countWords(text.slice(innerStart, innerEnd)),
    });
  };
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    // only quotation marks matter: skip everything else without making a string
    if (code !== 0x22 && code !== 0xab && code !== 0xbb && (code < 0x2018 || code > 0x203a))
      continue;
    const c = text[i]!;
    if (c === '"') {
      const top = stack[stack.length - 1];
      if (top?.mark === '"') {
        stack.pop();
        if (stack.length === 0) push(top.at, i + 1, true);
      } else stack.push({ mark: '"', at: i });
    } else if (c in OPEN_TO_CLOSE && !(c === '“' && stack[stack.length - 1]?.mark === '„')) {
      stack.push({ mark: c, at: i });
    } else if (
      c === '»' ||
      c === '”' ||
      c === '›' ||
      (c === '“' && stack[stack.length - 1]?.mark === '„')
    ) {
      // pop to the nearest matching opener; an unmatched closer is ignored
      for (let k = stack.length - 1; k >= 0; k--) {
        if (OPEN_TO_CLOSE[stack[k]!.mark] === c) {
          const open = stack[k]!;
          stack.length = k;
          if (stack.length === 0) push(open.at, i + 1, true);
          break;
        }
      }
    }
  }
  if (stack.length > 0) push(stack[0]!.at, to, false);
  return regions.sort((a, b) => a.start - b.start);
}

/** The region that contains position `i`, if any. */
export function quoteAt(regions: readonly QuoteRegion[], i: number): QuoteRegion | undefined {
  return regions.find((r) => r.start <= i && i < r.end);
}
