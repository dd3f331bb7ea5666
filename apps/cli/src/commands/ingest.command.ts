import { statSync } from 'node:fs';
import type { ArticleInput } from '@claimtrail/ingest';
import type { CliIo } from '../cli-io';
import { InputError, readArticle } from '../extract/read-article';
import { CLI_ACTOR } from './api-key.command';
import { CommandError, messageOf, type CliServices } from './cli-services';

export interface IngestFlags {
  outlet?: string;
  language?: 'ar' | 'en';
}

/** Longest headline taken from a file's first line; a longer first line is not a headline. */
const MAX_HEADLINE_CHARS = 500;
const LIMIT_HINT = 'MAX_ARTICLE_CHARS sets the limit';

/** The first line is the headline when more text follows it (the same layout `extract` reads). */
function headlineOf(text: string): string | null {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const first = lines[0];
  return lines.length > 1 && first && first.length <= MAX_HEADLINE_CHARS ? first : null;
}

/** Reads one article file under the service's size rule (characters, as the API counts them). */
function readForIngest(file: string, maxChars: number): string {
  const overLimit = (what: string) =>
    new InputError(`${file} ${what}, over the limit of ${maxChars} characters (${LIMIT_HINT})`);
  // UTF-8 takes at most 3 bytes per UTF-16 unit: a larger file is over the limit unread
  const maxBytes = maxChars * 3;
  const size = file === '-' ? undefined : statSync(file, { throwIfNoEntry: false });
  if (size?.isFile() && size.size > maxBytes) throw overLimit(`is ${size.size} bytes`);
  const text = readArticle(file, maxBytes, LIMIT_HINT);
  if (text.length > maxChars) throw overLimit(`has ${text.length} characters`);
  return text;
}

/**
 * `ingest FILE...`: stores each file as an article (actor `cli`) and queues its extraction.
 * Prints `created|existing <id> <file>` per file; a file that cannot be read is reported on
 * stderr and the others still go in. Returns the number of files that failed.
 */
export async function ingest(
  services: CliServices,
  files: string[],
  flags: IngestFlags,
  io: CliIo,
): Promise<number> {
  const articles = await services.articles();
  let failed = 0;
  for (const file of files) {
    let input: ArticleInput;
    try {
      const text = readForIngest(file, services.config.maxArticleChars);
      input = {
        text,
        headline: headlineOf(text),
        outlet: flags.outlet ?? null,
        language: flags.language ?? null,
      };
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      io.stderr(`claimtrail: ${e.message}\n`);
      failed += 1;
      continue;
    }
    const { article, created } = await articles.submit(input, CLI_ACTOR).catch((e: unknown) => {
      // Postgres went away: what was printed so far is stored, the rest is not
      throw new CommandError(`cannot store ${file}: ${messageOf(e)}`);
    });
    io.stdout(`${created ? 'created' : 'existing'} ${article.id} ${file}\n`);
  }
  if (services.notEnqueued > 0)
    io.stderr(
      `claimtrail: ${services.notEnqueued} article(s) stored but not queued (Redis unavailable); the worker's reconciler will queue them\n`,
    );
  return failed;
}
