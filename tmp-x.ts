import { extract } from './libs/attribution/src';
const ins = process.argv.slice(2);
for (const i of ins) console.log(JSON.stringify(i), JSON.stringify(extract(i)));
