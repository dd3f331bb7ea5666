/** A wire service's own caveat closes the quoted claim: ", but Reuters could not verify". */
const VERIFY_CAVEAT =
  /^,?\s*(?:but|although|though|and)\s+[^,]{0,60}?\b(?:could|can|was|were|has|have|did)\s+not\s+(?:be\s+)?(?:independently\s+)?(?:verif|confirm)/i;
/** An -ing clause the writer adds after reported speech: ", sending its shares down 6%". */
const TRAILING_PARTICIPLE =
  /,\s+(?:sending|prompting|leaving|forcing|pushing|bringing|raising|causing|triggering|marking|making|taking|dragging|lifting|cutting|ending|extending|adding to)\b/g;

/** Where reported content stops when the sentence goes on in the writer's own voice. */
export function contentStop(text: string, start: number, end: number): number {
  const slice = text.slice(start, end);
  let stop = end;
  TRAILING_PARTICIPLE.lastIndex = 0;
  const m = TRAILING_PARTICIPLE.exec(slice);
  if (m) stop = start + m.index;
  // ", as engineers worked through the night": the writer's own circumstance
  const as =
    /,\s+as\s+(?!well\b|much\b|many\b|long\b|soon\b|far\b|part\b|a\s+result\b|such\b|if\b|though\b|expected\b|planned\b|usual\b)/.exec(
      slice,
    );
  if (as) stop = Math.min(stop, start + as.index);
  const caveat = /,\s*(?:but|although|though)\s/g;
  let c: RegExpExecArray | null;
  while ((c = caveat.exec(slice)) !== null) {
    if (VERIFY_CAVEAT.test(slice.slice(c.index))) {
      stop = Math.min(stop, start + c.index);
      break;
    }
  }
  return stop;
}
