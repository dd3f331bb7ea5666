import { readFileSync } from 'fs';
import { extract } from './libs/attribution/src';
const r = extract(readFileSync(process.argv[2]!, 'utf8'));
for (const c of r.claims) if (c.via.length) console.log(c.text.slice(0,40), c.via);
