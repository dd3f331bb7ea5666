import { readFileSync, readdirSync } from 'fs';
import { extract } from './libs/attribution/src';
const dir = 'test/fixtures/dev-set/articles';
const arts = readdirSync(dir).sort().map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const rnd = (n: number) => Math.floor(Math.random() * n);
console.log(arts.length);
const seen = new Set<string>();
for (let it = 0; it < 20000 && seen.size < 8; it++) {
  let t = arts[rnd(arts.length)]!;
  for (let k = rnd(5); k > 0; k--) { const at = rnd(t.length); const op = rnd(2); if (op === 0) t = t.slice(0, at) + t.slice(at + rnd(60)); else t = t.slice(0, at + rnd(200)) + t.slice(at); }
  const r = extract(t);
  for (let i = 1; i < r.claims.length; i++) { const a = r.claims[i-1]!, b = r.claims[i]!; if (b.start < a.end) { const key = a.text.slice(0, 30); if (seen.has(key)) continue; seen.add(key); const ls = t.lastIndexOf('\n', a.start) + 1; const le = t.indexOf('\n', a.end); console.log('LINE:', t.slice(ls, le < 0 ? undefined : le)); console.log(' A:', a.type, a.cue, JSON.stringify(a.text)); console.log(' B:', b.type, b.cue, JSON.stringify(b.text)); } }
}
console.log("done", seen.size);
