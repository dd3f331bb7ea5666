import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { extract, type Language } from '@claimtrail/attribution';
import { DEFAULT_MAX_BYTES, InputError, readArticle } from './extract/read-article';
import { formatTextReport } from './extract/text-report';

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function parseByteCount(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 5000000, 800kb or 20mb');
  const unit = (m[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * factor);
  if (n < 1) throw new InvalidArgumentError('must be at least one byte');
  return n;
}

interface ExtractFlags {
  lang?: Language;
  format: 'json' | 'text';
  maxBytes: number;
  publisher?: string;
}

function buildProgram(io: CliIo): Command {
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
  return program;
}

/** Runs the command line; returns the exit status. */
export function runCli(argv: string[], io: CliIo): number {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError) {
      io.stderr(`claimtrail: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
