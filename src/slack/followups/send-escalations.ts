import { ESCALATION_STEPS } from '../../core/followups/escalation.ts';
import type { EscalationTarget, SendEscalation } from '../../services/escalation-service.ts';
import { DM_TITLE_CHARS } from '../kit/limits.ts';
import { escapeAndFit } from '../kit/mrkdwn.ts';
import type { Strings } from '../strings.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';

/**
 * Sends one escalation step through the Web API: 1 a DM to the assignee, 2 a reply in the follow-up's thread
 * mentioning its creator, 3 a post in each channel subscribed to it. Steps 2 and 3 are `skipped` when the
 * follow-up has no thread or no channel covers it. A failure throws with Slack's error code.
 */
export function slackEscalationSender(client: SlackClient, s: Strings): SendEscalation {
  return async (t: EscalationTarget) => {
    const f = t.followup;
    const title = escapeAndFit(t.title ?? f.measureId, DM_TITLE_CHARS);
    const days = t.overdueWorkingDays;
    const due = f.due ?? '';
    const threadTs = f.messageTs ?? f.threadTs;
    const link = async () =>
      f.channel && threadTs
        ? ((await client.chat.getPermalink({ channel: f.channel, message_ts: threadTs }).catch(() => undefined))
            ?.permalink ?? '')
        : '';
    try {
      if (t.step === ESCALATION_STEPS.dmAssignee) {
        await client.chat.postMessage({
          channel: f.assignee,
          text: s.escDm(f.id, title, due, days, await link()),
          unfurl_links: false,
        });
        return 'sent';
      }
      if (t.step === ESCALATION_STEPS.threadCreator) {
        if (!f.channel || !f.threadTs) return 'skipped';
        await client.chat.postMessage({
          channel: f.channel,
          thread_ts: f.threadTs,
          text: s.escThread(f.id, f.createdBy, f.assignee, due, days),
        });
        return 'sent';
      }
      if (t.channels.length === 0) return 'skipped';
      const permalink = await link();
      for (const channel of t.channels) {
        await client.chat.postMessage({
          channel,
          text: s.escChannel(f.id, title, f.assignee, due, days, permalink),
          unfurl_links: false,
        });
      }
      return 'sent';
    } catch (err) {
      throw new Error(slackErrorCode(err));
    }
  };
}
