import type { ParsedTarget, ParsedTask, ParseNote } from '../model.ts';
import { atClauseBoundary, type Bracket, findBrackets } from './brackets.ts';
import { FIRST_LISTED_LEADS, type ImpliedUnit, LISTED_UNITS_LEAD, parseResponsibility } from './departments.ts';
import { normalizeText } from './normalize.ts';
import { responsibilityLines } from './responsibility-lines.ts';
import { ROLE_FIELD } from './role-words.ts';
import { excerpt } from './structure.ts';
import { deadlineField, readTargets, type StatedPeriod, statedPeriod } from './targets.ts';

/**
 * Rules a document states once for all its tasks: 列第一位者为牵头单位（下同） and a period such as 自2024年起3年内
 * that later items refer to as 3年内. Read from the whole document text by documentRules.
 */
export interface DocumentRules {
  firstListedLeads: boolean;
  /** 无牵头单位的，责任单位即为牵头单位 (stated anywhere, often in an explanation): every listed unit leads. */
  listedUnitsLead: boolean;
  period: StatedPeriod | null;
  /** Bodies a bracket declared implied for every later task (以下均需试点城市政府落实，不再列出). */
  impliedUnits: readonly ImpliedUnit[];
}

export const NO_DOCUMENT_RULES: DocumentRules = {
  firstListedLeads: false,
  listedUnitsLead: false,
  period: null,
  impliedUnits: [],
};

/**
 * The rules a document states outside its brackets (in the preamble or a closing note: 各项任务列第一位者为牵头单位)
 * and its stated period. Rules declared inside a bracket (…，列第一位者为牵头单位，下同) apply from that bracket on;
 * readTasks returns them for the next items.
 * @example documentRules('注：各项任务列第一位者为牵头单位。').firstListedLeads // true
 */
export function documentRules(text: string, title = ''): DocumentRules {
  const parts: string[] = [];
  let cursor = 0;
  for (const b of findBrackets(text)) {
    parts.push(text.slice(cursor, b.start));
    cursor = b.end;
  }
  parts.push(text.slice(cursor));
  return {
    firstListedLeads: FIRST_LISTED_LEADS.test(parts.join('\n')),
    listedUnitsLead: LISTED_UNITS_LEAD.test(text),
    period: statedPeriod(text, title),
    impliedUnits: [],
  };
}

export interface TaskOptions {
  /** The document's written date: resolves relative deadlines; null when unknown. */
  anchor: string | null;
  rules?: DocumentRules;
  /** The measure's label as written, for the notes. */
  label?: string | null;
}

export interface TaskReading {
  tasks: ParsedTask[];
  /** What could not be read: brackets that looked like a responsibility, unclassified time phrases. */
  notes: ParseNote[];
  /** The rules in force after this item (its brackets may declare some): pass them to the next item. */
  rules: DocumentRules;
}

/** Words that make a bracket look like a responsibility even when its names could not be read. */
const RESPONSIBILITY_HINT = new RegExp(`负责|牵头|配合|参与|协办|协助|主责|${ROLE_FIELD}`);
/** A deadline field inside a responsibility: 完成时限：2024年12月底前. */
const DEADLINE_FIELD =
  /【?(?:完成时限|完成时间|时间节点|时限要求|时限)(?:】\s*[:：]?|\s*[:：])\s*[^，,；;。【】)）〕\n]+/g;

/** Strips separators from both ends without a regex that could backtrack over long runs. */
function trimEdges(s: string, leading: string, trailing: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (leading.includes(s[a]!) || /\s/.test(s[a]!))) a++;
  while (b > a && (trailing.includes(s[b - 1]!) || /\s/.test(s[b - 1]!))) b--;
  return s.slice(a, b);
}
/** A task keeps its closing 。 (…认定基地10个。) but not the separators around it. */
const LEADING = '。，,；;、';
const TRAILING = '，,；;、';

/** Everything that closes a clause group: boundary brackets and 【责任单位】… lines, in text order. */
function closers(itemText: string): Bracket[] {
  const normalized = normalizeText(itemText);
  const lines = responsibilityLines(itemText);
  // Brackets inside a responsibility line belong to it; both lists are in text order, so one pass drops them.
  const brackets: Bracket[] = [];
  let li = 0;
  for (const b of findBrackets(itemText)) {
    while (li < lines.length && lines[li]!.end <= b.start) li++;
    const inLine = li < lines.length && b.start >= lines[li]!.start && b.end <= lines[li]!.end;
    if (!inLine && atClauseBoundary(normalized, b)) brackets.push(b);
  }
  return [...brackets, ...lines].sort((a, b) => a.start - b.start);
}

/** Notes of one kind kept per item; the rest are counted in one closing note, so hostile input stays small. */
export const MAX_NOTES_PER_ITEM = 10;

/**
 * Notes kept per kind: at most `max` of each (all of the `uncapped` kind), the rest counted in one closing note per
 * kind, so hostile input stays small.
 */
export function capNotes(
  notes: ParseNote[],
  cap: { max: number; label: string | null; where: string; uncapped?: ParseNote['kind'] },
): ParseNote[] {
  const out: ParseNote[] = [];
  const dropped = new Map<ParseNote['kind'], number>();
  const kept = new Map<ParseNote['kind'], number>();
  for (const n of notes) {
    const k = kept.get(n.kind) ?? 0;
    if (n.kind === cap.uncapped || k < cap.max) {
      out.push(n);
      kept.set(n.kind, k + 1);
    } else dropped.set(n.kind, (dropped.get(n.kind) ?? 0) + 1);
  }
  for (const [kind, count] of dropped)
    out.push({ kind, label: cap.label, excerpt: null, message: `${count} more of the same kind ${cap.where}.` });
  return out;
}

const excerptOf = (s: string): string => (s.length > 120 ? `${s.slice(0, 119)}…` : s);

/** Each time phrase a text's reading could not classify becomes a note. */
function noteUnclassified(unclassified: string[], label: string | null, notes: ParseNote[]): void {
  for (const u of unclassified) {
    notes.push({
      kind: 'unclassified_time',
      label,
      excerpt: u,
      message: `A time phrase was read as neither a deadline nor background: “${u}”.`,
    });
  }
}

/**
 * An item's clause groups and what could not be read in them: every stretch of text closed by a responsibility
 * bracket or line is one task, in order; text after the last one is a task with no responsibility.
 */
export function readTasks(itemText: string, options: TaskOptions): TaskReading {
  let rules = options.rules ?? NO_DOCUMENT_RULES;
  const label = options.label ?? null;
  const ctx = { anchor: options.anchor, period: rules.period };
  const tasks: ParsedTask[] = [];
  const notes: ParseNote[] = [];
  const targetsOf = (text: string): ParsedTarget[] => {
    const r = readTargets(text, ctx);
    noteUnclassified(r.unclassified, label, notes);
    return r.targets;
  };
  let cursor = 0;
  for (const b of closers(itemText)) {
    const parsed = parseResponsibility(b.inner, rules);
    if (parsed && (parsed.declaresFirstListedLeads || parsed.declaresImpliedUnits.length > 0)) {
      rules = {
        ...rules,
        firstListedLeads: rules.firstListedLeads || parsed.declaresFirstListedLeads,
        impliedUnits: [...rules.impliedUnits, ...parsed.declaresImpliedUnits],
      };
    }
    if (!parsed) {
      if (RESPONSIBILITY_HINT.test(normalizeText(b.inner))) {
        const excerpt = excerptOf(itemText.slice(b.start, b.end));
        notes.push({
          kind: 'unread_bracket',
          label,
          excerpt,
          message: `A bracket that looks like a responsibility could not be read as units: “${excerpt}”.`,
        });
      }
      continue;
    }
    if (parsed.unreadNames.length > 0) {
      notes.push({
        kind: 'unread_bracket',
        label,
        excerpt: excerptOf(itemText.slice(b.start, b.end)),
        message: `A responsibility names ${parsed.unreadNames.length} name(s) not read as units (first: “${excerpt(parsed.unreadNames[0]!, 30)}”): the other units are kept and the list is marked incomplete.`,
      });
    }
    const text = trimEdges(itemText.slice(cursor, b.start), LEADING, TRAILING);
    const targets = targetsOf(text);
    for (const f of b.inner.matchAll(DEADLINE_FIELD)) {
      const t = deadlineField(f[0], ctx);
      if (t) targets.push(t);
    }
    tasks.push({
      text,
      responsibility: b.inner.trim(),
      departments: parsed.departments,
      departmentsIncomplete: parsed.incomplete,
      targets,
    });
    cursor = b.end;
  }
  const rest = trimEdges(itemText.slice(cursor), LEADING, LEADING);
  if (rest !== '') {
    // Text after the last bracket (or an item with no bracket at all) is work nobody was named for.
    const text = tasks.length === 0 ? itemText.trim() : rest;
    tasks.push({ text, responsibility: null, departments: [], departmentsIncomplete: false, targets: targetsOf(text) });
  }
  return { tasks, notes: capNotes(notes, { max: MAX_NOTES_PER_ITEM, label, where: 'in this item' }), rules };
}

/** Reads the items of one document in order, carrying its rules from item to item and gathering the notes. */
export interface TaskReader {
  /** notes, when given, receives the item's notes instead of the reader (a task table caps those of its rows). */
  read(itemText: string, label: string | null, notes?: ParseNote[]): ParsedTask[];
  /** The notes of every item read so far, in document order. */
  readonly notes: ParseNote[];
  /**
   * A deadline cell (2024年6月, or dated steps: ①3月底前，完成设计招标。②6月底前…): its dated steps, else the cell
   * as one deadline field, read with the document's date and stated period.
   */
  readDeadline(cell: string, label: string | null, notes: ParseNote[]): ParsedTarget[];
  /** The rules in force for the next item (a task table reads its responsibility cells with them). */
  readonly rules: DocumentRules;
}

/**
 * A reader for one document: documentText is the whole text (for its rules), anchor its written date, title its
 * title (a plan's period may be stated only there).
 * @example const reader = taskReader(text, '2024-03-15'); reader.read(item.text, item.label); reader.notes
 */
export function taskReader(documentText: string, anchor: string | null, title = ''): TaskReader {
  let rules = documentRules(documentText, title);
  const notes: ParseNote[] = [];
  return {
    read(itemText, label, sink = notes) {
      const r = readTasks(itemText, { anchor, rules, label });
      sink.push(...r.notes);
      rules = r.rules;
      return r.tasks;
    },
    readDeadline(cell, label, sink) {
      const ctx = { anchor, period: rules.period };
      const steps = readTargets(cell, ctx);
      const field = steps.targets.length === 0 ? deadlineField(cell, ctx) : null;
      if (field) return [field];
      // A cell read as one deadline (2025年) explains its own time phrase; any other phrase is noted as in text.
      noteUnclassified(steps.unclassified, label, sink);
      return steps.targets;
    },
    notes,
    get rules() {
      return rules;
    },
  };
}

/**
 * An item's tasks (see readTasks). rules defaults to none, so a call without the document's rules reads each
 * bracket on its own.
 */
export function splitTasks(
  itemText: string,
  anchor: string | null,
  rules: DocumentRules = NO_DOCUMENT_RULES,
): ParsedTask[] {
  return readTasks(itemText, { anchor, rules }).tasks;
}

/** Length of the text without trailing spaces and clause ends, found without a backtracking regex. */
function trimmedEnd(text: string): number {
  let end = text.length;
  while (end > 0 && /[\s。；;]/.test(text[end - 1]!)) end--;
  return end;
}

/** True when the text's last clause group is closed by a responsibility bracket. */
export function endsWithResponsibility(text: string): boolean {
  const trimmed = text.slice(0, trimmedEnd(text));
  const all = closers(trimmed);
  const last = all[all.length - 1];
  return last !== undefined && last.end === trimmed.length && parseResponsibility(last.inner) !== null;
}

/** Whether any clause in the text is closed by a responsibility bracket (used to tell policies from commentary). */
export function hasResponsibilityBracket(text: string): boolean {
  return closers(text).some((b) => parseResponsibility(b.inner) !== null);
}
