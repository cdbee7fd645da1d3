import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../lib/logger.ts';

/** Routes Bolt's own log lines through our logger, so they share its format, level and stream. */
export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const join = (msg: unknown[]) =>
    msg.map((m) => (typeof m === 'string' ? m : m instanceof Error ? m.message : JSON.stringify(m))).join(' ');
  return {
    debug: (...msg) => logger.debug(`bolt: ${join(msg)}`),
    info: (...msg) => logger.info(`bolt: ${join(msg)}`),
    warn: (...msg) => logger.warn(`bolt: ${join(msg)}`),
    error: (...msg) => logger.error(`bolt: ${join(msg)}`),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
