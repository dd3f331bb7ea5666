import type { Claim, ExtractionResult, Source } from '@claimtrail/attribution';

/** Claim texts, for readable failure messages and membership checks. */
export function texts(result: ExtractionResult): string[] {
  return result.claims.map((c) => c.text);
}

/**
 * The claim whose text equals `fragment`, or else the only claim that contains it.
 * Throws (failing the test with the list of claims) when there is none or more than one,
 * so a test never silently asserts on the wrong claim.
 */
export function claimFor(result: ExtractionResult, fragment: string): Claim {
  const exact = result.claims.filter((c) => c.text === fragment);
  if (exact.length === 1) return exact[0]!;
  const containing = result.claims.filter((c) => c.text.includes(fragment));
  if (containing.length === 1) return containing[0]!;
  throw new Error(
    `expected one claim containing «${fragment}», found ${containing.length}; claims: ${JSON.stringify(texts(result))}`,
  );
}

/** Whether any claim's text contains `fragment`. */
export function hasClaim(result: ExtractionResult, fragment: string): boolean {
  return result.claims.some((c) => c.text.includes(fragment));
}

function lookUp(result: ExtractionResult, id: string): Source {
  const source = result.sources.find((s) => s.id === id);
  if (!source) throw new Error(`claim refers to source ${id}, absent from result.sources`);
  return source;
}

/** The article-level Source objects a claim is attributed to (its `sources`). */
export function sourcesOf(result: ExtractionResult, claim: Claim): Source[] {
  return claim.sources.map((r) => lookUp(result, r.id));
}

/** The single source of a claim; throws when the claim has none or several. */
export function sourceOf(result: ExtractionResult, claim: Claim): Source {
  const sources = sourcesOf(result, claim);
  if (sources.length !== 1)
    throw new Error(
      `expected one source for «${claim.text}», found ${JSON.stringify(claim.sources)}`,
    );
  return sources[0]!;
}

/** The relaying outlets of a claim (its `via`), outermost first. */
export function viaOf(result: ExtractionResult, claim: Claim): Source[] {
  return claim.via.map((r) => lookUp(result, r.id));
}

/** The article-level source with this canonical name; throws when absent. */
export function sourceNamed(result: ExtractionResult, name: string): Source {
  const source = result.sources.find((s) => s.name === name);
  if (!source)
    throw new Error(
      `no source named ${name}; sources: ${JSON.stringify(result.sources.map((s) => s.name))}`,
    );
  return source;
}
