import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds so far of each process, by group. */
export type CpuSnapshot = Record<string, Map<number, number>>;

/** CPU seconds (user + system) of one process so far; 0 if it is gone or /proc is absent. */
function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name, in parentheses, may hold spaces: count fields after its end
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

function pidsNamed(name: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/**
 * CPU seconds used so far by each process of each group: the given ones by name, and every
 * `postgres` and `redis-server` process on the machine.
 */
export function cpuSnapshot(processes: Record<string, (number | undefined)[]>): CpuSnapshot {
  const groups: Record<string, number[]> = {
    postgres: pidsNamed('postgres'),
    redis: pidsNamed('redis-server'),
  };
  for (const [name, pids] of Object.entries(processes))
    groups[name] = pids.filter((pid): pid is number => pid !== undefined);
  const snapshot: CpuSnapshot = {};
  for (const [name, pids] of Object.entries(groups))
    snapshot[name] = new Map(pids.map((pid) => [pid, cpuSecondsOf(pid)]));
  return snapshot;
}

/**
 * CPU seconds each group used between two snapshots: a process that started in between
 * counts from zero; one that ended in between is missed (a short-lived backend at most).
 */
export function cpuSince(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, pids] of Object.entries(after)) {
    let seconds = 0;
    for (const [pid, now] of pids) seconds += now - (before[name]?.get(pid) ?? 0);
    used[name] = seconds;
  }
  return used;
}
