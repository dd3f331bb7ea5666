import { segment, detectLanguage } from './libs/attribution/src/text/segmentation';
import { normalize } from './libs/attribution/src/text/normalizer';
const lang = process.argv[2] as 'ar'|'en';
for (const raw of process.argv.slice(3)) {
  const t = normalize(raw).text;
  const s = segment(t, lang);
  console.log(JSON.stringify(raw), detectLanguage(t));
  for (const p of s.paragraphs) console.log('  P', p.index, p.headline?'H':'', p.furniture?'F':'', JSON.stringify(t.slice(p.bodyStart,p.end)), p.sentences.map(x=>t.slice(x.start,x.end)));
  if (s.datelineSource) console.log('  DL', JSON.stringify(t.slice(s.datelineSource.start, s.datelineSource.end)));
}
