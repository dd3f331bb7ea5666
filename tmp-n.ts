import { normalize, toOriginal } from './libs/attribution/src/text/normalizer';
for (const s of process.argv.slice(2)) { const n = normalize(s); console.log(JSON.stringify(s), JSON.stringify(n.text), Array.from(n.map).join(',')); }
const n = normalize('قالَ الوزيرُ');
console.log(toOriginal(n, 0, 3), toOriginal(n, 4, n.text.length), n.text);
const m = normalize('الوزير  \u200f');
console.log(toOriginal(m, 0, m.text.length), JSON.stringify(m.text));
const p = normalize('\uFEFBمم'); console.log(JSON.stringify(p.text), Array.from(p.map), toOriginal(p, 0, 1), toOriginal(p, 1, 2));
