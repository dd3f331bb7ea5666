import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A redis-server of the test's own, on a port of its own, that the test may stop. */
export class TestRedisServer {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'claimtrail-redis-'));

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts a server on the first free port from `from`, trying the next if one is taken. */
  static async start(from = 6390): Promise<TestRedisServer> {
    for (let port = from; port < from + 100; port += 1) {
      if (!(await portIsFree(port))) continue;
      const server = new TestRedisServer(port);
      // another test may take the port between the check and the bind: then try the next
      if (
        await server.restart().then(
          () => true,
          () => false,
        )
      )
        return server;
    }
    throw new Error(`no free port for redis-server from ${from}`);
  }

  /** (Re)starts the server on its port, empty (no persistence); resolves once it answers. */
  async restart(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    this.process = child;
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const exited = once(child, 'exit').then(() => {
      throw new Error(`redis-server on ${this.port} exited: ${output.slice(-500)}`);
    });
    const ready = (async () => {
      for (let i = 0; i < 100; i += 1) {
        if (output.includes('Ready to accept connections')) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server on ${this.port} did not start: ${output.slice(-500)}`);
    })();
    try {
      await Promise.race([ready, exited]);
    } catch (e) {
      child.kill('SIGKILL');
      throw e;
    }
    exited.catch(() => undefined);
  }

  /** SHUTDOWN NOSAVE, as an outage: everything in it is lost. Resolves once it has exited. */
  async shutdown(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    const admin = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    admin.on('error', () => undefined);
    // the server closes the connection as it goes; with no retries the client then ends
    const ended = once(admin, 'end');
    await admin.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    await Promise.all([exited, ended]);
  }

  /** Stops the server however it is doing, and removes its directory. */
  async stop(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
