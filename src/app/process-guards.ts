import type { Logger } from '../lib/logger.ts';

/**
 * A promise rejected with no handler (in a library's callback, or a listener that forgot to await) would end
 * the process under Node's default and take every other user's request with it. Log it and keep serving:
 * each request's own state is lost at worst, the database is untouched (every write is a transaction).
 * Installed by the entry point, never at import time.
 *
 * @example
 * keepServingOnUnhandledRejection(process, logger);
 */
export function keepServingOnUnhandledRejection(proc: Pick<NodeJS.Process, 'on'>, logger: Logger): void {
  proc.on('unhandledRejection', (reason: unknown) => {
    const error = reason instanceof Error ? reason : new Error(String(reason));
    logger.error('unhandled promise rejection (the bot keeps running)', { error: error.message, stack: error.stack });
  });
}
