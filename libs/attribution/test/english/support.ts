import {
  extract,
  type Claim,
  type ClaimType,
  type ExtractionResult,
  type ExtractOptions,
  type Source,
  type SourceKind,
} from '@claimtrail/attribution';

/**
 * Small assertion helpers for the English phenomenon specs. Each helper fails with the
 * claims the engine did produce, so a failing test says what came out instead.
 */

/** Runs the engine on an English article (language forced so detection cannot mask a bug). */
export function run(text: string, options: ExtractOptions = {}): ExtractionResult {
  return extract(text, { language: 'en', ...options });
}

/** Joins paragraphs the way articles arrive: one paragraph per line. */
export function article(...paragraphs: string[]): string {
  return paragraphs.join('\n');
}

export function texts(result: ExtractionResult): string[] {
  return result.claims.map((c) => c.text);
}

/** The one claim whose text is exactly `text` (fails, listing the claims found, otherwise). */
export function claimAt(result: ExtractionResult, text: string): Claim {
  expect(texts(result)).toContain(text);
  return result.claims.find((c) => c.text === text)!;
}

export function sourceById(result: ExtractionResult, id: string): Source {
  const source = result.sources.find((s) => s.id === id);
  expect(source).toBeDefined();
  return source!;
}

/** The article-level sources a claim points to, in the claim's order. */
export function sourcesOf(result: ExtractionResult, claim: Claim): Source[] {
  return claim.sources.map((r) => sourceById(result, r.id));
}

export interface SourceExpectation {
  name?: string | RegExp;
  kind?: SourceKind;
  anonymous?: boolean | null;
}

export interface ClaimExpectation {
  type?: ClaimType;
  /** Exact cue, or a pattern for cues whose extent is a matter of taste ("said in a statement"). */
  cue?: string | RegExp | null;
  /** One entry per source of the claim, in order; `[]` for the outlet's own voice. */
  sources?: SourceExpectation[];
  /** Names of the relaying outlets, outermost first. */
  via?: string[];
}

const loose = (v: string | RegExp): unknown => (v instanceof RegExp ? expect.stringMatching(v) : v);

/**
 * Finds the claim with exactly `text` and checks the fields a fact-checker reads. Only the
 * fields given are compared; arrays are compared whole, so an extra source or relay fails.
 */
export function expectClaim(
  result: ExtractionResult,
  text: string,
  expected: ClaimExpectation,
): Claim {
  const claim = claimAt(result, text);
  const actual = {
    type: claim.type,
    cue: claim.cue,
    sources: sourcesOf(result, claim).map((s) => ({
      name: s.name,
      kind: s.kind,
      anonymous: s.anonymous,
    })),
    via: claim.via.map((v) => v.name),
  };
  const wanted: Record<string, unknown> = {};
  if (expected.type !== undefined) wanted.type = expected.type;
  if (expected.cue !== undefined) wanted.cue = expected.cue === null ? null : loose(expected.cue);
  if (expected.sources !== undefined)
    wanted.sources = expected.sources.map((s) => {
      const o: Record<string, unknown> = {};
      if (s.name !== undefined) o.name = loose(s.name);
      if (s.kind !== undefined) o.kind = s.kind;
      if (s.anonymous !== undefined) o.anonymous = s.anonymous;
      return o;
    });
  if (expected.via !== undefined) wanted.via = expected.via;
  expect(actual).toMatchObject(wanted);
  return claim;
}

/** The outlet's own voice: no cue, no source, no relay. */
export function expectOwnVoice(result: ExtractionResult, text: string): Claim {
  return expectClaim(result, text, { type: 'unattributed', cue: null, sources: [], via: [] });
}

/** The ids of the sources of each claim, to check that mentions were merged (or kept apart). */
export function sourceIds(result: ExtractionResult, ...claimTexts: string[]): string[][] {
  return claimTexts.map((t) => claimAt(result, t).sources.map((s) => s.id));
}
