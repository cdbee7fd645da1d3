import type { DepartmentRole, ParsedDepartment } from '../model.ts';
import { splitTopLevel } from './split-top-level.ts';

/**
 * Endings of Chinese government and public bodies. Single characters that also end ordinary words
 * (行, 关, 场, 团, 会) are only accepted inside the compound that makes them an organisation (银行, 海关, 机场…).
 */
const ORG_SUFFIXES = [
  '人民政府', '政府', '管委会', '委员会', '领导小组', '办公室', '指挥部', '工作组',
  '厅', '局', '委', '办', '部', '署', '院', '处', '室', '所', '司', '社', '中心', '总队', '支队',
  '银行', '分行', '支行', '海关', '机关', '集团', '公司', '机场', '协会', '学会', '联合会', '商会', '总会', '工会',
  '理事会', '基金会', '促进会', '研究会', '红十字会', '妇联', '残联', '侨联', '文联', '科协', '工商联', '团委',
];

/** Everyday words that happen to end like an organisation. */
const NOT_ORGS =
  /(格局|布局|大局|全局|开局|结局|内部|外部|全部|局部|中部|东部|西部|南部|北部|头部|底部|干部|俱乐部|面部|庭院|剧院|影院|戏院|寺院|大院|小院|书院|好处|益处|长处|短处|难处|到处|住处|出处|用处|之处|深处|各处|此处|教室|卧室|浴室|温室|场所|住所|厕所|处所|承办|主办|督办|举办|创办|开办|兴办|代办|帮办|协办|包办|查办|试办|合办|筹办|操办|申办|停办|领办|部署|签署|上司|官司|社区|合作办)$/;

const TWO_CHAR_ORGS = new Set(['海关', '团委', '纪委', '工会', '妇联', '残联', '侨联', '文联', '科协']);

/** Collective bodies named by area: 各区、各市州人民政府、各区县. */
const COLLECTIVE = /^各[\u4e00-\u9fff]{0,6}(区|县|市|州|旗|盟|区县|市州|地市|单位|部门|人民政府|政府)$/;

/** An area qualifier inside a body's name: 各区县（市）人民政府, 各县（区）人民政府, 各区（市、县）政府. */
const AREA_QUALIFIER = /[（(][\u4e00-\u9fff、]{1,8}[)）]/g;

/** True when a short Han string reads as the name of a government body or public organisation. */
export function looksLikeOrganisation(written: string): boolean {
  // 各市、县政府 lists its areas with 、 inside one collective name.
  const name = written.replace(AREA_QUALIFIER, '').replace(/^各.*/, (c) => c.replace(/、/g, ''));
  if (!/^[\u4e00-\u9fff]+$/.test(name)) return false;
  if (COLLECTIVE.test(name)) return true;
  if (name.length < 2 || name.length > 25) return false;
  if (name.length === 2) return TWO_CHAR_ORGS.has(name);
  if (NOT_ORGS.test(name) || /的|含/.test(name)) return false;
  return ORG_SUFFIXES.some((s) => name.endsWith(s));
}

/**
 * 各市、县（市、区）政府 is one collective body whose area list uses 、 too: a bare area (各市, 各区) followed by
 * areas that end in 政府 reads as one name, not as 各市 plus 县政府.
 */
const BARE_AREA = /^各?[\u4e00-\u9fff]{0,3}(区|县|市|州|旗|盟)(?:[（(][^（）()]{1,8}[)）])?$/;

function joinCollectives(pieces: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let end = i;
    if (pieces[i]!.startsWith('各')) {
      let j = i + 1;
      while (j < pieces.length && j < i + 4 && BARE_AREA.test(pieces[j - 1]!) && !pieces[j]!.startsWith('各')) {
        if (/政府$/.test(pieces[j]!)) {
          end = j;
          break;
        }
        j++;
      }
    }
    out.push(pieces.slice(i, end + 1).join('、'));
    i = end;
  }
  return out;
}

type ClauseRole = DepartmentRole | 'list';

/** 牵头单位：… / 配合单位：… prefixes: the label decides the role of every name after it. */
const LABEL_PREFIX =
  /^(?:由)?【?(牵头单位|牵头部门|主责单位|主办单位|主责部门|责任单位|责任部门|负责单位|负责部门|实施单位|落实单位|配合单位|配合部门|协办单位|参与单位|参与部门|协同单位|协助单位|参加单位)(?:】|\s*[:：])?\s*/;
/** Role phrases at the end of a clause, longest first. */
const ROLE_TAIL =
  /(牵头负责|牵头落实|牵头|等部门按职责分工负责|按职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分工负责|负责落实|具体负责|负责|落实|配合|参与|协助|协办|共同)$/;
const INCOMPLETE_TAIL = /(及其他相关部门|及相关部门|和相关部门|等有关部门|等相关部门|等部门|等单位|等)$/;
const ONLY_OTHERS = /^(各?相关部门|各?有关部门|相关单位|各有关单位|其他部门|其他相关部门)$/;

function roleOfLabel(label: string): ClauseRole {
  if (/牵头|主责|主办/.test(label)) return 'lead';
  if (/配合|协办|参与|协同|协助|参加/.test(label)) return 'co';
  return 'list';
}

/**
 * Reads a responsibility bracket's inner text: （省商务厅牵头负责）, （A、B等部门按职责分工负责）,
 * （市商务局牵头，相关部门按职责分工负责）, （责任单位：A、B）, （牵头单位：A；配合单位：B、C）.
 * Names are kept exactly as written. Returns null when the bracket is not about responsibility (（5G）, （试行）…).
 */
export function parseResponsibility(inner: string): { departments: ParsedDepartment[]; incomplete: boolean } | null {
  // 【牵头单位】A【配合单位】B on one line: each 【label】 starts a clause.
  const clauses = splitTopLevel(inner.trim().replace(/(?<=.)【/g, '\n【'), /[，,；;。\n]/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  if (clauses.length === 0) return null;
  let incomplete = false;
  let sawRolePhrase = false;
  const groups: Array<{ role: ClauseRole; names: string[] }> = [];
  for (const raw of clauses) {
    let clause = raw.replace(/\s+/g, '');
    let role: ClauseRole = 'list';
    const label = LABEL_PREFIX.exec(clause);
    if (label) {
      role = roleOfLabel(label[1]!);
      sawRolePhrase = true;
      clause = clause.slice(label[0].length);
    }
    clause = clause.replace(/^由/, '');
    for (let tail = ROLE_TAIL.exec(clause); tail; tail = ROLE_TAIL.exec(clause)) {
      sawRolePhrase = true;
      if (/等部门/.test(tail[1]!)) incomplete = true;
      if (/牵头/.test(tail[1]!) && role === 'list') role = 'lead';
      else if (/配合|参与|协助|协办/.test(tail[1]!) && role === 'list') role = 'co';
      clause = clause.slice(0, clause.length - tail[1]!.length);
    }
    const others = INCOMPLETE_TAIL.exec(clause);
    if (others) {
      incomplete = true;
      clause = clause.slice(0, clause.length - others[1]!.length);
    }
    if (clause === '') continue;
    if (ONLY_OTHERS.test(clause)) {
      incomplete = true;
      continue;
    }
    const names = joinCollectives(splitTopLevel(clause, /[、\/]/).filter((n) => n !== ''));
    if (!names.every(looksLikeOrganisation)) return null;
    groups.push({ role, names });
  }
  const total = groups.reduce((n, g) => n + g.names.length, 0);
  if (total === 0) return sawRolePhrase ? { departments: [], incomplete } : null;
  // With an explicit 牵头 anywhere, unmarked names are co-workers; otherwise the first name listed leads.
  const explicitLead = groups.some((g) => g.role === 'lead');
  const departments: ParsedDepartment[] = [];
  for (const g of groups) {
    for (const name of g.names) {
      let role: DepartmentRole;
      if (g.role === 'list') role = explicitLead || departments.length > 0 ? 'co' : 'lead';
      else role = g.role;
      departments.push({ name, role });
    }
  }
  return { departments, incomplete };
}
