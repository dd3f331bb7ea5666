import { normalize, toOriginal } from './libs/attribution/src/text/normalizer';
const cases = ['a\u200bb\u200ec\u202ad\u2066e\uFEFFf\u00adg\u200fh', 'a\u00a0b\u2007c\u202fd', '\uFE8D\uFEDF\uFEE4', '\uFDFA', '\uFDF2', 'x\uFDFAy', 'ﷲ اكبر', '\uD800x\uDC00', 'هَٰذَا'];
for (const s of cases) { const n = normalize(s); console.log(JSON.stringify(s), JSON.stringify(n.text), n.text.length, Array.from(n.map).join(',')); }
let bad = [];
for (let c = 0xfb50; c <= 0xfefe; c++) { if (c>0xfdff && c<0xfe70) continue; const s = String.fromCharCode(c); const n = normalize(s); const exp = s.normalize('NFKC'); if (n.map[n.text.length] !== 1 || n.map.length !== n.text.length+1) bad.push(c.toString(16)+':'+exp.length+':'+n.text.length); }
console.log(bad.join(' '));
const l = normalize('ﻻ'); console.log(toOriginal(l, 0, 1), toOriginal(l, 1, 2), toOriginal(l,0,2));
