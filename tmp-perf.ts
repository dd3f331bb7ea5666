import { extract } from './libs/attribution/src';
for (const [lab, s] of [['en', 'The council said the bridge would reopen in 2026.\n'], ['ar', 'قال المتحدث إن الجسر سيفتح في 2026.\n'], ['h','Quiet morning in the valley\n'], ['one-line', 'The council said the bridge would reopen in 2026. ']] as const) {
  for (const n of [1000, 4000, 16000]) {
    const t = s.repeat(n); const t0 = Date.now(); const r = extract(t);
    console.log(lab, t.length, Date.now() - t0, 'ms', r.claims.length, r.sources.length);
  }
}
