import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { extract, type Language } from '@claimtrail/attribution';
import { ConfigError, loadConfig } from '@claimtrail/config';
import { EXPORT_KINDS, ROLES, type Role } from '@claimtrail/persistence';
import type { CliIo } from './cli-io';
import { createApiKey } from './commands/api-key.command';
import { exportCommand, type ExportFlags } from './commands/export.command';
import { CliServices, CommandError } from './commands/cli-services';
import { ingest, type IngestFlags } from './commands/ingest.command';
import { migrate } from './commands/migrate.command';
import { DEFAULT_MAX_BYTES, InputError, readArticle } from './extract/read-article';
import { formatTextReport } from './extract/text-report';

export type { CliIo } from './cli-io';

function parseByteCount(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 5000000, 800kb or 20mb');
  const unit = (m[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * factor);
  if (n < 1) throw new InvalidArgumentError('must be at least one byte');
  return n;
}

/** An ISO 8601 date or date-time ("2025-06-01", "2025-06-01T12:00:00Z"). */
function parseIsoTime(value: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
  if (!iso.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('expected an ISO 8601 time such as 2025-06-01T00:00:00Z');
  return new Date(value).toISOString();
}

function parseKeyName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 100)
    throw new InvalidArgumentError('must be 1 to 100 characters');
  return name;
}

/** Runs a command against the services of the configuration in the environment. */
async function withServices<T>(run: (services: CliServices) => Promise<T>): Promise<T> {
  const services = new CliServices(loadConfig());
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}

interface ExtractFlags {
  lang?: Language;
  format: 'json' | 'text';
  maxBytes: number;
  publisher?: string;
}

/** What a command that ran to its end reports besides output: 1 when some of its work failed. */
interface Outcome {
  status: 0 | 1;
}

function buildProgram(io: CliIo, outcome: Outcome): Command {
  const program = new Command('claimtrail')
    .description('Claim attribution for Arabic and English news articles.')
    .exitOverride()
    // one line on stderr for a usage error, as for bad input
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (message, write) => write(`${message.trimEnd()} (see --help)\n`),
    });

  program
    .command('extract')
    .description('Print the claims and sources of an article (needs no database or queue).')
    .argument('<file>', "a UTF-8 text file, headline on the first line; '-' reads standard input")
    .addOption(
      new Option('--lang <language>', 'the article language (detected when omitted)').choices([
        'ar',
        'en',
      ]),
    )
    .addOption(
      new Option('--format <format>', 'json (the extraction contract) or text (for people)')
        .choices(['json', 'text'])
        .default('json'),
    )
    .option(
      '--max-bytes <size>',
      'refuse inputs larger than this',
      parseByteCount,
      DEFAULT_MAX_BYTES,
    )
    .option('--publisher <name>', 'the outlet that published the article (never listed as a relay)')
    .action((file: string, flags: ExtractFlags) => {
      const text = readArticle(file, flags.maxBytes);
      const result = extract(text, { language: flags.lang, publisher: flags.publisher });
      io.stdout(
        flags.format === 'text' ? formatTextReport(result) : JSON.stringify(result, null, 2) + '\n',
      );
    });

  program
    .command('migrate')
    .description(
      'Create the database (DATABASE_URL) if it does not exist and apply pending migrations.',
    )
    .action(() => migrate(loadConfig(), io));

  program
    .command('api-key')
    .description('Manage API keys.')
    .command('create')
    .description('Create an API key and print it (once).')
    .addOption(
      new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory(),
    )
    .requiredOption('--name <name>', 'who or what the key is for', parseKeyName)
    .action((flags: { role: Role; name: string }) =>
      withServices((services) => createApiKey(services, flags.name, flags.role, io)),
    );

  program
    .command('ingest')
    .description(
      'Store articles and queue their extraction; prints "created|existing <id> <file>" per file.',
    )
    .argument('<file...>', "UTF-8 text files, headline on the first line; '-' reads standard input")
    .option('--outlet <name>', 'the outlet that published the articles')
    .addOption(
      new Option('--language <language>', "the articles' language (detected when omitted)").choices(
        ['ar', 'en'],
      ),
    )
    .action(async (files: string[], flags: IngestFlags) => {
      const failed = await withServices((services) => ingest(services, files, flags, io));
      if (failed > 0) outcome.status = 1;
    });

  program
    .command('export')
    .description(
      'Write an export (as POST /exports does) straight from Postgres to a file; prints its size, SHA-256 and audit chain head.',
    )
    .addOption(
      new Option('--kind <kind>', 'what to export').choices(EXPORT_KINDS).makeOptionMandatory(),
    )
    .requiredOption('--out <file>', 'where to write it (replaced whole, once complete)')
    .option('--from <time>', 'only what happened at or after this ISO 8601 time', parseIsoTime)
    .option('--to <time>', 'only what happened before this ISO 8601 time', parseIsoTime)
    .action(async (flags: ExportFlags, command: Command) => {
      if (flags.from && flags.to && Date.parse(flags.to) < Date.parse(flags.from))
        command.error("error: option '--to <time>' must not be before --from", { exitCode: 2 });
      await withServices((services) => exportCommand(services, flags, io));
    });
  return program;
}

/** Runs the command line; resolves to the exit status. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const outcome: Outcome = { status: 0 };
  const program = buildProgram(io, outcome);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return outcome.status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError || e instanceof CommandError) {
      io.stderr(`claimtrail: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ConfigError) {
      // ConfigError lists one problem a line; here they go on one line: "…: A; B"
      const message = e.message.replace(/:\n\s*- /, ': ').replace(/\n\s*- /g, '; ');
      io.stderr(`claimtrail: ${message}\n`);
      return 1;
    }
    throw e;
  }
}
