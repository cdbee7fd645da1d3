import { parseFollowupCommand } from '../../core/followups/parse-command.ts';
import { assignFollowup, assignModalItem } from '../../services/followup-service.ts';
import { todayOf } from '../deps.ts';
import { examplesOf, withExamples } from '../kit/examples.ts';
import { notice } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { followupDeps } from './context.ts';
import { assignModal } from './modals.ts';
import { assignOutcomeText, dueNoteText, slackFailedText } from './outcome-text.ts';
import { publishCreated } from './publisher.ts';

/**
 * `/measures assign <id> @user [YYYY-MM-DD] [note]`. Slash commands do not run in threads, so the bot posts a
 * parent message for the follow-up in this channel. `/measures assign <id>` without a person opens the modal.
 * The text arrives decoded (dispatchCommand).
 */
export const assignCommand: Subcommand = {
  name: 'assign',
  aliases: ['指派', '分配'],
  helpLines: (s) => [s.fuAssignHelp],
  async run(inv, deps) {
    const s = deps.strings;
    const parsed = parseFollowupCommand(`assign ${inv.args}`);
    if (!parsed.ok || parsed.command.kind !== 'assign') {
      const words = inv.args.trim().split(/\s+/).filter(Boolean);
      // Only an id: let the person pick the assignee and date in the modal (trigger ids live 3 s: no slow work first).
      if (!parsed.ok && parsed.error === 'missing_user' && words.length === 1 && inv.triggerId) {
        const item = assignModalItem(deps.db, words[0]!);
        if (item) {
          await inv.client.views.open({
            trigger_id: inv.triggerId,
            view: assignModal({
              context: { itemId: item.itemId, channel: inv.channelId, threadTs: null },
              itemTitle: item.title,
              defaultDue: item.due,
              defaultAssignee: null,
              strings: s,
            }),
          });
          return undefined;
        }
      }
      return notice(withExamples(parsed.ok ? s.fuNeedItem : s.fuParseError[parsed.error], examplesOf(deps), s));
    }
    const cmd = parsed.command;
    if (cmd.itemId === null) return notice(withExamples(s.fuNeedItem, examplesOf(deps), s));
    const fdeps = followupDeps(deps);
    const outcome = await deps.write(() =>
      assignFollowup(fdeps, {
        itemId: cmd.itemId,
        assignee: cmd.assignee,
        actor: inv.userId,
        ...(cmd.due !== null ? { due: cmd.due } : {}),
        note: cmd.note,
        where: { channel: inv.channelId, threadTs: null },
        dedupeKey: inv.triggerId ? `trigger:${inv.triggerId}` : null,
        today: todayOf(deps),
      }),
    );
    if (!outcome.ok || !outcome.created) return notice(assignOutcomeText(outcome, s));
    const error = await publishCreated(fdeps, inv.client, outcome.followup);
    const said = error ? slackFailedText(outcome.followup.id, error, s) : assignOutcomeText(outcome, s);
    return notice(outcome.dueNote ? `${said}\n${dueNoteText(outcome.followup.id, outcome.dueNote, s)}` : said);
  },
};
