import { z } from 'zod';
import { isIsoDate } from '../../lib/dates.ts';
import { digestAsOf, digestForChannel } from '../../services/digest-service.ts';
import { examplesOf, withExamples } from '../kit/examples.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { buildDigestMessage } from './blocks.ts';

/** The optional argument: a date to compute the digest for (replaying a past week). */
const argsSchema = z
  .string()
  .trim()
  .transform((s) => s.split(/\s+/)[0] ?? '')
  .refine((s) => s === '' || isIsoDate(s));

/** `/measures digest [YYYY-MM-DD]` — the weekly digest as it would be posted, shown only to the caller. */
export const digestCommand: Subcommand = {
  name: 'digest',
  aliases: ['周报'],
  helpLines: (s) => [s.digestHelpLine],
  run(inv, deps) {
    const s = deps.strings;
    const parsed = argsSchema.safeParse(inv.args);
    if (!parsed.success) {
      return notice(withExamples(s.digestBadDate(escapeMrkdwn(truncate(inv.args.trim(), 40))), examplesOf(deps), s));
    }
    const now = deps.clock();
    // What this channel's first subscription posts next (everything when it has none).
    const digest = digestForChannel(deps.db, deps.config, {
      channel: inv.channelId,
      asOf: parsed.data === '' ? digestAsOf(deps.config, now) : parsed.data,
      now,
      segmenter: deps.segmenter,
    });
    // "Only you can see this preview" is true of /measures digest, not of an answer to a public @mention.
    return buildDigestMessage({
      digest,
      strings: s,
      locale: deps.locale,
      ...(inv.public ? {} : { note: s.digestPreviewNote }),
    });
  },
};
