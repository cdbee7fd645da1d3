import type { Config } from '../config.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { postRevisionNotices } from '../slack/documents/revision-notices.ts';
import { stringsFor } from '../slack/strings.ts';
import type { SlackClient } from '../slack/web-api.ts';

/**
 * Posts the notes owed to follow-up threads that no Slack action posted: a revision or a removal made on the
 * command line (`measures ingest`, `measures remove`). Uploads and `/measures remove` post theirs at once; each
 * note is claimed before it is posted, so running this often never posts one twice.
 */
export interface RevisionNoticeJobDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
  client: SlackClient;
}

export async function runRevisionNoticeJob(
  deps: RevisionNoticeJobDeps,
): Promise<{ posted: string[]; failed: string[] }> {
  const out = await postRevisionNotices(deps.client, { ...deps, strings: stringsFor(deps.config.BOT_LOCALE) });
  if (out.posted.length || out.failed.length)
    deps.logger.info('revision notes posted', { posted: out.posted.length, failed: out.failed.length });
  return out;
}
