import type { Db } from '../../../src/db/open.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import type { RecordedCall } from '../../helpers/fake-slack.ts';
import { FIXTURE } from '../../helpers/followup-fixture.ts';
import type { Harness } from '../harness.ts';
import { CHANNEL } from './payloads.ts';

/** Steps the follow-up end-to-end tests share, on a harness over the follow-up fixture. */

/** Forgets what an earlier test wrote (follow-ups, their events, handled event ids, the bot's item messages). */
export function clearFollowupTables(db: Db): void {
  db.exec(
    'DELETE FROM followup_events; DELETE FROM followups; DELETE FROM processed_events; DELETE FROM item_messages;',
  );
}

/**
 * Shares measure FIXTURE.measureId in CHANNEL with the real "Share in channel" button; resolves with the bot's
 * chat.postMessage, whose ts follow-up threads then hang from (the bot remembers which measure it is about).
 */
export async function shareFixtureMeasure(h: Harness): Promise<RecordedCall> {
  await h.press(ACTIONS.SHARE_MEASURE, FIXTURE.measureId, { channelId: CHANNEL });
  const [shared] = await h.fake.waitFor('chat.postMessage');
  return shared!;
}
