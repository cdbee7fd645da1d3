import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, slackMode } from '../src/config.ts';

describe('loadConfig', () => {
  it('has working defaults with an empty environment (local console)', () => {
    const c = loadConfig({});
    expect(c.DATABASE_PATH).toBe('./data/measures.db');
    expect(c.DIGEST_TZ).toBe('Asia/Shanghai');
    expect(c.DIGEST_HORIZON_DAYS).toBe(28);
    expect(c.DIGEST_CHANNELS).toEqual([]);
    expect(slackMode(c)).toBe('console');
  });

  it('picks Socket Mode with an app token and HTTP with a signing secret', () => {
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe('http');
  });

  it('parses lists and flags', () => {
    const c = loadConfig({ DIGEST_CHANNELS: 'C1, C2 C3', DIGEST_SKIP_EMPTY: 'true', SLACK_ADMIN_USERS: 'U1' });
    expect(c.DIGEST_CHANNELS).toEqual(['C1', 'C2', 'C3']);
    expect(c.DIGEST_SKIP_EMPTY).toBe(true);
    expect(c.SLACK_ADMIN_USERS).toEqual(['U1']);
    // INGEST_USERS: who may add documents besides the admins; unset means nobody else.
    expect(loadConfig({ INGEST_USERS: 'U2, U3' }).INGEST_USERS).toEqual(['U2', 'U3']);
    expect(loadConfig({}).INGEST_USERS).toEqual([]);
  });

  it('takes DIGEST_CHANNELS as channel ids, reading a pasted channel link as its id', () => {
    expect(loadConfig({ DIGEST_CHANNELS: '<#C0123ABCD|general>, G0PRIVATE' }).DIGEST_CHANNELS).toEqual([
      'C0123ABCD',
      'G0PRIVATE',
    ]);
  });

  it.each(['#general', 'general', 'not a channel', 'C1,#random', '<#general>'])(
    'refuses DIGEST_CHANNELS=%s at start, naming what is not an id',
    (value) => {
      let error: ConfigError | undefined;
      try {
        loadConfig({ DIGEST_CHANNELS: value });
      } catch (err) {
        error = err as ConfigError;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect(error!.problems).toEqual([
        expect.stringMatching(/^DIGEST_CHANNELS must be channel ids such as C0123ABCD.*not names/),
      ]);
      if (value === 'not a channel') expect(error!.problems[0]).toContain('"not", "a", "channel"');
    },
  );

  it('names every problem in one readable message', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({
        DIGEST_CRON: 'every monday',
        DIGEST_TZ: 'Mars/Olympus',
        PORT: 'eighty',
        SLACK_BOT_TOKEN: 'xoxp-user-token',
        DIGEST_AS_OF: '2023/01/01',
      });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = error!.problems.map((p) => p.split(' ')[0]);
    expect(keys).toEqual(
      expect.arrayContaining(['DIGEST_CRON', 'DIGEST_TZ', 'PORT', 'SLACK_BOT_TOKEN', 'DIGEST_AS_OF']),
    );
    expect(error!.message).toMatch(/DIGEST_TZ is not a known IANA time zone/);
    expect(error!.message).toMatch(/got "every monday"/);
  });

  it('says what a number setting must be, not zod’s words', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        return (err as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ PORT: 'abc' })).toEqual(['PORT must be a number (got "abc")']);
    expect(problems({ PORT: '1.5' })).toEqual(['PORT must be a whole number (got "1.5")']);
    expect(problems({ REMINDER_DAYS: '99' })).toEqual(['REMINDER_DAYS must be between 0 and 60 (got "99")']);
  });

  it('requires a signing secret or app token with a bot token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/SLACK_BOT_TOKEN is required/);
  });
});

describe('loadConfig: schedules and dates the jobs can really use', () => {
  it('refuses cron shortcuts the digest slot computation cannot read, and impossible dates', () => {
    expect(() => loadConfig({ DIGEST_CRON: '@weekly' })).toThrow(/DIGEST_CRON is not a valid 5-field cron/);
    expect(() => loadConfig({ REMINDER_CRON: '61 9 * * *' })).toThrow(/REMINDER_CRON/);
    expect(() => loadConfig({ DIGEST_AS_OF: '2023-02-30' })).toThrow(/DIGEST_AS_OF must be a real date/);
    expect(loadConfig({ DIGEST_CRON: '30 8 * * 1-5', DIGEST_AS_OF: '2024-02-29' }).DIGEST_AS_OF).toBe('2024-02-29');
  });
});

describe('loadConfig: quiet hours and escalation delays', () => {
  it('reads QUIET_HOURS as a daily window and ESCALATION_WORKING_DAYS as three delays', () => {
    const c = loadConfig({ QUIET_HOURS: '20:00-08:00', ESCALATION_WORKING_DAYS: '1, 2,3' });
    expect(c.QUIET_HOURS).toEqual({ startMinute: 20 * 60, endMinute: 8 * 60 });
    expect(c.ESCALATION_WORKING_DAYS).toEqual([1, 2, 3]);
    expect(loadConfig({}).QUIET_HOURS).toBeUndefined();
    expect(loadConfig({}).ESCALATION_WORKING_DAYS).toEqual([1, 1, 1]);
  });

  it('refuses a window or delays it cannot use, saying what to write', () => {
    expect(() => loadConfig({ QUIET_HOURS: '8pm-8am' })).toThrow(/QUIET_HOURS must be a daily window HH:MM-HH:MM/);
    expect(() => loadConfig({ ESCALATION_WORKING_DAYS: '1,0,1' })).toThrow(
      /ESCALATION_WORKING_DAYS must be three whole numbers/,
    );
    expect(() => loadConfig({ ESCALATION_WORKING_DAYS: '1,1' })).toThrow(/ESCALATION_WORKING_DAYS/);
  });
});
