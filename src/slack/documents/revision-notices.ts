import {
  markRevisionNoticePosted,
  pendingRevisionNotices,
  type RevisionNotice,
} from '../../services/document-service.ts';
import type { SlackDeps } from '../deps.ts';
import { MAX_FALLBACK_TEXT } from '../kit/limits.ts';
import { escapeMrkdwn, truncateMrkdwn } from '../kit/mrkdwn.ts';
import type { Strings } from '../strings.ts';
import { type SlackClient, slackErrorCode } from '../web-api.ts';

/** A measure title quoted in a follow-up thread: enough to recognise it. */
const NOTICE_TITLE_CHARS = 120;

const short = (t: string) => escapeMrkdwn(t.length > NOTICE_TITLE_CHARS ? `${t.slice(0, NOTICE_TITLE_CHARS - 1)}…` : t);

/**
 * The note posted in a follow-up's thread after its measure changed or vanished (pure).
 * @example revisionNoticeText({ change: 'removed', documentTitle: '…', label: '（三）', title: '…', … }, s)
 */
export function revisionNoticeText(n: RevisionNotice, s: Strings): string {
  const doc = short(n.documentTitle);
  const label = escapeMrkdwn(n.label);
  if (n.change === 'removed') return s.docNoticeRemoved(doc, label, short(n.title));
  if (n.change === 'document_removed') return s.docNoticeDocumentRemoved(doc, label, short(n.title));
  const lines = [s.docNoticeChanged(doc, label, short(n.title))];
  const what = (n.what ?? []).map((a) => s.docAspects[a]);
  if (what.length) lines.push(s.docNoticeWhat(what.join('、')));
  const list = (xs: string[]) => (xs.length ? escapeMrkdwn(xs.join('、')) : s.docNone);
  if (n.deadlines) lines.push(s.docNoticeDeadlines(list(n.deadlines.before), list(n.deadlines.after)));
  if (n.units) lines.push(s.docNoticeUnits(list(n.units.before), list(n.units.after)));
  if (n.itemGone) lines.push(s.docNoticeItemGone);
  return truncateMrkdwn(lines.join('\n'), MAX_FALLBACK_TEXT);
}

/**
 * Posts every note owed to a follow-up thread (after an upload, a removal, or an ingest on the command line),
 * oldest first. Each note is claimed before it is posted, so two posters never post it twice; a note whose post
 * fails is logged and reported to the caller (its follow-up id), not retried. A follow-up that was never posted
 * has no thread: its note is claimed and dropped.
 */
export async function postRevisionNotices(
  client: SlackClient,
  deps: Pick<SlackDeps, 'db' | 'clock' | 'logger' | 'strings'>,
): Promise<{ posted: string[]; failed: string[] }> {
  const posted: string[] = [];
  const failed: string[] = [];
  for (const n of pendingRevisionNotices(deps.db)) {
    if (!markRevisionNoticePosted(deps, n.noticeId)) continue;
    if (!n.channel || !n.threadTs) continue;
    try {
      await client.chat.postMessage({
        channel: n.channel,
        thread_ts: n.threadTs,
        text: revisionNoticeText(n, deps.strings),
        unfurl_links: false,
      });
      posted.push(n.followupId);
    } catch (err) {
      deps.logger.warn('could not post a revision note in a follow-up thread', {
        followup: n.followupId,
        error: slackErrorCode(err),
      });
      failed.push(n.followupId);
    }
  }
  return { posted, failed };
}
