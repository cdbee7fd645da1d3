import type { ParsedMeasure, ParsedTask, ParseNote } from '../model.ts';
import { normalizeText } from './normalize.ts';

/**
 * A plan often restates its numbered measures in an attached task table (附件：重点任务分工表), a row per measure
 * with its lead units and deadline. Such a row assigns that measure; it is no measure of its own. A row restates a
 * measure when its task text begins with the measure's whole title, compared on the letters and digits of the
 * normalised text (punctuation, spaces and full-width forms aside), and no other measure has that title. Rows
 * that paraphrase stay measures of their own.
 */

/** Shorter titles (落实, 加强领导 is four) say too little to identify a measure. */
const MIN_TITLE_CHARS = 4;
/** Longer titles are cut here: a row is compared on this many characters at most, whatever its length. */
const MAX_TITLE_CHARS = 60;

const compact = (s: string): string => normalizeText(s).replace(/[^\p{L}\p{N}]+/gu, '');

export interface FoldedRows {
  /** The measures in document order, restated rows removed and their tasks joined to the measures they restate. */
  measures: ParsedMeasure[];
  /** How many table rows were restatements. */
  folded: number;
  notes: ParseNote[];
}

/**
 * Joins each restating row's tasks to the measure it restates. `fromTable[i]` says whether `measures[i]` is a
 * task-table row. A row's target due on the same day, at the same precision, as one of the measure's own is
 * the same commitment and is not added again; its units are.
 *
 * @example foldRestatedRows([body('（一）', '发展直播电商'), row('1', '发展直播电商，培育基地10个')], [false, true]).folded // 1
 */
export function foldRestatedRows(measures: ParsedMeasure[], fromTable: boolean[]): FoldedRows {
  const byTitle = new Map<string, number | null>();
  measures.forEach((m, i) => {
    if (fromTable[i]) return;
    const key = compact(m.title).slice(0, MAX_TITLE_CHARS);
    if (key.length < MIN_TITLE_CHARS) return;
    // Two measures with one title: a row beginning with it restates neither for certain.
    byTitle.set(key, byTitle.has(key) ? null : i);
  });
  if (byTitle.size === 0) return { measures, folded: 0, notes: [] };

  const joined = new Map<number, ParsedTask[]>();
  const restated = new Set<number>();
  measures.forEach((m, i) => {
    if (!fromTable[i]) return;
    const start = compact(m.text.slice(0, MAX_TITLE_CHARS * 4)).slice(0, MAX_TITLE_CHARS);
    // The longest title the row begins with.
    for (let n = start.length; n >= MIN_TITLE_CHARS; n--) {
      const target = byTitle.get(start.slice(0, n));
      if (target === undefined) continue;
      if (target !== null) {
        restated.add(i);
        const tasks = joined.get(target);
        if (tasks) tasks.push(...m.tasks);
        else joined.set(target, [...m.tasks]);
      }
      break;
    }
  });
  if (restated.size === 0) return { measures, folded: 0, notes: [] };

  const out: ParsedMeasure[] = [];
  measures.forEach((m, i) => {
    if (restated.has(i)) return;
    const extra = joined.get(i);
    out.push(extra ? { ...m, tasks: [...m.tasks, ...withoutRepeatedTargets(m.tasks, extra)] } : m);
  });
  return {
    measures: out,
    folded: restated.size,
    notes: [
      {
        kind: 'structure',
        label: null,
        excerpt: null,
        message: `${restated.size} task-table rows restate numbered measures (each row begins with a measure's title): their units and deadlines were added to those measures, not indexed as measures of their own.`,
      },
    ],
  };
}

function withoutRepeatedTargets(own: ParsedTask[], rows: ParsedTask[]): ParsedTask[] {
  const seen = new Set(own.flatMap((t) => t.targets.map((g) => `${g.due}|${g.precision}`)));
  return rows.map((t) => ({ ...t, targets: t.targets.filter((g) => !seen.has(`${g.due}|${g.precision}`)) }));
}
