import { DatabaseError, STORAGE_ADVICE, storageProblem } from '../db/errors.ts';
import { editDistance } from '../lib/edit-distance.ts';
import { IngestError } from '../services/ingest-service.ts';
import { commands } from './commands/index.ts';
import { type CliContext, UsageError } from './context.ts';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'measures — index and search Chinese policy measures',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Usage:',
    ...commands.map((c) => `  ${c.usage}`),
    '',
    'JSON goes to stdout, logs to stderr; the exit code is 1 on failure.',
  ].join('\n');
}

/**
 * Node's parseArgs errors in the command's terms: an unknown option with the closest valid one and the list
 * (read from the usage line, so it cannot drift), a missing value, an unexpected argument.
 */
function argsProblem(err: Error, code: string, usage: string): string {
  const options = [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])];
  const given = /'(-{1,2}[A-Za-z][\w-]*)/.exec(err.message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const close = options
      .filter((o) => editDistance(o, given) <= 2)
      .sort((a, b) => editDistance(a, given) - editDistance(b, given));
    const hint = close[0] ? ` Did you mean ${close[0]}?` : '';
    return `Unknown option ${given}.${hint} Valid options: ${options.join(', ') || 'none'}.`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return `${given || 'An option'} needs a value (or takes none); see the usage.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return 'This command takes no arguments besides its options.';
  return err.message;
}

/** Runs one CLI invocation; returns the exit code. Never throws: every failure becomes a readable message. */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.stdout(`${helpText()}\n`);
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`Unknown command "${name}".\n\n${helpText()}\n`);
    return 1;
  }
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    const problem = err instanceof DatabaseError ? null : storageProblem(err);
    const code = (err as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      ctx.stderr(`${argsProblem(err as Error, code, command.usage)}\nUsage: ${command.usage}\n`);
    } else if (err instanceof UsageError) {
      ctx.stderr(`${(err as Error).message}\nUsage: ${command.usage}\n`);
    } else if (err instanceof IngestError) {
      ctx.stderr(`${err.message}\n`);
    } else if (problem) {
      // A disk or file problem met mid-command (a full disk during ingest): say what to do, not only SQLite's code.
      ctx.stderr(`measures ${name} failed: ${(err as Error).message}. ${STORAGE_ADVICE[problem]}\n`);
    } else {
      ctx.stderr(`measures ${name} failed: ${(err as Error).message}\n`);
      ctx.logger.debug('stack', { stack: (err as Error).stack });
    }
    return 1;
  }
}
