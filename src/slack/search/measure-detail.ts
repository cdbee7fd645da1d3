import type { KnownBlock } from '@slack/types';
import { forceStatus } from '../../core/documents/in-force.ts';
import type { MeasureDetail, TaskRow } from '../../repo/documents-repo.ts';
import { context, fields, fitBlocks, header, section, takeWithin } from '../kit/elements.ts';
import { code, dueText, listNames, shortTitle } from '../kit/format.ts';
import { MAX_BLOCKS_PER_MESSAGE, MAX_SECTION_TEXT } from '../kit/limits.ts';
import { escapeAndFit, escapeMrkdwn } from '../kit/mrkdwn.ts';
import { type Reply, reply } from '../kit/reply.ts';
import type { Strings } from '../strings.ts';
import { type DetailActionBuilder, detailActions } from './detail-actions.ts';

export interface MeasureDetailInput {
  measure: MeasureDetail;
  /** The task or target the user asked for (show abcd-4.2): marked with ▶. */
  focusId?: string;
  today: string;
  strings: Strings;
  sharedBy?: string;
  actionBuilders?: DetailActionBuilder[];
  /** Sections other features add below the tasks (the measure's follow-ups and their history). */
  extraBlocks?: KnownBlock[];
}

/**
 * The measure's own text gets at most this many characters (policy items are ~300–1500), so that with the
 * header, source fields, follow-ups and tasks the message stays within MAX_MESSAGE_BLOCK_TEXT. Longer items are
 * cut with a note.
 */
export const MAX_MEASURE_TEXT = 4000;
/** Blocks other features add (follow-ups) get at most this much room: the full list has its own command. */
const MAX_EXTRA_BLOCKS = 12;
const MAX_EXTRA_TEXT = 2500;

/** Splits escaped text into ≤3000-char sections (at most `budget` chars in all) at paragraph or sentence ends. */
export function textSections(text: string, s: Strings, budget = MAX_MEASURE_TEXT): string[] {
  const chunks: string[] = [];
  let rest = text;
  let left = budget;
  while (rest.length > 0) {
    const room = Math.min(MAX_SECTION_TEXT, left);
    if (escapeMrkdwn(rest).length <= room) {
      chunks.push(escapeMrkdwn(rest));
      rest = '';
      break;
    }
    // Too little room left for a readable piece (and the "trimmed" note): stop here.
    if (room < 300) break;
    // Escaping can grow text up to 5×; cut on the raw text conservatively, then check.
    let cut = Math.min(rest.length, room - 200);
    const window = rest.slice(0, cut);
    const end = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf('；'));
    if (end > cut / 2) cut = end + 1;
    let piece = escapeMrkdwn(rest.slice(0, cut));
    while (piece.length > room - 50) {
      cut = Math.floor(cut * 0.8);
      piece = escapeMrkdwn(rest.slice(0, cut));
    }
    chunks.push(piece);
    left -= piece.length;
    rest = rest.slice(cut);
  }
  if (rest.length > 0) {
    const note = `_${s.textTrimmed}_`;
    if (chunks.length > 0) chunks[chunks.length - 1] += `\n${note}`;
    else chunks.push(note);
  }
  return chunks;
}

function taskBlock(
  task: TaskRow,
  index: number,
  today: string,
  s: Strings,
  focusId?: string,
  repeatsMeasureText = false,
): KnownBlock[] {
  const focused = focusId !== undefined && (task.id === focusId || task.targets.some((g) => g.id === focusId));
  const leads = task.departments.filter((d) => d.role === 'lead').map((d) => d.name);
  const cos = task.departments.filter((d) => d.role === 'co').map((d) => d.name);
  const depts =
    [leads.length ? `*${listNames(leads)}*` : '', listNames(cos)].filter(Boolean).join('、') +
    (task.departmentsIncomplete ? ` ${s.incompleteDepartments}` : '');
  const targets = task.targets.map(
    (g) => `• ${g.id === focusId ? '▶ ' : ''}${dueText(g, today, s)} ${escapeAndFit(g.text, 300)}`,
  );
  const lines = [
    // A one-task measure's task text is the measure text shown just above: do not print it twice.
    `${focused ? '▶ ' : ''}*${index + 1}.* ${repeatsMeasureText ? '' : `${escapeAndFit(task.text, 1200)} `}${code(task.id)}`,
    depts.trim() ? `${s.departments}: ${depts}` : '',
    ...targets,
  ].filter(Boolean);
  return [section(lines.join('\n'))];
}

/** `title。rest` → `rest`: the first task's text without the measure title it repeats (kept if that is all). */
export function withoutTitle(text: string, title: string): string {
  const t = title.trim();
  if (t === '' || !text.startsWith(t)) return text;
  const rest = text.slice(t.length).replace(/^[。.；;：:，,\s]+/, '');
  return rest === '' ? text : rest;
}

/** The detail view: full text, tasks with departments and dated targets, source document, action buttons. */
export function buildMeasureDetail(input: MeasureDetailInput): Reply {
  const { measure: m, today, strings: s, sharedBy } = input;
  const doc = m.document;
  const status = forceStatus(doc, today);
  const tasksCoverText =
    m.tasks.length > 0 && m.tasks.every((t) => t.text.trim() !== '' && m.text.includes(t.text.slice(0, 200)));
  const head: KnownBlock[] = [
    header(`${m.label} ${m.title}`),
    context([
      code(m.id),
      s.kinds[m.kind],
      [doc.region, shortTitle(doc.title)]
        .filter(Boolean)
        .map((x) => escapeMrkdwn(x!))
        .join(' · '),
      m.section ? `${s.section}: ${escapeAndFit(m.section, 200)}` : '',
      m.author ? `${s.author}: ${escapeMrkdwn(m.author)}` : '',
      s.asOf(today),
      ...(sharedBy ? [s.sharedBy(sharedBy)] : []),
    ]),
    // When the tasks are the measure's text cut into clause groups, show the text once: as the tasks.
    ...(tasksCoverText ? [] : textSections(m.text, s).map((t) => section(t))),
  ];
  const sourceFields = [
    `*${s.source}*\n${escapeAndFit(doc.title, 300)}`,
    doc.docNumber ? `*${s.docNumber}*\n${escapeMrkdwn(doc.docNumber)}` : '',
    doc.publishedOn ? `*${s.published}*\n${doc.publishedOn}` : '',
    doc.effectiveOn ? `*${s.effective}*\n${doc.effectiveOn}` : '',
    doc.expiresOn ? `*${s.expires}*\n${doc.expiresOn}` : '',
    status !== 'not_applicable' ? `*${s.statusLabel}*\n${s.status[status]}` : '',
    `*${s.documentId}*\n${code(doc.id)}`,
  ].filter(Boolean);
  const buttons = detailActions({ id: m.id, shared: Boolean(sharedBy) }, s, input.actionBuilders);
  const tail: KnownBlock[] = [{ type: 'divider' }, fields(sourceFields)];
  if (buttons.length) tail.push({ type: 'actions', block_id: 'measure_actions', elements: buttons });
  const single = !tasksCoverText && m.tasks.length === 1 && m.text.includes(m.tasks[0]!.text.slice(0, 200));
  // Task 1 often opens with the measure's title, which the header already shows.
  const taskItems = m.tasks.map((t, i) =>
    taskBlock(i === 0 ? { ...t, text: withoutTitle(t.text, m.title) } : t, i, today, s, input.focusId, single),
  );
  if (m.tasks.length && !m.tasks.some((t) => t.targets.length)) taskItems.push([context([s.noTargets])]);
  const blocks = fitBlocks(
    [...head, ...(m.tasks.length ? [section(`*${s.tasksHeading[m.kind]}*`)] : [])],
    taskItems,
    [...takeWithin(input.extraBlocks ?? [], MAX_EXTRA_BLOCKS, MAX_EXTRA_TEXT), ...tail],
    MAX_BLOCKS_PER_MESSAGE,
    s.andMore,
  );
  return reply(`${m.id} ${m.label} ${m.title}`, blocks);
}
