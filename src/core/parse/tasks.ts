import type { ParsedTask } from '../model.ts';
import { atClauseBoundary, findBrackets, type Bracket } from './brackets.ts';
import { parseResponsibility } from './departments.ts';
import { responsibilityLines } from './responsibility-lines.ts';
import { extractTargets } from './targets.ts';
import { normalizeText } from './normalize.ts';

const EDGE_PUNCT = /^[\s。，,；;、]+|[\s，,；;、]+$/g;

/** Everything that closes a clause group: boundary brackets and 【责任单位】… lines, in text order. */
function closers(itemText: string): Bracket[] {
  const normalized = normalizeText(itemText);
  const lines = responsibilityLines(itemText);
  const brackets = findBrackets(itemText).filter(
    (b) => atClauseBoundary(normalized, b) && !lines.some((l) => b.start >= l.start && b.end <= l.end),
  );
  return [...brackets, ...lines].sort((a, b) => a.start - b.start);
}

/**
 * An item's clause groups: every stretch of text closed by a responsibility bracket is one task, in order.
 * An item without any such bracket is a single task with no responsibility.
 */
export function splitTasks(itemText: string, anchor: string | null): ParsedTask[] {
  const tasks: ParsedTask[] = [];
  let cursor = 0;
  for (const b of closers(itemText)) {
    const parsed = parseResponsibility(b.inner);
    if (!parsed) continue;
    const text = itemText.slice(cursor, b.start).replace(EDGE_PUNCT, '');
    tasks.push({
      text,
      responsibility: b.inner.trim(),
      departments: parsed.departments,
      departmentsIncomplete: parsed.incomplete,
      targets: extractTargets(text, anchor),
    });
    cursor = b.end;
  }
  const rest = itemText.slice(cursor).replace(EDGE_PUNCT, '').replace(/^。+|。+$/g, '');
  if (rest !== '') {
    // Text after the last bracket (or an item with no bracket at all) is work nobody was named for.
    const text = tasks.length === 0 ? itemText.trim() : rest;
    tasks.push({ text, responsibility: null, departments: [], departmentsIncomplete: false, targets: extractTargets(text, anchor) });
  }
  return tasks;
}

/** True when the text's last clause group is closed by a responsibility bracket. */
export function endsWithResponsibility(text: string): boolean {
  const trimmed = text.replace(/[\s。；;]+$/, '');
  const all = closers(trimmed);
  const last = all[all.length - 1];
  return last !== undefined && last.end === trimmed.length && parseResponsibility(last.inner) !== null;
}

/** Whether any clause in the text is closed by a responsibility bracket (used to tell policies from commentary). */
export function hasResponsibilityBracket(text: string): boolean {
  return closers(text).some((b) => parseResponsibility(b.inner) !== null);
}
