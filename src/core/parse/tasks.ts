import type { ParsedTask } from '../model.ts';
import { atClauseBoundary, findBrackets } from './brackets.ts';
import { parseResponsibility } from './departments.ts';
import { extractTargets } from './targets.ts';
import { normalizeText } from './normalize.ts';

const EDGE_PUNCT = /^[\s。，,；;、]+|[\s，,；;、]+$/g;

/**
 * An item's clause groups: every stretch of text closed by a responsibility bracket is one task, in order.
 * An item without any such bracket is a single task with no responsibility.
 */
export function splitTasks(itemText: string, anchor: string | null): ParsedTask[] {
  const tasks: ParsedTask[] = [];
  let cursor = 0;
  const normalized = normalizeText(itemText);
  for (const b of findBrackets(itemText)) {
    if (!atClauseBoundary(normalized, b)) continue;
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
  const brackets = findBrackets(trimmed);
  const last = brackets[brackets.length - 1];
  return last !== undefined && last.end === trimmed.length && parseResponsibility(last.inner) !== null;
}

/** Whether any clause in the text is closed by a responsibility bracket (used to tell policies from commentary). */
export function hasResponsibilityBracket(text: string): boolean {
  const normalized = normalizeText(text);
  return findBrackets(text).some((b) => atClauseBoundary(normalized, b) && parseResponsibility(b.inner) !== null);
}
