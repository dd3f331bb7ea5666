import { createHash, randomBytes, type Hash } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What a finished file holds: its size and its SHA-256 (hex), computed as it was written. */
export interface WrittenFile {
  bytes: number;
  sha256: string;
}

const TEMP_MARK = '.tmp-';

/**
 * A file written from start to end under a temporary name beside its destination and
 * renamed over it once complete and on disk: readers see the old file or the whole new one,
 * never a part. The SHA-256 and the size are computed from the bytes as they are written.
 * One write is in flight while the caller prepares the next, so encoding and disk overlap.
 */
export class ExportFile {
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private pending: Promise<unknown> = Promise.resolve();
  private done = false;

  private constructor(
    readonly destination: string,
    private readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates the directory if needed and opens a fresh temporary file for `destination`. */
  static async create(destination: string): Promise<ExportFile> {
    await mkdir(dirname(destination), { recursive: true });
    const temp = `${destination}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
    return new ExportFile(destination, temp, await open(temp, 'wx', 0o640));
  }

  /**
   * Removes what earlier attempts at `destination` left behind (a worker that died while
   * writing leaves its temporary file).
   */
  static async removeLeftovers(destination: string): Promise<void> {
    const prefix = `${basename(destination)}${TEMP_MARK}`;
    const entries = await readdir(dirname(destination)).catch(() => [] as string[]);
    await Promise.all(
      entries
        .filter((name) => name.startsWith(prefix))
        .map((name) => rm(join(dirname(destination), name), { force: true })),
    );
  }

  /** Appends `text` (UTF-8); resolves once the previous write is done and this one started. */
  async write(text: string): Promise<void> {
    if (text.length === 0) return;
    const chunk = Buffer.from(text, 'utf8');
    this.hash.update(chunk);
    this.bytes += chunk.length;
    await this.pending;
    this.pending = this.handle.write(chunk);
  }

  /** Flushes to disk and puts the file in place; resolves to its size and hash. */
  async commit(): Promise<WrittenFile> {
    await this.pending;
    await this.handle.datasync();
    await this.handle.close();
    this.done = true;
    await rename(this.temp, this.destination);
    // the rename itself survives a crash once the directory is on disk too
    const dir = await open(dirname(this.destination), 'r');
    await dir.sync().finally(() => dir.close());
    return { bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  /** Drops the temporary file; the destination is left as it was. Never throws. */
  async discard(): Promise<void> {
    await this.pending.catch(() => undefined);
    if (!this.done) await this.handle.close().catch(() => undefined);
    this.done = true;
    await rm(this.temp, { force: true }).catch(() => undefined);
  }
}
