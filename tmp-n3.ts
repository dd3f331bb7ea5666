import { normalize } from './libs/attribution/src/text/normalizer';
import { extract } from './libs/attribution/src';
const crash: string[] = []; const bad: string[] = [];
for (let c = 0xfb50; c <= 0xfefe; c++) { if (c>0xfdff && c<0xfe70) continue; const s = String.fromCharCode(c);
  try { const n = normalize(s); if (n.map[n.text.length] !== 1 || n.map.length !== n.text.length+1) bad.push(c.toString(16)+':'+s.normalize('NFKC').length); } catch { crash.push(c.toString(16)); } }
console.log('crash', crash.length, crash.join(' ')); console.log('bad', bad.join(' '));
try { extract('قال الوزير ﴿ إن الخطة جاهزة.'); console.log('ok'); } catch (e) { console.log('extract throws', (e as Error).message); }
