import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { extract } from './libs/attribution/src';
const dir = 'test/fixtures/dev-set/articles';
const arts = readdirSync(dir).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const rnd = (n: number) => Math.floor(Math.random() * n);
const fails = (t: string) => { try { const r = extract(t); for (let i = 1; i < r.claims.length; i++) if (r.claims[i]!.start < r.claims[i-1]!.end) return 'overlap'; return null; } catch (e) { return 'throw ' + (e as Error).message; } };
// greedy line/char minimisation
function shrink(t: string, kind: string): string {
  let cur = t; let changed = true;
  while (changed) { changed = false;
    const lines = cur.split('\n');
    for (let i = 0; i < lines.length && lines.length > 1; i++) { const c = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'); if (fails(c) === kind) { cur = c; changed = true; break; } }
    if (changed) continue;
    for (const chunk of [50, 20, 8, 3, 1]) { for (let i = 0; i + chunk <= cur.length; i += chunk) { const c = cur.slice(0, i) + cur.slice(i + chunk); if (fails(c) === kind) { cur = c; changed = true; } } }
  }
  return cur;
}
const found = new Map<string, string>();
const t0 = Date.now();
while (Date.now() - t0 < 60000) {
  let t = arts[rnd(arts.length)]!;
  for (let k = rnd(6); k > 0; k--) { const at = rnd(t.length); const op = rnd(2); if (op === 0) t = t.slice(0, at) + t.slice(at + rnd(60)); else t = t.slice(0, at + rnd(200)) + t.slice(at); }
  const f = fails(t);
  if (f && !found.has(f)) { const s = shrink(t, f); found.set(f, s); console.log(f, JSON.stringify(s)); }
}
console.log('done', found.size);
