import { readdirSync, readFileSync } from 'node:fs';

/**
 * The Postgres backends connected to `database` right now: their process title names it
 * ("postgres: 15/main: user database host state"). Other databases' backends (the tests of
 * whoever else shares this machine) are left out, so their CPU is not counted as ours.
 */
export function backendsOf(database: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          return title.startsWith('postgres: ') && title.includes(` ${database} `);
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}
