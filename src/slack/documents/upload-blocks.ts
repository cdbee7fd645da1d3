import type { ActionsBlock, KnownBlock } from '@slack/types';
import { forceStatus } from '../../core/documents/in-force.ts';
import type { DocumentChanges, IngestedFile } from '../../services/ingest-service.ts';
import { ACTIONS } from '../ids.ts';
import { button, context, fields, header, section } from '../kit/elements.ts';
import { MAX_SECTION_TEXT } from '../kit/limits.ts';
import { escapeMrkdwn, truncate, truncateMrkdwn } from '../kit/mrkdwn.ts';
import { notice, type Reply, reply } from '../kit/reply.ts';
import type { Strings } from '../strings.ts';

/** Parser notes listed under an upload's answer; the rest are counted. */
export const MAX_NOTES_SHOWN = 8;
/** Measures named per line of a change summary; the rest are counted. */
const MAX_MEASURES_LISTED = 12;
/** Show buttons under an upload's answer besides "Show document". */
const MAX_MEASURE_BUTTONS = 4;
/** A measure title beside its Show button. */
const MEASURE_TITLE_CHARS = 80;
/** A note's excerpt as quoted in the answer. */
const NOTE_EXCERPT_CHARS = 60;

export interface UploadAnswerInput {
  result: IngestedFile;
  today: string;
  strings: Strings;
  /** Follow-up threads told about the revision, and those that could not be. */
  told?: { posted: string[]; failed: string[] };
}

function measureList(items: { id: string; label: string; title?: string }[], s: Strings): string {
  const shown = items.slice(0, MAX_MEASURES_LISTED).map((m) => `${escapeMrkdwn(m.label)} \`${m.id}\``);
  if (items.length > MAX_MEASURES_LISTED) shown.push(s.andMore(items.length - MAX_MEASURES_LISTED));
  return shown.join('、');
}

function changeLines(c: DocumentChanges, s: Strings): string[] {
  const lines: string[] = [];
  if (c.added.length) lines.push(s.docAddedMeasures(measureList(c.added, s)));
  if (c.removed.length) lines.push(s.docRemovedMeasures(measureList(c.removed, s)));
  if (c.changed.length) {
    const listed = c.changed.slice(0, MAX_MEASURES_LISTED).map((m) => {
      const what = m.what.map((a) => s.docAspects[a]).join('/');
      return `${escapeMrkdwn(m.label)} \`${m.id}\`${what ? ` (${what})` : ''}`;
    });
    if (c.changed.length > MAX_MEASURES_LISTED) listed.push(s.andMore(c.changed.length - MAX_MEASURES_LISTED));
    lines.push(s.docChangedMeasures(listed.join('、')));
  }
  if (c.relabelled.length) lines.push(s.docRelabelled(c.relabelled.length));
  if (lines.length === 0) lines.push(s.docNoChanges);
  return lines;
}

function notesSection(r: IngestedFile, s: Strings): KnownBlock[] {
  if (r.notes.length === 0) return [context([s.docNoNotes])];
  const lines = r.notes.slice(0, MAX_NOTES_SHOWN).map((n) => {
    const parts = [`*${s.docNoteKind[n.kind]}*`];
    if (n.label) parts.push(escapeMrkdwn(n.label));
    if (s.docShowNoteMessage) parts.push(escapeMrkdwn(n.message));
    else if (n.kind === 'kind') parts.push(s.docReadAs[r.kind]);
    if (n.excerpt) parts.push(`“${escapeMrkdwn(truncate(n.excerpt, NOTE_EXCERPT_CHARS))}”`);
    return `• ${parts.join(' · ')}`;
  });
  if (r.notes.length > MAX_NOTES_SHOWN) lines.push(s.docMoreNotes(r.notes.length - MAX_NOTES_SHOWN));
  return [section(truncateMrkdwn(`${s.docNotesHeading(r.notes.length)}\n${lines.join('\n')}`, MAX_SECTION_TEXT))];
}

/**
 * A revision's added and changed measures, each with its own Show button (one per section: action ids must be
 * unique within a block); the document's button shows them all.
 */
function measureSections(r: IngestedFile, s: Strings): KnownBlock[] {
  const c = r.changes;
  const picked = c ? [...c.added, ...c.changed] : [];
  return picked
    .slice(0, MAX_MEASURE_BUTTONS)
    .map((m) =>
      section(
        `${escapeMrkdwn(m.label)} ${escapeMrkdwn(truncate(m.title, MEASURE_TITLE_CHARS))}`,
        button(ACTIONS.SHOW_MEASURE, s.docShowMeasure(m.label), m.id),
      ),
    );
}

/**
 * The answer in an uploaded file's thread: what was indexed (title, 文号, region, measures, tasks, targets, in
 * force), for a revision what changed, what the parser was unsure of, and Show buttons. A file already indexed
 * (same content) gets a one-line "already indexed as …".
 * @example buildUploadAnswer({ result, today: '2026-12-01', strings }).blocks[0].type // 'header'
 */
export function buildUploadAnswer(input: UploadAnswerInput): Reply {
  const { result: r, strings: s } = input;
  const title = r.title || r.file;
  if (r.duplicateOf || r.status === 'unchanged') {
    const line = s.docAlreadyIndexed(escapeMrkdwn(title), r.documentId);
    const more = r.duplicateOf ? ` ${s.docSameContentAs(escapeMrkdwn(r.duplicateOf))}` : '';
    return reply(`${title} (${r.documentId})`, [
      section(`${line}${more}`),
      { type: 'actions', elements: [button(ACTIONS.SHOW_MEASURE, s.docShowDocument, r.documentId)] },
    ]);
  }
  const status = forceStatus(
    { kind: r.kind, effectiveOn: r.effectiveOn, publishedOn: r.publishedOn, expiresOn: r.expiresOn },
    input.today,
  );
  const f = s.docFields;
  const blocks: KnownBlock[] = [
    header(r.status === 'updated' ? s.docUpdatedTitle(title) : s.docIndexedTitle(title)),
    fields([
      `*${f.number}*\n${r.docNumber ? escapeMrkdwn(r.docNumber) : s.docNone}`,
      `*${f.region}*\n${r.region ? escapeMrkdwn(r.region) : s.docNone}`,
      `*${f.measures}*\n${r.measures}`,
      `*${f.tasks}*\n${r.tasks}`,
      `*${f.targets}*\n${r.targets}`,
      `*${f.force}*\n${s.status[status]}`,
      `*${f.id}*\n\`${r.documentId}\``,
    ]),
  ];
  if (r.revisionOf && r.changes) {
    const lines = [
      s.docRevisionOf(escapeMrkdwn(r.revisionOf.file), s.docMatchedBy[r.revisionOf.matchedBy]),
      s.docChangesHeading,
      ...changeLines(r.changes, s),
    ];
    if (input.told?.posted.length) lines.push(s.docFollowupsTold(input.told.posted.length));
    if (input.told?.failed.length)
      lines.push(s.docFollowupsNotTold(input.told.failed.map((id) => `\`${id}\``).join(', ')));
    blocks.push(section(truncateMrkdwn(lines.join('\n'), MAX_SECTION_TEXT)));
  }
  blocks.push(...measureSections(r, s), ...notesSection(r, s));
  const actions: ActionsBlock = {
    type: 'actions',
    elements: [button(ACTIONS.SHOW_MEASURE, s.docShowDocument, r.documentId, 'primary')],
  };
  blocks.push(actions);
  return reply(
    `${r.status === 'updated' ? s.docUpdatedTitle(title) : s.docIndexedTitle(title)} (${r.documentId})`,
    blocks,
  );
}

/** A file that could not be indexed: the reason, and that nothing changed. `reason` is plain text. */
export function buildUploadRefusal(reason: string, s: Strings): Reply {
  return notice(s.docCannotRead(escapeMrkdwn(reason)));
}
