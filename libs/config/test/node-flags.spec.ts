import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NODE_FLAGS } from '@claimtrail/config';

const dockerFile = (name: string) => readFileSync(join(__dirname, '../../../docker', name), 'utf8');

describe('SERVICE_NODE_FLAGS', () => {
  it("are the API's in the Docker image, whose default command is the API", () => {
    const options = /^ENV NODE_OPTIONS=(.*)$/m.exec(dockerFile('Dockerfile'))?.[1];
    expect(options?.split(' ')).toEqual([...SERVICE_NODE_FLAGS.api]);
  });

  it("are the worker's in the compose file's worker service", () => {
    // the worker service's block: from its key to the next top-level or service key
    const worker = /^ {2}worker:\n((?: {4}.*\n|\s*\n)*)/m.exec(dockerFile('compose.yaml'))?.[1];
    const options = /^ {6}NODE_OPTIONS: (.*)$/m.exec(worker ?? '')?.[1];
    expect(options?.split(' ')).toEqual([...SERVICE_NODE_FLAGS.worker]);
  });

  it('are flags this Node accepts', () => {
    for (const flag of Object.values(SERVICE_NODE_FLAGS).flat())
      expect(process.allowedNodeEnvironmentFlags.has(flag.split('=')[0]!)).toBe(true);
  });
});
