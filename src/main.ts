import { keepServingOnUnhandledRejection } from './app/process-guards.ts';
import type { startBot } from './app/start-bot.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

/**
 * `npm start`. The only place the bot reads process.env and handles signals; everything else is wired in
 * src/app/start-bot.ts. Exit codes: 0 normal end, 1 bad configuration or start-up failure.
 */
async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md ("Configuration") for every setting.\n`);
      return 1;
    }
    throw err;
  }
  // The bot's modules (Bolt, the parsers, SQLite) load only once the settings are valid: a bad setting is
  // reported at once instead of after a second of loading.
  const { startBot: start } = await import('./app/start-bot.ts');
  const logger = createLogger(config.LOG_LEVEL);
  keepServingOnUnhandledRejection(process, logger);
  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await start(config, {
      logger,
      clock: systemClock,
      io: {
        stdin: process.stdin,
        stdout: (t) => process.stdout.write(t),
        stdinIsTty: Boolean(process.stdin.isTTY),
        terminal: process.stdout,
      },
    });
  } catch (err) {
    logger.error('could not start', { error: (err as Error).message });
    return 1;
  }
  const running = bot;
  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await running.finished;
  await running.stop();
  return 0;
}

process.exitCode = await main();
