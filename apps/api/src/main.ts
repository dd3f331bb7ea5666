import 'reflect-metadata';
import { bootstrap } from './bootstrap';

bootstrap().catch((e: unknown) => {
  process.stderr.write(`claimtrail api: failed to start: ${(e as Error).message}\n`);
  process.exit(1);
});
