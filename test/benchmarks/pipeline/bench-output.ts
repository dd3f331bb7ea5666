import { loadavg } from 'node:os';

/**
 * How the benchmarks talk: progress on stderr (so stdout holds only the figures), results as
 * aligned tables, PASS/FAIL against targets, and the machine's load (other work on this
 * 2-core machine skews every figure).
 */
export const progress = (message: string): boolean =>
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);

export const passFail = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

/** The 1-minute load average, as printed beside the figures. */
export const loadAverage = (): string => loadavg()[0]!.toFixed(2);

export const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The q-quantile (0..1) of `values` by nearest rank; NaN for none. */
export function quantile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  return all
    .map((row) =>
      row
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A command-line option that must be a whole number ≥ 1; exits 2 (a usage error) if not. */
export function positiveInteger(bench: string, name: string, value: string): number {
  const n = Number(value);
  if (Number.isInteger(n) && n >= 1) return n;
  process.stderr.write(`${bench}: --${name} must be a whole number ≥ 1 (got "${value}")\n`);
  process.exit(2);
}
