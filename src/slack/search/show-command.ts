import type { FollowupViewer } from '../../core/followups/permissions.ts';
import { ID_PATTERN, normalizeIdInput } from '../../core/ids.ts';
import { lookup } from '../../services/lookup-service.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import { followupDetailBlocks } from '../followups/detail-section.ts';
import { examplesOf, withExamples } from '../kit/examples.ts';
import { escapeMrkdwn, truncate } from '../kit/mrkdwn.ts';
import { notice, type Reply } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import { buildDocumentDetail } from './document-detail.ts';
import { buildMeasureDetail } from './measure-detail.ts';

/**
 * Renders whatever an id names: a measure (or one of its tasks/targets, focused) or a whole document. `viewer`:
 * who will read it where — follow-up notes are shown only to those who may read them.
 */
export function showById(
  rawId: string,
  deps: SlackDeps,
  opts: { sharedBy?: string; viewer?: FollowupViewer } = {},
): Reply {
  const s = deps.strings;
  const id = normalizeIdInput(rawId);
  const shown = escapeMrkdwn(truncate(rawId.trim(), 60));
  if (id === '') return notice(s.missingArg(escapeMrkdwn('show <id>')));
  const today = todayOf(deps);
  const found = lookup(deps.db, id, today);
  if (!found) return notice(withExamples(notFoundText(deps, id, shown), examplesOf(deps), s));
  if (found.type === 'document') {
    return buildDocumentDetail({ document: found.document, measures: found.measures, today, strings: s });
  }
  const focusId = found.focus.targetId ?? found.focus.taskId ?? undefined;
  return buildMeasureDetail({
    measure: found.measure,
    ...(focusId ? { focusId } : {}),
    today,
    strings: s,
    ...(opts.sharedBy ? { sharedBy: opts.sharedBy } : {}),
    extraBlocks: followupDetailBlocks(deps, found.measure.id, opts.viewer),
  });
}

/** Why an id names nothing: not an id at all, or an item its document does not have (saying what it has). */
function notFoundText(deps: SlackDeps, id: string, shown: string): string {
  const s = deps.strings;
  if (!ID_PATTERN.test(id)) return s.invalidId(shown);
  const docId = id.split('-')[0]!;
  const doc = docId !== id ? lookup(deps.db, docId) : undefined;
  if (doc?.type === 'document' && doc.measures.length > 0) {
    const ms = doc.measures;
    return s.notInDocument(shown, docId, ms.length, ms[0]!.id, ms[ms.length - 1]!.id);
  }
  return s.notFound(shown);
}

/** `/measures show abcd-4` (also a task `abcd-4.2`, a target `abcd-4.2.t1` or a document `abcd`). */
export const showCommand: Subcommand = {
  name: 'show',
  helpLines: (s) => [s.helpShow],
  usageHint: 'show <id>',
  aliases: ['详情', '查看', 'detail', 'id'],
  run: (inv, deps) =>
    showById(inv.args.split(/\s+/)[0] ?? '', deps, {
      viewer: { user: inv.public ? null : inv.userId, channel: inv.channelId },
    }),
};
