import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@claimtrail/config';

describe('SERVICE_NODE_FLAGS', () => {
  it('are the flags the Docker image gives its processes', () => {
    const dockerfile = readFileSync(join(__dirname, '../../../docker/Dockerfile'), 'utf8');
    const options = /^ENV NODE_OPTIONS=(.*)$/m.exec(dockerfile)?.[1];
    expect(options?.split(' ')).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it('are flags this Node accepts', () => {
    for (const flag of SERVICE_NODE_FLAGS)
      expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!)).toBe(true);
  });
});
