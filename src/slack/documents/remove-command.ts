import type { Button } from '@slack/types';
import { mayRemoveDocuments } from '../../core/documents/permissions.ts';
import { normalizeIdInput } from '../../core/ids.ts';
import { removeDocument } from '../../services/document-service.ts';
import { lookup } from '../../services/lookup-service.ts';
import type { SlackDeps } from '../deps.ts';
import { ACTIONS } from '../ids.ts';
import { button, section } from '../kit/elements.ts';
import { escapeMrkdwn, plain, truncate } from '../kit/mrkdwn.ts';
import { notice, type Reply, reply } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import type { SlackClient } from '../web-api.ts';
import { postRevisionNotices } from './revision-notices.ts';

/** Slack's confirmation dialog limits (Block Kit reference, "Confirmation dialog object"). */
const MAX_CONFIRM_TITLE = 100;
const MAX_CONFIRM_TEXT = 300;
const MAX_CONFIRM_BUTTON = 30;
/** A title quoted in the confirmation. */
const CONFIRM_TITLE_CHARS = 80;

/** The words that skip the button: `/measures remove abcd confirm`. */
const CONFIRM_WORDS = new Set(['confirm', 'yes', '确认']);

/** The "Remove document" button, behind Slack's own confirmation dialog. */
function removeButton(id: string, title: string, deps: SlackDeps): Button {
  const s = deps.strings;
  return {
    ...button(ACTIONS.REMOVE_DOCUMENT, s.docRemoveButton, id, 'danger'),
    confirm: {
      title: plain(s.docRemoveDialogTitle, MAX_CONFIRM_TITLE),
      text: plain(s.docRemoveDialogText(truncate(title, CONFIRM_TITLE_CHARS)), MAX_CONFIRM_TEXT),
      confirm: plain(s.docRemoveDialogConfirm, MAX_CONFIRM_BUTTON),
      deny: plain(s.docRemoveDialogDeny, MAX_CONFIRM_BUTTON),
      style: 'danger',
    },
  };
}

/**
 * Removes a document (admins only; checked again here because a button can be pressed by anyone who sees it),
 * then posts the notes owed to its follow-ups' threads. The follow-ups stay, marked.
 */
export async function removeAndReport(
  rawId: string,
  actor: string,
  client: SlackClient,
  deps: SlackDeps,
): Promise<Reply> {
  const s = deps.strings;
  if (!mayRemoveDocuments(actor, deps.config.SLACK_ADMIN_USERS)) return notice(s.docRemoveAdminsOnly);
  const out = removeDocument(deps, normalizeIdInput(rawId), actor);
  if (!out.ok) return notice(s.docRemoveNotFound(escapeMrkdwn(truncate(rawId, 40))));
  deps.logger.info('document removed', { id: out.documentId, by: actor, followups: out.orphanedFollowups.length });
  await postRevisionNotices(client, deps);
  return notice(s.docRemoved(escapeMrkdwn(out.title), out.documentId, out.measures, out.orphanedFollowups.length));
}

/**
 * `/measures remove <docId>` (admins): asks first — a button with a confirmation dialog — or removes at once with
 * `remove <docId> confirm`.
 */
export const removeCommand: Subcommand = {
  name: 'remove',
  aliases: ['删除文件'],
  helpLines: (s) => [s.docHelpRemove],
  async run(inv, deps) {
    const s = deps.strings;
    if (!mayRemoveDocuments(inv.userId, deps.config.SLACK_ADMIN_USERS)) return notice(s.docRemoveAdminsOnly);
    const [rawId = '', word = ''] = inv.args.trim().split(/\s+/);
    if (rawId === '') return notice(s.docRemoveUsage);
    const found = lookup(deps.db, normalizeIdInput(rawId));
    if (found?.type !== 'document') return notice(s.docRemoveNotFound(escapeMrkdwn(truncate(rawId, 40))));
    if (CONFIRM_WORDS.has(word.toLowerCase())) return removeAndReport(found.id, inv.userId, inv.client, deps);
    const title = found.document.title || found.document.file;
    const text = s.docRemoveConfirm(
      escapeMrkdwn(truncate(title, CONFIRM_TITLE_CHARS)),
      found.id,
      found.measures.length,
    );
    return reply(title, [section(text), { type: 'actions', elements: [removeButton(found.id, title, deps)] }]);
  },
};
