import type { ParsedMeasure, ParsedTarget, ParsedTask, ParseNote } from '../model.ts';
import { parseResponsibility } from './departments.ts';
import { matchLabel } from './labels.ts';
import { normalizeText } from './normalize.ts';
import { chineseNumeral } from './numerals.ts';
import { deadlineField, readTargets } from './targets.ts';
import { readTasks } from './tasks.ts';

/**
 * Task tables (重点任务分工表, 任务分解表, 责任分工表): a table whose header row names a task column and at least one
 * responsibility column carries its measures as rows. Rows reach the parser one line each, cells tab-separated
 * (markup.ts, readers/docx.ts). Each data row is a measure labelled by its 序号 cell as written; its task's units
 * come from the 牵头 / 配合 / 责任 columns and its deadline from the 完成时限 column.
 */

type Column = 'serial' | 'task' | 'lead' | 'co' | 'list' | 'deadline' | 'other';

/** A header cell → the column it names. Officials (分管领导, 责任人) are not units, so they are checked first. */
function columnOf(cell: string): Column {
  const c = normalizeText(cell).replace(/\s+/g, '');
  if (/^(?:序号|编号|序列号?)$/.test(c)) return 'serial';
  if (/领导|责任人|联系人|负责人|分管/.test(c)) return 'other';
  if (/牵头|主责|主办/.test(c)) return 'lead';
  if (/配合|参与|协同|协办|协助|参加/.test(c)) return 'co';
  if (/^(?:主要|具体)?(?:责任|负责|承办|实施|落实)(?:单位|部门|主体|处室|科室)(?:[(（][^)）]{1,8}[)）])?$/.test(c))
    return 'list';
  if (/时限|时间|节点|期限|进度/.test(c)) return 'deadline';
  if (
    c.length <= 16 &&
    /^(?:重点|主要|具体|目标与?|改革|年度)?(?:工作)?(?:任务|措施|举措|工作|事项|内容)(?:内容|措施|举措|事项|名称|及目标)?(?:[(（][^)）]{1,8}[)）])?$/.test(
      c,
    )
  )
    return 'task';
  return 'other';
}

interface Header {
  cells: string[];
  columns: Column[];
}

/** A row is a header when it names a task column and a responsibility column. */
function headerOf(line: string): Header | null {
  if (!line.includes('\t')) return null;
  const cells = line.split('\t').map((c) => c.trim());
  const columns = cells.map(columnOf);
  if (!columns.includes('task')) return null;
  if (!columns.some((c) => c === 'lead' || c === 'co' || c === 'list')) return null;
  return { cells, columns };
}

/** 1, 12, 一, （三）, 3.: what a 序号 cell holds. */
const SERIAL = /^[(（]?(?:\d{1,4}|[一二三四五六七八九十百]{1,6})[)）]?[、.．]?$/;

function ordinalOf(label: string, fallback: number): number {
  const m = /\d{1,4}|[一二三四五六七八九十百]{1,6}/.exec(normalizeText(label));
  if (!m) return fallback;
  const n = /\d/.test(m[0]) ? Number(m[0]) : chineseNumeral(m[0]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** The task cell's heading: its first sentence, or the cell itself when it is short. */
function titleOf(text: string): string {
  const stop = normalizeText(text).search(/[。!?；;]/);
  const t = stop >= 0 ? text.slice(0, stop) : text.length <= 60 ? text : text.slice(0, 60);
  return t.replace(/[:：，,、]+$/, '').trim();
}

/** A section row (一、推动产业升级 spanning the row) heads the rows after it. */
function sectionOf(line: string): string | null {
  if (line.length > 60 || /[。；;]$/.test(normalizeText(line))) return null;
  const m = matchLabel(line);
  const heading = (m ? m.rest : line).replace(/[:：。.]+$/, '').trim();
  return heading === '' ? null : heading;
}

/** Names in a table cell are separated by 、, commas or spaces (县发改委 县财政局): spaces become 、 for the reader. */
const unitsOf = (cell: string): string => cell.trim().replace(/\s+/g, '、');

interface RowState {
  header: Header;
  /** The previous row's cells, aligned with the header: the value of a merged cell on the rows it spans. */
  previous: string[];
}

/**
 * A row's cells aligned with the header. A short row continues merged cells: when it does not start with a 序号
 * (the merged 序号 cell is on an earlier row) its cells are the last ones and the first come from the row above;
 * otherwise its last cells were empty.
 */
function align(cells: string[], state: RowState): { cells: string[]; inherited: number } {
  const n = state.header.columns.length;
  if (cells.length >= n) return { cells: cells.slice(0, n), inherited: 0 };
  const serialAt = state.header.columns.indexOf('serial');
  const startsWithSerial = serialAt === 0 && SERIAL.test(normalizeText(cells[0]!).trim());
  if (serialAt !== 0 || startsWithSerial || state.previous.length === 0) {
    return { cells: [...cells, ...Array<string>(n - cells.length).fill('')], inherited: 0 };
  }
  const missing = n - cells.length;
  return { cells: [...state.previous.slice(0, missing), ...cells], inherited: missing };
}

export interface TaskTables {
  /** The measures of every task table, each with the index of the row that starts it. */
  items: Array<{ index: number; measure: ParsedMeasure }>;
  /** Indexes of the paragraphs the tables occupy (header, rows, section rows): not numbered text. */
  lines: Set<number>;
  notes: ParseNote[];
}

interface Building {
  index: number;
  measure: ParsedMeasure;
}

/**
 * The task tables between from and to (index.ts passes the whole text: the header decides). anchor is the
 * document's written date (for 年底前 without a year).
 * @example findTaskTables(['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t建设智慧园区。\t县发改委\t县财政局\t2024年底前'], 0, 2, '2024-03-01')
 */
export function findTaskTables(paras: string[], from: number, to: number, anchor: string | null): TaskTables {
  const items: Building[] = [];
  const lines = new Set<number>();
  const notes: ParseNote[] = [];
  let i = from;
  while (i < to) {
    const header = headerOf(paras[i]!);
    if (!header) {
      i++;
      continue;
    }
    lines.add(i);
    const state: RowState = { header, previous: [] };
    const col = (c: Column): number[] => header.columns.flatMap((x, k) => (x === c ? [k] : []));
    const taskCols = col('task');
    const leadCols = col('lead');
    // With a lead column, a plain 责任单位 column names the others (co); alone, it is a plain list.
    const coCols = [...col('co'), ...(leadCols.length > 0 ? col('list') : [])].sort((a, b) => a - b);
    const listCols = leadCols.length > 0 ? [] : col('list');
    const deadlineCols = col('deadline');
    const serialAt = header.columns.indexOf('serial');
    let section: string | null = null;
    let rows = 0;
    let j = i + 1;
    for (; j < to; j++) {
      const line = paras[j]!;
      if (!line.includes('\t')) {
        // A row spanning the table (一、推动产业升级) is a section when rows follow it; anything else ends the table.
        const next = paras[j + 1];
        const heading = next?.includes('\t') ? sectionOf(line) : null;
        if (heading === null) break;
        section = heading;
        lines.add(j);
        continue;
      }
      if (headerOf(line)) {
        // The header repeated on each page.
        lines.add(j);
        continue;
      }
      const { cells, inherited } = align(
        line.split('\t').map((c) => c.trim()),
        state,
      );
      state.previous = cells;
      lines.add(j);
      const taskText = taskCols
        .map((k) => cells[k]!)
        .filter((c) => c !== '')
        .join('\n');
      if (taskText === '') continue;
      const task = rowTask(cells, header, { taskText, leadCols, coCols, listCols, deadlineCols }, anchor, notes);
      const last = items[items.length - 1];
      if (inherited > 0 && last && rows > 0) {
        // A row under a merged 序号 cell: another task of the same measure; its own task cells join the text.
        const m = last.measure;
        const own = taskCols
          .filter((k) => k >= inherited && cells[k] !== '')
          .map((k) => cells[k]!)
          .join('\n');
        if (own !== '') m.text = `${m.text}\n${own}`;
        m.tasks.push(task);
        continue;
      }
      rows++;
      const written = serialAt >= 0 ? cells[serialAt]!.trim() : '';
      const label = written !== '' ? written : String(rows);
      const measure: ParsedMeasure = {
        kind: 'measure',
        section,
        label,
        ordinal: ordinalOf(label, rows),
        title: titleOf(taskCols.map((k) => cells[k]!).find((c) => c !== '') ?? taskText),
        text: taskText,
        author: null,
        tasks: [task],
      };
      items.push({ index: j, measure });
    }
    if (rows > 0) {
      notes.push({
        kind: 'structure',
        label: null,
        excerpt: header.cells.join(' | '),
        message: `A task table (header ${header.cells.join(' | ')}) was read row by row: ${rows} measures, each row's units from its responsibility columns.`,
      });
    }
    i = j;
  }
  return { items, lines, notes: capped(notes) };
}

/** Row notes kept per kind; the rest are counted in one note, so a table of 10,000 unreadable rows stays small. */
export const MAX_TABLE_NOTES = 20;

function capped(notes: ParseNote[]): ParseNote[] {
  const seen = new Map<ParseNote['kind'], number>();
  const out: ParseNote[] = [];
  for (const n of notes) {
    const k = (seen.get(n.kind) ?? 0) + 1;
    seen.set(n.kind, k);
    if (n.kind === 'structure' || k <= MAX_TABLE_NOTES) out.push(n);
  }
  for (const [kind, count] of seen) {
    if (kind !== 'structure' && count > MAX_TABLE_NOTES) {
      out.push({
        kind,
        label: null,
        excerpt: null,
        message: `${count - MAX_TABLE_NOTES} more of the same kind in the task table rows.`,
      });
    }
  }
  return out;
}

interface Columns {
  taskText: string;
  leadCols: number[];
  coCols: number[];
  listCols: number[];
  deadlineCols: number[];
}

/** One row's task: units from the responsibility columns, targets from the task text and the deadline cell. */
function rowTask(cells: string[], header: Header, c: Columns, anchor: string | null, notes: ParseNote[]): ParsedTask {
  const filled = (cols: number[]): number[] => cols.filter((k) => cells[k]!.trim() !== '');
  const lead = filled(c.leadCols);
  const co = filled(c.coCols);
  const list = filled(c.listCols);
  const label = cells[header.columns.indexOf('serial')]?.trim() || null;
  // Read as a responsibility line would be written, so the bracket rules decide the roles (first of a plain list
  // leads, 等 marks an incomplete list); kept as written, with the header's own column names.
  const read = [
    ...lead.map((k) => `牵头单位：${unitsOf(cells[k]!)}`),
    ...co.map((k) => `配合单位：${unitsOf(cells[k]!)}`),
    ...list.map((k) => unitsOf(cells[k]!)),
  ].join('；');
  const written = [...lead, ...co, ...list]
    .sort((a, b) => a - b)
    .map((k) => `${header.cells[k]!.replace(/\s+/g, '')}：${cells[k]!.trim()}`)
    .join('；');
  const parsed = read === '' ? null : parseResponsibility(read);
  if (read !== '' && !parsed) {
    notes.push({
      kind: 'unread_bracket',
      label,
      excerpt: written.slice(0, 120),
      message: `The responsibility cells of a task table row could not be read as units: “${written.slice(0, 120)}”.`,
    });
  }
  const reading = readTasks(c.taskText, { anchor, label });
  notes.push(...reading.notes);
  const targets: ParsedTarget[] = reading.tasks.flatMap((t) => t.targets);
  // A deadline cell holds a bare date (2024年6月, a target by its column) or dated steps (①3月底前，完成设计招标。
  // ②6月底前…), read as any text is.
  for (const k of c.deadlineCols) {
    const cell = cells[k]!.trim();
    if (cell === '') continue;
    const steps = readTargets(cell, { anchor, period: null }).targets;
    const field = steps.length === 0 ? deadlineField(cell, { anchor, period: null }) : null;
    targets.push(...steps, ...(field ? [field] : []));
  }
  return {
    text: c.taskText,
    responsibility: parsed ? written : null,
    departments: parsed?.departments ?? [],
    departmentsIncomplete: parsed?.incomplete ?? false,
    targets,
  };
}
