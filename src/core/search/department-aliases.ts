import { normalizeForSearch } from './normalize.ts';
import { segmentQuery } from './segment.ts';
import type { Segmenter } from './segmenter.ts';

/**
 * Department names as people say them versus as documents write them. Each group lists interchangeable stems
 * (the name without 省/市 in front and 厅/局/委/办 behind): 人社 ≈ 人力资源社会保障, 发改 ≈ 发展改革. Applied at
 * query time, so changing this list needs no re-index.
 */
export const DEPARTMENT_ALIAS_GROUPS: readonly (readonly string[])[] = [
  ['人社', '人力资源社会保障', '人力资源和社会保障', '人力社保'],
  ['发改', '发展改革', '发展和改革'],
  ['工信', '工业和信息化', '工业信息化'],
  ['经信', '经济和信息化'],
  ['网信', '网络安全和信息化', '互联网信息'],
  ['市场监管', '市场监督管理'],
  ['住建', '住房城乡建设', '住房和城乡建设'],
  ['卫健', '卫生健康', '卫生和健康'],
  ['文旅', '文化和旅游', '文化旅游'],
  ['教委', '教育'],
  ['医保', '医疗保障'],
  ['药监', '药品监督管理', '药品监管'],
  ['通管', '通信管理'],
  ['人行', '人民银行', '央行'],
  ['银保监', '银行保险监督管理', '银保监督管理'],
  ['国资', '国有资产监督管理'],
  ['政务服务', '政务办', '行政审批'],
  ['规划', '规划和自然资源'],
  ['农业农村', '农委'],
  ['商务', '商委'],
  ['交通运输', '交委'],
  ['应急', '应急管理'],
  ['广电', '广播电视'],
  ['生态环境', '环保'],
  ['外汇', '外汇管理'],
];

/** Endings that only say what kind of body it is (厅 in a province, 局 in a city) and vary between documents. */
const SUFFIX = /(委员会|办公室|委|局|厅|办|部)$/;

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
