import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A problem with the input that the user can fix; printed as one line. */
export class InputError extends Error {}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** How the `extract` command raises the limit; other commands name their own setting. */
const MAX_BYTES_HINT = 'use --max-bytes to raise it';

/** "5 MB", "5.01 MB", "800 KB", "312 bytes": precise enough that a size and its limit differ. */
const describeSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'MB'] : [bytes / 1024, 'KB'];
  return `${Number.isInteger(value) ? value : value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
};

/** A size shown next to a limit, in bytes when rounding would make the two look equal. */
const sizeBeside = (bytes: number, limit: number): string => {
  const shown = describeSize(bytes);
  return Number.parseFloat(shown) === Number.parseFloat(describeSize(limit))
    ? `${bytes} bytes`
    : shown;
};

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** Reads at most `limit + 1` bytes, so an oversized input is refused without reading it all. */
function readBounded(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        // a non-blocking standard input with nothing yet: wait a little instead of spinning
        Atomics.wait(PAUSE, 0, 0, 10);
        continue;
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
    if (total > limit) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Decodes article bytes as UTF-8 text, refusing what is not an article: invalid UTF-8,
 * binary content, empty or whitespace-only text, or more than `maxBytes`.
 * A byte-order mark is kept, so offsets index exactly what a reader of the file sees.
 */
export function decodeArticle(
  bytes: Buffer,
  label: string,
  maxBytes: number,
  limitHint = MAX_BYTES_HINT,
): string {
  if (bytes.length > maxBytes)
    throw new InputError(`${label} is over the ${describeSize(maxBytes)} limit (${limitHint})`);
  if (bytes.includes(0)) throw new InputError(`${label} looks like binary data, not text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new InputError(`${label} is not valid UTF-8 text`);
  }
  // control characters other than tab, newlines and form feed are a sign of binary data
  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01)
    throw new InputError(`${label} looks like binary data, not text`);
  if (text.replace(/^\uFEFF/, '').trim().length === 0)
    throw new InputError(`${label} is empty: there is no text to extract`);
  return text;
}

/** Reads an article from a file, or from standard input for `-`. */
export function readArticle(file: string, maxBytes: number, limitHint = MAX_BYTES_HINT): string {
  if (file === '-')
    return decodeArticle(readBounded(0, maxBytes), 'standard input', maxBytes, limitHint);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a directory'
            : String(code ?? (e as Error).message);
    throw new InputError(`cannot read ${file}: ${why}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`cannot read ${file}: it is a directory`);
    if (stat.isFile() && stat.size > maxBytes)
      throw new InputError(
        `${file} is ${sizeBeside(stat.size, maxBytes)}, over the ${describeSize(maxBytes)} limit (${limitHint})`,
      );
    let bytes: Buffer;
    try {
      bytes = readBounded(fd, maxBytes);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new InputError(
        `cannot read ${file}: ${code === 'EISDIR' ? 'it is a directory' : (code ?? (e as Error).message)}`,
      );
    }
    return decodeArticle(bytes, file, maxBytes, limitHint);
  } finally {
    closeSync(fd);
  }
}
