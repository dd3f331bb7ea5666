/** Milliseconds per unit of a configured duration: minutes, hours, days, weeks. */
export const DURATION_UNITS_MS = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
} as const;

const DURATION = /^(\d+)\s*([mhdw])$/;

/**
 * A duration as the settings write it: a whole number of minutes, hours, days or weeks
 * (`30m`, `12h`, `7d`, `2w`), in milliseconds; undefined when `text` is not one. Ranges are
 * the caller's to check, so that its message can name the variable.
 */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * DURATION_UNITS_MS[match[2] as keyof typeof DURATION_UNITS_MS];
}
