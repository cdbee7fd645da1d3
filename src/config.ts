import cron from 'node-cron';
import { z } from 'zod';
import { parseCron } from './core/digest/cron-schedule.ts';
import { isIsoDate, isTimeZone } from './lib/dates.ts';
import { parseQuietHours } from './lib/quiet-hours.ts';

/**
 * The one place the environment is read. Every setting the bot and the CLI understand, validated with zod so
 * that a bad value produces one readable message naming each problem.
 */

/** node-cron must accept it, and so must the digest's slot computation (which reads plain 5-field cron). */
function isSchedulable(expression: string): boolean {
  if (!cron.validate(expression)) return false;
  try {
    parseCron(expression);
    return true;
  } catch {
    return false;
  }
}
const CRON_HINT = 'is not a valid 5-field cron expression (minute hour day month weekday)';

/** A whole number setting in [min, max]; the messages name the rule ("PORT must be a number (got "abc")"). */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ invalid_type_error: 'must be a number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be between ${min} and ${max}` })
    .max(max, { message: `must be between ${min} and ${max}` })
    .default(fallback);

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const boolFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const idList = z
  .string()
  .optional()
  .transform((s) => (s ?? '').split(/[\s,]+/).filter((x) => x !== ''));

/** A Slack conversation id: C… (public channel), G… (private), D… (DM). Names cannot be posted to by id. */
const CHANNEL_ID = /^[CGD][A-Z0-9]+$/;
/** A channel link as Slack writes it when one is pasted (`<#C0123ABCD|general>`): its id is what is meant. */
const CHANNEL_LINK = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/;

const channelIdList = idList
  .transform((ids) => ids.map((id) => CHANNEL_LINK.exec(id)?.[1] ?? id))
  .superRefine((ids, ctx) => {
    const bad = ids.filter((id) => !CHANNEL_ID.test(id));
    if (bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be channel ids such as C0123ABCD, comma or space separated, not names (${bad.map((b) => `"${b}"`).join(', ')}); in Slack, open the channel's details to copy its id`,
      });
    }
  });

/** SEARCH_THREADS when unset: one, so that on a two-core machine the event loop keeps a core to itself. */
export const DEFAULT_SEARCH_THREADS = 1;

export const configSchema = z
  .object({
    DATABASE_PATH: z.string().trim().min(1).default('./data/measures.db'),
    SEEDS_DIR: z.string().trim().min(1).default('./seeds'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    SLACK_BOT_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xoxb-'), {
      message: 'must be a bot token starting with xoxb-',
    }),
    SLACK_APP_TOKEN: optionalString.refine((v) => v === undefined || v.startsWith('xapp-'), {
      message: 'must be an app-level token starting with xapp- (Socket Mode)',
    }),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/.+/.test(v), {
      message: 'must be an http(s) URL such as https://slack.com/api/',
    }),
    PORT: wholeNumber(0, 65535, 3000),
    /**
     * Worker threads that run the bot's searches (each with a read-only connection), so acknowledgements never
     * wait behind another command's SQL and searches use more than one core; 0 runs them in the main thread.
     */
    SEARCH_THREADS: wholeNumber(0, 16, DEFAULT_SEARCH_THREADS),
    BOT_LOCALE: z.enum(['zh', 'en']).default('zh'),
    SLACK_ADMIN_USERS: idList,
    /** Who may add documents from Slack besides the admins (user ids); empty = admins only. */
    INGEST_USERS: idList,
    DIGEST_CRON: z
      .string()
      .trim()
      .default('0 9 * * 1')
      .refine(isSchedulable, { message: `${CRON_HINT}, e.g. "0 9 * * 1" for Mondays 09:00` }),
    DIGEST_TZ: z
      .string()
      .trim()
      .default('Asia/Shanghai')
      .refine(isTimeZone, { message: 'is not a known IANA time zone (e.g. Asia/Shanghai)' }),
    DIGEST_CHANNELS: channelIdList,
    DIGEST_HORIZON_DAYS: wholeNumber(1, 366, 28),
    DIGEST_AS_OF: optionalString.refine((v) => v === undefined || isIsoDate(v), {
      message: 'must be a real date YYYY-MM-DD',
    }),
    DIGEST_SKIP_EMPTY: boolFlag,
    REMINDER_DAYS: wholeNumber(0, 60, 3),
    QUIET_HOURS: optionalString
      .refine((v) => v === undefined || parseQuietHours(v) !== undefined, {
        message: 'must be a daily window HH:MM-HH:MM in DIGEST_TZ, e.g. 20:00-08:00',
      })
      .transform((v) => (v === undefined ? undefined : parseQuietHours(v))),
    /** Working days before each escalation step: DM the assignee, reply in the thread to the creator, post in the channel. */
    ESCALATION_WORKING_DAYS: z
      .string()
      .trim()
      .default('1,1,1')
      .refine((v) => /^\d{1,2}\s*,\s*\d{1,2}\s*,\s*\d{1,2}$/.test(v) && v.split(',').every((n) => Number(n) >= 1), {
        message:
          'must be three whole numbers of working days ≥ 1 (before the DM, the thread reply, the channel post), e.g. 1,1,1',
      })
      .transform((v) => v.split(',').map((n) => Number(n.trim())) as [number, number, number]),
    REMINDER_CRON: z
      .string()
      .trim()
      .default('0 9 * * *')
      .refine(isSchedulable, { message: `${CRON_HINT}, e.g. "0 9 * * *" for every day 09:00` }),
  })
  .superRefine((c, ctx) => {
    if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN) {
      ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required when SLACK_APP_TOKEN is set' });
    }
    if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message: 'is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export type SlackMode = 'socket' | 'http' | 'console';

export function slackMode(config: Config): SlackMode {
  if (config.SLACK_APP_TOKEN && config.SLACK_BOT_TOKEN) return 'socket';
  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) return 'http';
  return 'console';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (pass `process.env` from the entry point). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || 'config';
    const value = env[key];
    const shown = value === undefined ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
    return `${key} ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}
