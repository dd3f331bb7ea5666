import type { Claim, ExtractionResult, Source, SourceRef } from '@claimtrail/attribution';

const TYPE_LABEL: Record<Claim['type'], string> = {
  direct_quote: 'direct quote',
  indirect: 'indirect',
  mixed: 'mixed',
  unattributed: "outlet's own voice",
};

const refs = (list: SourceRef[]): string => list.map((r) => `${r.name} [${r.id}]`).join(' + ');

function describeSource(s: Source): string {
  const traits = [
    s.kind,
    s.anonymous === true ? 'anonymous' : s.anonymous === null ? 'anonymity unclear' : null,
  ]
    .filter(Boolean)
    .join(', ');
  const mentions = [...new Set(s.mentions.map((m) => m.text))].join(' · ');
  return `  [${s.id}] ${s.name} (${traits})${mentions ? `\n       as: ${mentions}` : ''}`;
}

/** A report for people: sources listed once, then each claim with its attribution. */
export function formatTextReport(result: ExtractionResult): string {
  const lines: string[] = [];
  const attributed = result.claims.filter((c) => c.sources.length > 0).length;
  lines.push(
    `Language: ${result.language}   Claims: ${result.claims.length} (${attributed} attributed)   Sources: ${result.sources.length}`,
    '',
  );
  if (result.sources.length > 0) {
    lines.push('Sources');
    for (const s of result.sources) lines.push(describeSource(s));
    lines.push('');
  }
  lines.push('Claims');
  if (result.claims.length === 0) lines.push('  (none)');
  result.claims.forEach((c, k) => {
    const who =
      c.sources.length > 0 ? refs(c.sources) : c.cue ? 'unnamed (agentless)' : 'the outlet';
    lines.push(
      `${String(k + 1).padStart(3)}. ${TYPE_LABEL[c.type]} — ${who}${c.cue ? ` — cue «${c.cue}»` : ''} — check-worthiness ${c.checkworthiness.toFixed(2)}`,
    );
    if (c.via.length > 0) lines.push(`     via: ${refs(c.via)}`);
    lines.push(`     ${c.text}`);
  });
  return lines.join('\n') + '\n';
}
