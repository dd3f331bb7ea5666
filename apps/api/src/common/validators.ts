import { ValidateBy, type ValidationOptions } from 'class-validator';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text Postgres can store, in a column and in the audit log's jsonb: no NUL characters and no
 * lone surrogates (a JSON "\ud800" escape). Either would otherwise surface as a database
 * error instead of a 400 naming the field.
 */
export const isStorableText = (v: unknown): boolean =>
  typeof v === 'string' && !v.includes('\u0000') && !LONE_SURROGATE.test(v);
export const storableTextMessage = (property: string): string =>
  `${property} must be a string of valid Unicode without NUL characters`;

export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: isStorableText,
        defaultMessage: (args) => storableTextMessage(String(args?.property)),
      },
    },
    options,
  );
}

/** A string with at least one character that is not whitespace. */
export const isNotBlank = (v: unknown): boolean => typeof v === 'string' && /\S/u.test(v);
export const notBlankMessage = (property: string): string =>
  `${property} must not be empty or only whitespace`;

export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: isNotBlank,
        defaultMessage: (args) => notBlankMessage(String(args?.property)),
      },
    },
    options,
  );
}

const EARLIEST = Date.parse('1900-01-01T00:00:00Z');
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date-time in a sane range: not before 1900 and at most `futureSlackMs` after
 * now (Infinity: no upper bound other than year 9999).
 */
export function isIsoDateInRange(v: unknown, futureSlackMs: number): boolean {
  if (typeof v !== 'string' || v.length > 40 || !ISO_DATE_TIME.test(v)) return false;
  const t = Date.parse(v);
  if (Number.isNaN(t) || t < EARLIEST) return false;
  const latest = Number.isFinite(futureSlackMs)
    ? Date.now() + futureSlackMs
    : Date.parse('9999-12-31T23:59:59Z');
  return t <= latest;
}
export const isoDateInRangeMessage = (property: string, futureSlackMs: number): string =>
  Number.isFinite(futureSlackMs)
    ? `${property} must be an ISO 8601 date-time from 1900 up to now`
    : `${property} must be an ISO 8601 date-time from 1900 on`;

export function IsIsoDateInRange(
  futureSlackMs: number,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDateInRange',
      validator: {
        validate: (v: unknown) => isIsoDateInRange(v, futureSlackMs),
        defaultMessage: (args) => isoDateInRangeMessage(String(args?.property), futureSlackMs),
      },
    },
    options,
  );
}
