import { extract } from './libs/attribution/src';
for (const i of process.argv.slice(2)) console.log(JSON.stringify(i), JSON.stringify(extract(i), null, 1));
