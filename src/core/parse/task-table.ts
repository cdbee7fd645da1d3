import type { ParsedMeasure, ParsedTarget, ParsedTask, ParseNote } from '../model.ts';
import { looksLikeOrganisation, parseResponsibility } from './departments.ts';
import { matchLabel } from './labels.ts';
import { normalizeText } from './normalize.ts';
import { chineseNumeral, HAN_NUMERAL_CHARS } from './numerals.ts';
import { CO_WORD, LEAD_WORD, LIST_WORD, UNIT_WORD } from './role-words.ts';
import { excerpt } from './structure.ts';
import { capNotes, type TaskReader } from './tasks.ts';

/**
 * Task tables (重点任务分工表, 任务分解表, 责任分工表): a table whose header row names a task column and at least one
 * responsibility column carries its measures as rows. Rows reach the parser one line each, cells tab-separated
 * (markup.ts, readers/docx.ts). Each data row is a measure labelled by its 序号 cell as written; its task's units
 * come from the 牵头 / 配合 / 责任 columns and its deadline from the 完成时限 column.
 */

type Column = 'serial' | 'task' | 'lead' | 'co' | 'list' | 'deadline' | 'other';

/** A header's note on its column: 责任单位（部门）, 牵头单位(盖章). */
const NOTE = '(?:[(（][^)）]{1,8}[)）])?';
/** 单位, 部门, 科室, 处室, or two of them (单位/部门, 部门、单位). */
const HEADER_UNIT_WORD = `${UNIT_WORD}(?:[/／、]?(?:单位|部门))?`;
/**
 * Responsibility columns are whole header cells (牵头单位, 配合部门, 责任单位（部门）): a word inside a longer cell
 * (参加人员 in an agenda) names no units, and neither does 主体 (实施主体 of a list of administrative services).
 */
const LEAD_HEADER = new RegExp(`^(?:${LEAD_WORD}(?:责任)?${HEADER_UNIT_WORD}|牵头)${NOTE}$`);
const CO_HEADER = new RegExp(`^(?:${CO_WORD}(?:责任)?${HEADER_UNIT_WORD}|配合)${NOTE}$`);
const LIST_HEADER = new RegExp(`^(?:主要|具体)?${LIST_WORD}${HEADER_UNIT_WORD}${NOTE}$`);
/** 重点任务, 工作任务, 具体措施, 目标与任务; 内容 and 事项 only with a word before them (工作内容, 重点事项). */
const TASK_HEADER = new RegExp(
  `^(?:(?:重点|主要|具体|目标与?|改革|年度)?(?:工作)?(?:任务|措施|举措|工作)(?:内容|措施|举措|事项|名称|及目标)?|(?:重点|主要|具体|改革|年度|工作|任务)(?:工作)?(?:事项|内容)(?:名称)?)${NOTE}$`,
);

const MAX_HEADER_CELL_CHARS = 32;

/** A header cell → the column it names. Officials (分管领导, 责任人) are not units, so they are checked first. */
function columnOf(cell: string): Column {
  // Header cells are short: a task cell of a data row is not normalised for nothing.
  if (cell.length > MAX_HEADER_CELL_CHARS) return 'other';
  const c = normalizeText(cell).replace(/\s+/g, '');
  if (/^(?:序号|编号|序列号?)$/.test(c)) return 'serial';
  if (/领导|责任人|联系人|负责人|分管/.test(c)) return 'other';
  if (LEAD_HEADER.test(c)) return 'lead';
  if (CO_HEADER.test(c)) return 'co';
  if (LIST_HEADER.test(c)) return 'list';
  if (/时限|时间|节点|期限|进度/.test(c)) return 'deadline';
  if (c.length <= 16 && TASK_HEADER.test(c)) return 'task';
  return 'other';
}

interface Header {
  cells: string[];
  columns: Column[];
}

const cellsOf = (line: string): string[] => line.split('\t').map((c) => c.trim());

/**
 * The header of a task table: a task column, a responsibility column, and a 序号 column or a lead / co column
 * besides (a list of tasks with one 责任单位 column and nothing else could be any list). markup.ts asks it too, to
 * keep the rows of such a table on one line each.
 * @example isTaskTableHeader(['序号', '重点任务', '牵头单位', '完成时限']) // true
 */
export function isTaskTableHeader(cells: readonly string[]): boolean {
  return headerOfCells(cells) !== null;
}

/**
 * Every task header holds one of these words (TASK_HEADER's), in either script: a table row arrives before
 * normalisation, and most rows are ruled out by this test alone.
 */
const TASK_WORD = /任[务務]|措施|[举舉]措|工作|事[项項]|[内內]容/;

/** Whether a table row, its cells joined by tabs as the readers write them, is a task table's header. */
export function isTaskTableHeaderRow(row: string): boolean {
  return TASK_WORD.test(row) && isTaskTableHeader(row.split('\t'));
}

/**
 * The readers follow a spanning cell with empty cells up to this column, so the cells after it stay under their
 * header: a task table is narrower, and the text stays small.
 */
export const MAX_EXPANDED_COLUMNS = 32;

function headerOfCells(raw: readonly string[]): Header | null {
  const cells = raw.map((c) => c.trim());
  const columns = cells.map(columnOf);
  if (!columns.includes('task')) return null;
  const leadOrCo = columns.some((c) => c === 'lead' || c === 'co');
  if (!leadOrCo && !columns.includes('list')) return null;
  if (!leadOrCo && !columns.includes('serial')) return null;
  return { cells, columns };
}

function headerOf(line: string): Header | null {
  return line.includes('\t') ? headerOfCells(cellsOf(line)) : null;
}

/**
 * A second header row under a spanning 责任单位 cell (牵头单位 | 配合单位): its sub-headers take the columns of the
 * spanning cell (and of the empty cells its colspan left after it), so the header has one column per data cell.
 * Null when the row is anything else.
 */
function withSubHeaders(header: Header, line: string): Header | null {
  if (!line.includes('\t')) return null;
  const subs = cellsOf(line).filter((c) => c !== '');
  const kinds = subs.map(columnOf);
  if (subs.length < 2 || kinds.some((k) => k !== 'lead' && k !== 'co' && k !== 'list')) return null;
  const at = header.columns.findIndex((k) => k === 'lead' || k === 'co' || k === 'list');
  let covered = 1;
  while (at + covered < header.cells.length && header.cells[at + covered] === '' && covered < subs.length) covered++;
  const cells = [...header.cells.slice(0, at), ...subs, ...header.cells.slice(at + covered)];
  return { cells, columns: cells.map(columnOf) };
}

/** What compares two header rows: their cells without spaces, trailing empty cells left out. */
const headerKey = (line: string): string =>
  normalizeText(line)
    .replace(/[ \u3000]+/g, '')
    .replace(/\t+$/, '');

/** Endings of header cells: a row of them (项目名称 | 建设内容 | 总投资 | 责任单位) heads another table. */
const HEADER_NOUN =
  /(?:序号|名称|内容|单位|部门|时限|时间|备注|类别|投资|规模|地点|进度|目标|指标|任务|措施|事项|金额|情况|领导|责任人)$/;

/** A header row (of another table when its cells differ from this one's): 序号 in a cell, or only header nouns. */
function looksLikeHeaderRow(line: string): boolean {
  const filled = cellsOf(line).filter((c) => c !== '');
  if (filled.length < 2) return false;
  if (filled.some((c) => columnOf(c) === 'serial') || headerOf(line)) return true;
  return filled.every((c) => {
    const n = normalizeText(c).replace(/\s+/g, '');
    return n.length <= 10 && HEADER_NOUN.test(n) && !looksLikeOrganisation(n);
  });
}

/** 附件2：重点项目清单, 附表, 表3: the start of another attachment ends the table. */
const ATTACHMENT = new RegExp(`^(?:附件|附表|表\\s*[0-9${HAN_NUMERAL_CHARS}]+)`);

/** 1, 12, 一, （三）, 3.: what a 序号 cell holds. */
const SERIAL = new RegExp(`^[(（]?(?:\\d{1,4}|[${HAN_NUMERAL_CHARS}]{1,6})[)）]?[、.．]?$`);

const NUMERAL = new RegExp(`\\d{1,4}|[${HAN_NUMERAL_CHARS}]{1,6}`);

function ordinalOf(label: string, fallback: number): number {
  const m = NUMERAL.exec(normalizeText(label));
  if (!m) return fallback;
  const n = chineseNumeral(m[0]);
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
 * A row's cells aligned with the header. A row whose first cells are empty (under a merged 序号 cell: rowspan in
 * HTML, vMerge in Word) continues the row above: those cells come from it. A short row (a copy that dropped empty
 * cells) continues merged cells when it does not start with a 序号: its cells are the last ones and the first come
 * from the row above; otherwise its last cells were empty.
 */
function align(cells: string[], state: RowState): { cells: string[]; inherited: number } {
  const n = state.header.columns.length;
  if (cells.length >= n) {
    const full = cells.slice(0, n);
    let inherited = 0;
    if (state.previous.length > 0) while (inherited < n - 1 && full[inherited] === '') inherited++;
    for (let k = 0; k < inherited; k++) full[k] = state.previous[k]!;
    return { cells: full, inherited };
  }
  const serialAt = state.header.columns.indexOf('serial');
  const startsWithSerial = serialAt === 0 && SERIAL.test(normalizeText(cells[0]!).trim());
  if (serialAt !== 0 || startsWithSerial || state.previous.length === 0) {
    return { cells: [...cells, ...Array<string>(n - cells.length).fill('')], inherited: 0 };
  }
  const missing = n - cells.length;
  return { cells: [...state.previous.slice(0, missing), ...cells], inherited: missing };
}

/** The columns of one table, by what they hold. */
interface TableColumns {
  header: Header;
  taskCols: number[];
  leadCols: number[];
  coCols: number[];
  listCols: number[];
  deadlineCols: number[];
}

function tableColumns(header: Header): TableColumns {
  const col = (c: Column): number[] => header.columns.flatMap((x, k) => (x === c ? [k] : []));
  const leadCols = col('lead');
  return {
    header,
    taskCols: col('task'),
    leadCols,
    // With a lead column, a plain 责任单位 column names the others (co); alone, it is a plain list.
    coCols: [...col('co'), ...(leadCols.length > 0 ? col('list') : [])].sort((a, b) => a - b),
    listCols: leadCols.length > 0 ? [] : col('list'),
    deadlineCols: col('deadline'),
  };
}

/** One row of a measure: its cells aligned with the header and its task text. */
interface TableRow {
  cells: string[];
  taskText: string;
}

/**
 * A measure of a task table before its tasks are read: index.ts reads every measure in document order with the
 * document's task reader (readTableItem), so the rules the text states (列第一位者为牵头单位, 以下均需X落实, the title's
 * period) reach the rows as they reach numbered items.
 */
export interface TableItem {
  /** Index of the paragraph of the row that starts it. */
  index: number;
  measure: Omit<ParsedMeasure, 'tasks'>;
  table: TableColumns;
  rows: TableRow[];
}

export interface TaskTables {
  items: TableItem[];
  /** Indexes of the paragraphs the tables occupy (header, rows, section rows): not numbered text. */
  lines: Set<number>;
  /** One structure note per table. */
  notes: ParseNote[];
}

/**
 * The task tables of the whole text (wherever they stand: their header decides). A table ends at a
 * line that is neither a row nor a section row, at an attachment's heading (附件2：…, 附表, 表3) and at a header row
 * that differs from its own (the header of another table: a new task table when it is one).
 * @example findTaskTables(['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t建设智慧园区。\t县发改委\t县财政局\t2024年底前'])
 */
export function findTaskTables(paras: string[]): TaskTables {
  const to = paras.length;
  const items: TableItem[] = [];
  const lines = new Set<number>();
  const notes: ParseNote[] = [];
  let i = 0;
  while (i < to) {
    let header = headerOf(paras[i]!);
    if (!header) {
      i++;
      continue;
    }
    lines.add(i);
    // The header rows as written: each page of a printed table repeats them.
    const own = new Set([headerKey(paras[i]!)]);
    let j = i + 1;
    const merged = j < to ? withSubHeaders(header, paras[j]!) : null;
    if (merged) {
      header = merged;
      own.add(headerKey(paras[j]!));
      lines.add(j);
      j++;
    }
    const table = tableColumns(header);
    const state: RowState = { header, previous: [] };
    const serialAt = header.columns.indexOf('serial');
    let section: string | null = null;
    let rows = 0;
    const isRow = (line: string | undefined): boolean =>
      line?.includes('\t') === true && !(looksLikeHeaderRow(line) && !own.has(headerKey(line)));
    for (; j < to; j++) {
      const line = paras[j]!;
      if (!line.includes('\t')) {
        // A row spanning the table (一、推动产业升级) is a section when rows follow it; anything else ends the table.
        const heading = !ATTACHMENT.test(line) && isRow(paras[j + 1]) ? sectionOf(line) : null;
        if (heading === null) break;
        section = heading;
        lines.add(j);
        continue;
      }
      if (own.has(headerKey(line))) {
        lines.add(j);
        continue;
      }
      if (!isRow(line)) break;
      const { cells, inherited } = align(cellsOf(line), state);
      state.previous = cells;
      lines.add(j);
      const taskText = table.taskCols
        .map((k) => cells[k]!)
        .filter((c) => c !== '')
        .join('\n');
      if (taskText === '') continue;
      const last = items[items.length - 1];
      if (inherited > 0 && last && rows > 0) {
        // A row under a merged 序号 cell: another task of the same measure; its own task cells join the text.
        const m = last.measure;
        const ownText = table.taskCols
          .filter((k) => k >= inherited && cells[k] !== '')
          .map((k) => cells[k]!)
          .join('\n');
        if (ownText !== '') m.text = `${m.text}\n${ownText}`;
        last.rows.push({ cells, taskText });
        continue;
      }
      rows++;
      const written = serialAt >= 0 ? cells[serialAt]!.trim() : '';
      const label = written !== '' ? written : String(rows);
      items.push({
        index: j,
        measure: {
          kind: 'measure',
          section,
          label,
          ordinal: ordinalOf(label, rows),
          title: titleOf(table.taskCols.map((k) => cells[k]!).find((c) => c !== '') ?? taskText),
          text: taskText,
          author: null,
        },
        table,
        rows: [{ cells, taskText }],
      });
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
  return { items, lines, notes };
}

/**
 * A table measure with its tasks, one per row, read by the document's task reader (its rules and period apply);
 * the notes of its rows are returned, for cappedTableNotes.
 */
export function readTableItem(item: TableItem, reader: TaskReader): { measure: ParsedMeasure; notes: ParseNote[] } {
  const notes: ParseNote[] = [];
  const tasks = item.rows.map((row) => rowTask(row, item.table, reader, notes));
  return { measure: { ...item.measure, tasks }, notes };
}

/** Row notes kept per kind; the rest are counted in one note, so a table of 10,000 unreadable rows stays small. */
export const MAX_TABLE_NOTES = 20;

/** The notes of all table rows of a document, at most MAX_TABLE_NOTES of a kind (their structure notes all). */
export function cappedTableNotes(notes: ParseNote[]): ParseNote[] {
  return capNotes(notes, { max: MAX_TABLE_NOTES, label: null, where: 'in the task table rows', uncapped: 'structure' });
}

/** One row's task: units from the responsibility columns, targets from the task text and the deadline cell. */
function rowTask(row: TableRow, c: TableColumns, reader: TaskReader, notes: ParseNote[]): ParsedTask {
  const { cells, taskText } = row;
  const filled = (cols: number[]): number[] => cols.filter((k) => cells[k]!.trim() !== '');
  const lead = filled(c.leadCols);
  const co = filled(c.coCols);
  const list = filled(c.listCols);
  const label = cells[c.header.columns.indexOf('serial')]?.trim() || null;
  // The task cell is read as any item's text, by the document's reader (a bracket in it may declare a rule).
  const targets: ParsedTarget[] = reader.read(taskText, label, notes).flatMap((t) => t.targets);
  const rules = reader.rules;
  // Read as labelled responsibility fields would be written, so the bracket rules decide the roles (first of a
  // plain 责任单位 list leads, 等 marks an incomplete list) and a name the lexicon does not know is read as a unit
  // in any column, as in any explicit field; kept as written, with the header's own column names.
  const read = [
    ...lead.map((k) => `牵头单位：${unitsOf(cells[k]!)}`),
    ...co.map((k) => `配合单位：${unitsOf(cells[k]!)}`),
    ...list.map((k) => `责任单位：${unitsOf(cells[k]!)}`),
  ].join('；');
  const written = [...lead, ...co, ...list]
    .sort((a, b) => a - b)
    .map((k) => `${c.header.cells[k]!.replace(/\s+/g, '')}：${cells[k]!.trim()}`)
    .join('；');
  const parsed = read === '' ? null : parseResponsibility(read, rules);
  // Work text that landed in a responsibility column (新建污水处理厂一座) is no unit: departments.ts leaves it unread.
  const departments = parsed?.departments ?? [];
  const dropped = parsed !== null && parsed.unreadNames.length > 0;
  const units = parsed !== null && departments.length > 0;
  if (read !== '' && (!units || dropped)) {
    notes.push({
      kind: 'unread_bracket',
      label,
      excerpt: excerpt(written),
      message: `The responsibility cells of a task table row could not be read as units: “${excerpt(written)}”.`,
    });
  }
  for (const k of c.deadlineCols) {
    const cell = cells[k]!.trim();
    if (cell !== '') targets.push(...reader.readDeadline(cell, label, notes));
  }
  return {
    text: taskText,
    responsibility: units ? written : null,
    departments: units ? departments : [],
    departmentsIncomplete: units ? parsed.incomplete : false,
    targets,
  };
}
