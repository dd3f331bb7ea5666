import { readFileSync, readdirSync } from 'fs';
import { extract } from './libs/attribution/src';
import type { ExtractionResult } from './libs/attribution/src';
function check(input: string, r: ExtractionResult): string[] {
  const errs: string[] = [];
  const ids = new Map(r.sources.map((s) => [s.id, s]));
  if (ids.size !== r.sources.length) errs.push('dup ids');
  for (const s of r.sources) for (const m of s.mentions) { if (input.slice(m.start, m.end) !== m.text) errs.push('mention slice ' + JSON.stringify(m)); if (!(m.start < m.end)) errs.push('empty mention'); if (m.text !== m.text.trim()) errs.push('mention ws ' + JSON.stringify(m.text)); }
  r.claims.forEach((c, i) => {
    if (input.slice(c.start, c.end) !== c.text) errs.push('slice');
    if (!(0 <= c.start && c.start < c.end && c.end <= input.length)) errs.push('range');
    if (c.text !== c.text.trim()) errs.push('ws ' + JSON.stringify(c.text));
    if (!Number.isInteger(c.sentence) || c.sentence < 0) errs.push('sentence');
    if (!(c.checkworthiness >= 0 && c.checkworthiness <= 1)) errs.push('cw');
    for (const ref of [...c.sources, ...c.via]) { const s = ids.get(ref.id); if (!s) errs.push('missing id'); else { if (s.name !== ref.name) errs.push('ref name ' + ref.name + '/' + s.name); if (!s.mentions.some((m) => m.text === ref.mention)) errs.push('ref mention ' + JSON.stringify(ref.mention) + ' not in ' + JSON.stringify(s.mentions.map(m=>m.text))); } }
    const n = r.claims[i + 1];
    if (n && n.start < c.end) errs.push(`overlap ${JSON.stringify(c.text)} [${c.start},${c.end}) / ${JSON.stringify(n.text)} [${n.start},${n.end})`);
    if (i > 0 && r.claims[i-1]!.sentence > c.sentence) errs.push('sentence order');
  });
  return errs;
}
const dir = 'test/fixtures/dev-set/articles';
for (const f of readdirSync(dir)) { const t = readFileSync(`${dir}/${f}`, 'utf8'); const t0=Date.now(); const r = extract(t); const ms=Date.now()-t0; const e = check(t, r); console.log(f, t.length, ms+'ms', e.slice(0,5)); }
