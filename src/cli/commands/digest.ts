import { parseArgs } from 'node:util';

import { duePhrase } from '../../core/digest/due-phrase.ts';
import { renderDigestText } from '../../core/digest/render-text.ts';
import type { Digest, DigestItem, Locale } from '../../core/digest/types.ts';
import type { Db } from '../../db/open.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { digestAsOf, digestForChannel } from '../../services/digest-service.ts';
import { digestPostingClient, postDigestMessage } from '../../slack/digest/post-digest.ts';
import { type CliCommand, type CliContext, openReadIndex, printJson, UsageError } from '../context.ts';

function itemJson(item: DigestItem, locale: Locale) {
  return { ...item, dueText: duePhrase(item, locale) };
}

export function digestJson(d: Digest, locale: Locale) {
  return {
    asOf: d.asOf,
    horizonDays: d.horizonDays,
    upcoming: d.upcoming.map((i) => itemJson(i, locale)),
    overdue: d.overdue.map((i) => itemJson(i, locale)),
    done: d.done,
  };
}

/** Why `--post` cannot run with this configuration, or null when it can. */
function postProblem(ctx: CliContext): string | null {
  if (!ctx.config.SLACK_BOT_TOKEN)
    return '--post needs a bot token: set SLACK_BOT_TOKEN=xoxb-… (and DIGEST_CHANNELS) in the environment.';
  if (ctx.config.DIGEST_CHANNELS.length === 0) {
    return '--post needs at least one channel id in DIGEST_CHANNELS (e.g. DIGEST_CHANNELS=C0123456789).';
  }
  return null;
}

interface DigestArgs {
  asOf: string;
  horizonDays: number;
}

/**
 * Posts to every DIGEST_CHANNELS channel what that channel's next digest holds (the same computation as the
 * scheduled post); a manual post is not a scheduled slot, so no claim is taken.
 */
async function post(ctx: CliContext, db: Db, args: DigestArgs, token: string): Promise<number> {
  const { config } = ctx;
  // No retries: a retried post whose answer was lost is a second copy in the channel; the person can rerun it.
  const client = digestPostingClient(token, { slackApiUrl: config.SLACK_API_URL });
  let failures = 0;
  for (const channel of config.DIGEST_CHANNELS) {
    try {
      const digest = digestForChannel(db, { channel, ...args, now: ctx.clock() });
      const ts = await postDigestMessage(client, channel, digest, config.BOT_LOCALE);
      ctx.stderr(`posted to ${channel} (ts ${ts})\n`);
    } catch (err) {
      failures++;
      ctx.stderr(`could not post to ${channel}: ${(err as Error).message}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'Show the weekly digest of upcoming and overdue targets (or post it to DIGEST_CHANNELS)',
  usage: 'measures digest [--as-of YYYY-MM-DD] [--horizon-days N] [--channel ID] [--json] [--post] [--db PATH]',
  async run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: {
        'as-of': { type: 'string' },
        'horizon-days': { type: 'string' },
        json: { type: 'boolean' },
        post: { type: 'boolean' },
        channel: { type: 'string' },
        db: { type: 'string' },
      },
      allowPositionals: false,
    });
    const problem = values.post ? postProblem(ctx) : null;
    if (problem) {
      ctx.stderr(`${problem}\n`);
      return 1;
    }
    const asOf = values['as-of'] ?? digestAsOf(ctx.config, ctx.clock());
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${asOf}".`);
    const horizonDays =
      values['horizon-days'] === undefined ? ctx.config.DIGEST_HORIZON_DAYS : Number(values['horizon-days']);
    if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 366) {
      throw new UsageError(`--horizon-days must be a whole number from 0 to 366, not "${values['horizon-days']}".`);
    }
    // The digest a channel would get next ("done" since its last posted digest), as `/measures digest` shows it.
    const channel = values.channel ?? ctx.config.DIGEST_CHANNELS[0] ?? null;
    const db = openReadIndex(ctx, values.db);
    try {
      const digest = digestForChannel(db, { channel, asOf, horizonDays, now: ctx.clock() });
      const locale = ctx.config.BOT_LOCALE;
      if (values.json) printJson(ctx, digestJson(digest, locale));
      else ctx.stdout(renderDigestText(digest, locale));
      return values.post ? await post(ctx, db, { asOf, horizonDays }, ctx.config.SLACK_BOT_TOKEN!) : 0;
    } finally {
      db.close();
    }
  },
};
