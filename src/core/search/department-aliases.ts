import { CENTRAL_BODIES, FUNCTION_STEMS } from '../parse/government-bodies.ts';
import { normalizeForSearch } from './normalize.ts';
import { segmentQuery } from './segment.ts';
import type { Segmenter } from './segmenter.ts';

/** Endings that only say what kind of body it is (厅 in a province, 局 in a city) and vary between documents. */
const SUFFIX = /(委员会|办公室|委|局|厅|办|部)$/;

/**
 * Department names as people say them versus as documents write them, from the parser's lexicon of government
 * bodies (one place for both): each group lists interchangeable stems (the name without 省/市 in front and
 * 厅/局/委/办 behind): 人社 ≈ 人力资源社会保障, 发改 ≈ 发展改革, and each central body's full name with its short
 * forms (中国证券监督管理委员会 ≈ 证监会). Applied at query time, so changing the lexicon needs no re-index.
 */
export const DEPARTMENT_ALIAS_GROUPS: readonly (readonly string[])[] = [
  ...FUNCTION_STEMS.filter((g) => g.length > 1),
  ...CENTRAL_BODIES.filter((b) => b.aliases.length > 0)
    .map((b) => [...new Set([b.name, ...b.aliases].map(departmentStem))])
    .filter((g) => g.length > 1),
];

/** The department name without its kind suffix, when something meaningful remains (网信办 → 网信). */
export function departmentStem(name: string): string {
  const n = normalizeForSearch(name).replace(/\s+/g, '');
  const stripped = n.replace(SUFFIX, '');
  return stripped.length >= 2 ? stripped : n;
}

function groupMemberIn(stem: string): { group: readonly string[]; member: string } | undefined {
  let best: { group: readonly string[]; member: string } | undefined;
  for (const group of DEPARTMENT_ALIAS_GROUPS) {
    for (const member of group) {
      if (stem.includes(member) && (!best || member.length > best.member.length)) best = { group, member };
    }
  }
  return best;
}

/**
 * Substrings any of which, found in a department name, means the name matches what was asked for: the asked
 * name, its stem, and the stem with its alias replaced by every other spelling (省人社厅 → 省人力资源社会保障…).
 */
export function departmentPatterns(input: string): string[] {
  const full = normalizeForSearch(input).replace(/\s+/g, '');
  const stem = departmentStem(input);
  const out = new Set([full, stem]);
  const hit = groupMemberIn(stem);
  if (hit) for (const other of hit.group) out.add(stem.replace(hit.member, other));
  return [...out].filter(Boolean);
}

/**
 * For a query word that is a department alias (发改委, 人社), the other spellings as word lists to AND in the
 * departments column. Empty for ordinary words.
 */
export function aliasAlternatives(term: string, segmenter: Segmenter): string[][] {
  const stem = departmentStem(term);
  const group = DEPARTMENT_ALIAS_GROUPS.find((g) => g.includes(stem));
  if (!group) return [];
  return group
    .filter((m) => m !== term)
    .map((m) => segmentQuery(segmenter, normalizeForSearch(m)))
    .filter((words) => words.length > 0);
}
