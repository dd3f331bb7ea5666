import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Socket } from 'node:net';
import { join } from 'node:path';
import { StartError } from './start-error';

/** Where a service listens, from its URL, and whether `npm start` may start it itself. */
export interface Endpoint {
  name: 'PostgreSQL' | 'Redis';
  envVar: 'DATABASE_URL' | 'REDIS_URL';
  host: string;
  port: number;
  /** On this machine and on the default port: the kind ensure-services.sh can start. */
  manageable: boolean;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function serviceEndpoint(
  name: Endpoint['name'],
  envVar: Endpoint['envVar'],
  url: string,
  defaultPort: number,
): Endpoint {
  const u = new URL(url);
  const port = u.port ? Number(u.port) : defaultPort;
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { name, envVar, host, port, manageable: LOCAL_HOSTS.has(host) && port === defaultPort };
}

/** Whether something accepts TCP connections at host:port within `timeoutMs`. */
export function isReachable(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, host);
  });
}

export interface Machine {
  platform: NodeJS.Platform;
  isRoot: boolean;
  hasAptGet: boolean;
}

export function thisMachine(): Machine {
  return {
    platform: process.platform,
    isRoot: process.getuid?.() === 0,
    hasAptGet: ['/usr/bin/apt-get', '/bin/apt-get'].some((p) => existsSync(p)),
  };
}

/** Exactly what to do when services are down and `npm start` could not bring them up. */
export function servicesHelp(down: Endpoint[], machine: Machine): string {
  const lines = down.map((e) => `${e.name} is not reachable at ${e.host}:${e.port} (${e.envVar}).`);
  const foreign = down.filter((e) => !e.manageable);
  if (foreign.length > 0)
    lines.push(
      `Start ${foreign.map((e) => e.name).join(' and ')} there, or change ${foreign
        .map((e) => e.envVar)
        .join(' and ')} (unset, npm start uses the local default ports and starts what it can).`,
    );
  if (foreign.length === down.length) return lines.join('\n');

  lines.push('', 'Do one of these, then run npm start again:');
  if (machine.platform === 'linux' && machine.hasAptGet) {
    const sudo = machine.isRoot ? '' : 'sudo ';
    lines.push(
      `  ${sudo}bash scripts/ensure-services.sh --install   # apt-get install, then start`,
    );
  } else if (machine.platform === 'darwin') {
    lines.push(
      '  brew install postgresql@15 redis',
      '  brew services start postgresql@15 && brew services start redis',
      '  createuser -s postgres   # the role the default DATABASE_URL connects as',
    );
  } else {
    lines.push(
      '  install PostgreSQL 15+ and Redis 7+, start them on 127.0.0.1:5432 and 127.0.0.1:6379,',
      '  and let user postgres connect from 127.0.0.1 without a password',
    );
  }
  lines.push(
    '  or set DATABASE_URL and REDIS_URL to servers you already run, e.g.',
    '  DATABASE_URL=postgres://user:password@db.example:5432/claimtrail REDIS_URL=redis://cache.example:6379 npm start',
  );
  return lines.join('\n');
}

/**
 * Makes sure PostgreSQL and Redis answer. Local ones on the default ports are started, or
 * installed (Debian, as root), by scripts/ensure-services.sh; anything else is only checked.
 */
export async function ensureServices(
  endpoints: Endpoint[],
  root: string,
  log: (line: string) => void,
  machine: Machine = thisMachine(),
): Promise<void> {
  const down = async () => {
    const up = await Promise.all(endpoints.map((e) => isReachable(e.host, e.port)));
    return endpoints.filter((_, i) => !up[i]);
  };
  let missing = await down();
  if (missing.some((e) => e.manageable)) {
    log(`${missing.map((e) => e.name).join(' and ')} not running; trying to start them`);
    const install = machine.isRoot && machine.hasAptGet ? ['--install'] : [];
    spawnSync('bash', [join(root, 'scripts/ensure-services.sh'), ...install], {
      stdio: 'inherit',
    });
    missing = await down();
  }
  if (missing.length > 0) throw new StartError(servicesHelp(missing, machine));
  log(endpoints.map((e) => `${e.name} at ${e.host}:${e.port}`).join(', ') + ': up');
}
