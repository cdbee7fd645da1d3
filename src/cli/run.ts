import { DatabaseError, STORAGE_ADVICE, storageProblem } from '../db/errors.ts';
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
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
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
