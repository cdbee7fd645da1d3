import { type Config, ConfigError, loadConfig } from '../config.ts';
import { systemClock } from '../lib/clock.ts';
import { createLogger } from '../lib/logger.ts';
import { createJiebaSegmenter } from '../search/jieba-segmenter.ts';
import { runCli } from './run.ts';

/** CLI entry point: the only place the CLI reads process.env / argv. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const code = await runCli(process.argv.slice(2), {
    config,
    clock: systemClock,
    logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
    segmenter: createJiebaSegmenter(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}

await main();
