/**
 * The words that give a unit its role, once for every rule that reads them: labelled fields in brackets
 * (牵头单位：A；配合单位：B), responsibility lines under an item (【责任单位】A), task-table headers and the hint
 * that a bracket names units at all.
 *
 * @example new RegExp(`^${ROLE_FIELD}[:：]`).test('承办单位：市商务局') // true
 */

/** A lead's field or column: 牵头单位, 主责部门, 主办单位. */
export const LEAD_WORDS = ['牵头', '主责', '主办'] as const;
/** A co-worker's: 配合单位, 协办部门, 参与单位, 协同单位, 协助单位, 参加单位. */
export const CO_WORDS = ['配合', '协办', '参与', '协同', '协助', '参加'] as const;
/** A field that lists the responsible units without ranking them: 责任单位, 负责部门, 实施单位, 落实单位, 承办单位. */
export const LIST_WORDS = ['责任', '负责', '实施', '落实', '承办'] as const;
/** What the role word is put before: 单位, 部门, and a bureau's own sections (责任科室：组干科). */
export const UNIT_WORDS = ['单位', '部门', '科室', '处室'] as const;

const alternation = (words: readonly string[]): string => `(?:${words.join('|')})`;

export const LEAD_WORD = alternation(LEAD_WORDS);
export const CO_WORD = alternation(CO_WORDS);
export const LIST_WORD = alternation(LIST_WORDS);
export const UNIT_WORD = alternation(UNIT_WORDS);

/** The name of a role field, any role: 牵头单位, 配合部门, 责任科室, 承办单位 (a regular-expression source). */
export const ROLE_FIELD = `${alternation([...LEAD_WORDS, ...LIST_WORDS, ...CO_WORDS])}${UNIT_WORD}`;

/**
 * Role fields that may start a line of their own after an item. 主办单位, 承办单位 and 参加单位 may not: on a
 * line of their own they name a website's sponsor and operator at the foot of a saved page (主办单位：某省人民政府
 * 办公厅 / 承办单位：某市大数据中心) or who attends a meeting (参加单位：各区县), never who carries out the item above.
 */
export const LINE_ROLE_FIELD = `${alternation(
  [...LEAD_WORDS, ...LIST_WORDS, ...CO_WORDS].filter((w) => w !== '主办' && w !== '承办' && w !== '参加'),
)}${UNIT_WORD}`;

const LEAD_TEST = new RegExp(LEAD_WORD);
const CO_TEST = new RegExp(CO_WORD);

/** The role a field's name gives every unit after it; 'list' when it ranks none (责任单位). */
export function roleOfField(name: string): 'lead' | 'co' | 'list' {
  if (LEAD_TEST.test(name)) return 'lead';
  if (CO_TEST.test(name)) return 'co';
  return 'list';
}
