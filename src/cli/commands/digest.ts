import { parseArgs } from 'node:util';

import { duePhrase } from '../../core/digest/due-phrase.ts';
import { renderDigestText } from '../../core/digest/render-text.ts';
import type { Digest, DigestItem, Locale } from '../../core/digest/types.ts';
import type { Db } from '../../db/open.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { deliverDigest, digestAsOf, digestForChannel } from '../../services/digest-service.ts';
import { digestAudiences } from '../../services/subscription-service.ts';
import { type CliCommand, type CliContext, openReadIndex, openSearchIndex, printJson, UsageError } from '../context.ts';

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
  if (!ctx.config.SLACK_BOT_TOKEN) return '--post needs a bot token: set SLACK_BOT_TOKEN=xoxb-… in the environment.';
  return null;
}

interface PostArgs {
  /** --as-of; else each audience's today in its zone (or DIGEST_AS_OF). */
  asOf: string | undefined;
  horizonDays: number | undefined;
  channel: string | undefined;
}

/**
 * Posts every audience's digest now (each subscription, each DIGEST_CHANNELS channel; `--channel` one channel's),
 * as the scheduled job would. The post is recorded under the current instant as its slot, so "done since the
 * last digest" starts there, but it never takes a scheduled slot's claim.
 */
async function post(ctx: CliContext, db: Db, args: PostArgs, token: string): Promise<number> {
  const { config } = ctx;
  const audiences = digestAudiences(db, config, args.channel);
  if (audiences.length === 0) {
    ctx.stderr(
      args.channel === undefined
        ? 'Nothing to post to: no DIGEST_CHANNELS and no channel subscriptions (/measures subscribe in a channel).\n'
        : `Nothing to post to: ${args.channel} is not in DIGEST_CHANNELS and has no subscriptions.\n`,
    );
    return 1;
  }
  // Slack's Web API client loads only for a post: every other command starts without it.
  const { digestPostingClient, slackDigestPoster } = await import('../../slack/digest/post-digest.ts');
  // No retries: a retried post whose answer was lost is a second copy in the channel; the person can rerun it.
  const client = digestPostingClient(token, { slackApiUrl: config.SLACK_API_URL });
  const deliver = {
    db,
    logger: ctx.logger,
    post: slackDigestPoster(client, config.BOT_LOCALE),
    segmenter: ctx.segmenter,
  };
  let failures = 0;
  for (const a of audiences) {
    const now = ctx.clock();
    const audience = args.horizonDays === undefined ? a : { ...a, horizonDays: args.horizonDays };
    const asOf = args.asOf ?? digestAsOf(config, now, audience.timeZone);
    const r = await deliverDigest(deliver, { audience, slot: now, asOf, now });
    const to = audience.subscriptionId === null ? r.channel : `${r.channel} #${audience.subscriptionId}`;
    if (r.outcome === 'posted') ctx.stderr(`posted to ${to} (ts ${r.ts})\n`);
    else if (r.outcome === 'skipped_empty') ctx.stderr(`nothing to post to ${to} (skip-empty)\n`);
    else if (r.outcome === 'already_claimed') ctx.stderr(`already posted to ${to} at this instant\n`);
    else if (r.outcome === 'failed') {
      failures++;
      ctx.stderr(`could not post to ${to}: ${r.error}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

export const digestCommand: CliCommand = {
  name: 'digest',
  summary: 'Show the weekly digest of upcoming and overdue targets (or post every subscription’s digest now)',
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
    const asOfFlag = values['as-of'];
    const asOf = asOfFlag ?? digestAsOf(ctx.config, ctx.clock());
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${asOf}".`);
    const horizonDays =
      values['horizon-days'] === undefined ? ctx.config.DIGEST_HORIZON_DAYS : Number(values['horizon-days']);
    if (!Number.isInteger(horizonDays) || horizonDays < 0 || horizonDays > 366) {
      throw new UsageError(`--horizon-days must be a whole number from 0 to 366, not "${values['horizon-days']}".`);
    }
    // The digest a channel would get next ("done" since its last posted digest), as `/measures digest` shows it.
    // A post records its claims (and a subscription's keywords are searched: the index must match the
    // dictionary, as the bot ensures at start); a preview only reads.
    const db = values.post ? openSearchIndex(ctx, values.db) : openReadIndex(ctx, values.db);
    try {
      if (values.post) {
        const horizon = values['horizon-days'] === undefined ? undefined : horizonDays;
        return await post(
          ctx,
          db,
          { asOf: asOfFlag, horizonDays: horizon, channel: values.channel },
          ctx.config.SLACK_BOT_TOKEN!,
        );
      }
      const channel = values.channel ?? ctx.config.DIGEST_CHANNELS[0] ?? null;
      const digest = digestForChannel(db, ctx.config, {
        channel,
        asOf,
        horizonDays,
        now: ctx.clock(),
        segmenter: ctx.segmenter,
      });
      const locale = ctx.config.BOT_LOCALE;
      if (values.json) printJson(ctx, digestJson(digest, locale));
      else ctx.stdout(renderDigestText(digest, locale, ctx.config.DIGEST_TZ));
      return 0;
    } finally {
      db.close();
    }
  },
};
