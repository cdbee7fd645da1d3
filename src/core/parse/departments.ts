import type { DepartmentRole, ParsedDepartment } from '../model.ts';
import {
  AREA_WORDS,
  CENTRAL_BODIES,
  COLLECTIVE,
  FUNCTION_STEMS,
  LOCAL_KINDS,
  MASS_ORGANISATIONS,
  OWNED_COLLECTIVE,
  PARTY_COMMITTEES,
  PARTY_ORGANS,
  YOUTH_LEAGUE,
} from './government-bodies.ts';
import { normalizeText } from './normalize.ts';
import { ROLE_FIELD, roleOfField } from './role-words.ts';
import { splitTopLevel } from './split-top-level.ts';

/** A bracket longer than this is prose, not a list of units (the longest real lists are about 300 characters). */
export const MAX_RESPONSIBILITY_CHARS = 600;
/** A single body's name is never longer than this. */
const MAX_NAME_CHARS = 30;

/**
 * Endings of bodies the lexicon does not list (长沙市轨道交通集团, 市消防救援总队, 人民银行天津分行). Single characters
 * that also end ordinary words (行, 关, 场, 团, 会) are only accepted inside the compound that makes them an
 * organisation (银行, 海关, 机场…).
 */
const ORG_SUFFIXES = [
  '人民政府',
  '政府',
  '管委会',
  '委员会',
  '领导小组',
  '办公室',
  '指挥部',
  '工作组',
  // 区疫情防控指挥部成员单位, 区创文工作领导小组成员单位: the member units of a named body, as one collective.
  '成员单位',
  '厅',
  '局',
  '委',
  '办',
  '部',
  '署',
  '院',
  '处',
  '室',
  '所',
  '司',
  '社',
  '中心',
  '总队',
  '支队',
  '银行',
  '分行',
  '支行',
  '海关',
  '机关',
  '集团',
  '公司',
  '机场',
  '协会',
  '学会',
  '联合会',
  '商会',
  '总会',
  '工会',
  '理事会',
  '基金会',
  '促进会',
  '研究会',
  '红十字会',
  '妇联',
  '残联',
  '侨联',
  '文联',
  '科协',
  '工商联',
  '团委',
];

/** Everyday words that happen to end like an organisation. */
const NOT_ORGS =
  /(格局|布局|大局|全局|开局|结局|内部|外部|全部|局部|中部|东部|西部|南部|北部|头部|底部|干部|俱乐部|面部|庭院|剧院|影院|戏院|寺院|大院|小院|书院|好处|益处|长处|短处|难处|到处|住处|出处|用处|之处|深处|各处|此处|教室|卧室|浴室|温室|场所|住所|厕所|处所|承办|主办|督办|举办|创办|开办|兴办|代办|帮办|协办|包办|查办|试办|合办|筹办|操办|申办|停办|领办|部署|签署|上司|官司|社区|合作办)$/;

const TWO_CHAR_ORGS = new Set([
  '海关',
  '团委',
  '纪委',
  '工会',
  '妇联',
  '残联',
  '侨联',
  '文联',
  '科协',
  '省委',
  '市委',
  '区委',
  '县委',
  '州委',
]);

/** An area qualifier inside a body's name: 各区县（市）人民政府, 各县（区）人民政府, 各区（市、县）政府. */
const AREA_QUALIFIER = /[（(〔][\u4e00-\u9fff、]{1,8}[)）〕]/g;

const alt = (xs: readonly string[]): string => [...xs].sort((a, b) => b.length - a.length).join('|');

const CENTRAL_NAMES = new Set(CENTRAL_BODIES.flatMap((b) => [b.name, ...b.aliases]));
/** A place in front of a body: 省, 天津市, 长沙, 武侯区, 黔东南州 (a place name is at most 8 characters). */
const PLACE = `(?:[\\u4e00-\\u9fff]{0,8}?(?:${alt(AREA_WORDS)})|[\\u4e00-\\u9fff]{2,4}?)?(?:级)?`;
/** A place that names its level (天津市, 武侯区): party and mass bodies are always written with one. */
const AREA_PLACE = `(?:[\\u4e00-\\u9fff]{0,8}?(?:${alt(AREA_WORDS)}))?`;
const STEMS = alt(FUNCTION_STEMS.flat());
/** 省人力资源社会保障厅, 市人社局, 区市场监管局, 交通运输厅 (a follow-on name without its area), 天津海关. */
const LOCAL_BODY = new RegExp(`^${PLACE}(?:${STEMS})(?:[\\u4e00-\\u9fff]{0,4}?)(?:${alt(LOCAL_KINDS)})?$`);
/** 市委组织部, 中共天津市委宣传部, 区委, 市纪委监委. */
const PARTY_BODY = new RegExp(
  `^(?:中共)?${AREA_PLACE}(?:${alt(PARTY_COMMITTEES)}|纪委监委|纪委|监委)(?:${alt(PARTY_ORGANS)})?$`,
);
/** 省总工会, 全国妇联, 市工商联, 区红十字会. */
const MASS_BODY = new RegExp(`^(?:全国|中国|中华全国)?${AREA_PLACE}(?:${alt(MASS_ORGANISATIONS)})$`);

/** Bodies the lexicon recognises outright; a connector inside them (工业和信息化部) never splits them. */
function knownBody(name: string): boolean {
  if (CENTRAL_NAMES.has(name) || COLLECTIVE.test(name) || OWNED_COLLECTIVE.test(name) || YOUTH_LEAGUE.test(name))
    return true;
  if (name.length > MAX_NAME_CHARS) return false;
  if (PARTY_BODY.test(name) || MASS_BODY.test(name)) return true;
  // A bare function word (商务, 财政) is not a body; it needs its kind (商务厅) or an area (天津海关).
  return (
    LOCAL_BODY.test(name) && /(?:厅|局|委|办|署|院|处|中心|总队|支队|委员会|办公室|海关|税务|邮政管理)$/.test(name)
  );
}

/**
 * A district's development zones, parks and task forces are assigned work like its bureaus (立山经济开发区,
 * 高新技术产业园区, 招商引资工作专班), but the same names are also places and examples in a sentence
 * (打造一批示范项目（苏州工业园区、南京江宁开发区）). They count as units only where the bracket gives them a role:
 * a role field (牵头单位：…) or a role phrase (…负责, …牵头) in the same clause.
 */
const ZONE_UNIT = /(?:开发区|高新区|园区|示范区|试验区|专班)$/;

/** True when a short Han string reads as the name of a government body or public organisation. */
export function looksLikeOrganisation(written: string): boolean {
  // 各市、县政府 lists its areas with 、 inside one collective name.
  const name = normalizeText(written)
    .replace(AREA_QUALIFIER, '')
    .replace(/^各.*/, (c) => c.replace(/、/g, ''));
  if (!/^[\u4e00-\u9fff]+$/.test(name)) return false;
  if (knownBody(name)) return true;
  if (name.length < 2 || name.length > MAX_NAME_CHARS) return false;
  if (name.length === 2) return TWO_CHAR_ORGS.has(name);
  if (NOT_ORGS.test(name) || /的|含|及|会同/.test(name) || name.indexOf('各', 1) > 2) return false;
  return ORG_SUFFIXES.some((s) => name.endsWith(s));
}

/**
 * 各市、县（市、区）政府 is one collective body whose area list uses 、 too: a bare area (各市, 各区) followed by
 * areas that end in 政府 reads as one name, not as 各市 plus 县政府.
 */
const BARE_AREA = /^各?[\u4e00-\u9fff]{0,3}(区|县|市|州|旗|盟)(?:[（(〔][^（）()〔〕]{1,8}[)）〕])?$/;

function joinCollectives(
  clause: string,
  pieces: Array<{ at: number; text: string }>,
): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  for (let i = 0; i < pieces.length; i++) {
    let end = i;
    if (pieces[i]!.text.startsWith('各')) {
      let j = i + 1;
      while (
        j < pieces.length &&
        j < i + 4 &&
        BARE_AREA.test(pieces[j - 1]!.text) &&
        !pieces[j]!.text.startsWith('各')
      ) {
        if (/政府$/.test(pieces[j]!.text)) {
          end = j;
          break;
        }
        j++;
      }
    }
    const at = pieces[i]!.at;
    const last = pieces[end]!;
    out.push({ at, text: clause.slice(at, last.at + last.text.length) });
    i = end;
  }
  return out;
}

/** The pieces of a clause between separators, with their offsets (a separator is one character). */
function piecesOf(clause: string, separators: RegExp): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  let at = 0;
  for (const text of splitTopLevel(clause, separators)) {
    if (text !== '') out.push({ at, text });
    at += text.length + 1;
  }
  return out;
}

const INCOMPLETE_TAIL = /(及其他相关部门|及相关部门|和相关部门|等有关部门|等相关部门|等部门|等单位|等)$/;
const CONNECTOR = /会同|以及|联合|和|及|与|同/g;

/**
 * Splits names run together with a connector (生态环境部和各省级人民政府, 商务部会同发展改革委, A等和B) where every
 * part is a body; a body whose own name holds the connector (工业和信息化部, 各有关部门和单位) stays whole.
 * Memoised by offset, so a piece with many connectors is split in time linear in its connectors.
 */
function splitJoined(piece: string): { names: string[]; incomplete: boolean } {
  const cuts = [...piece.matchAll(CONNECTOR)].map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
  const memo = new Map<number, { names: string[]; incomplete: boolean } | null>();
  // The split of piece[start..] into bodies, or null. A name the lexicon knows stays whole; otherwise a split
  // into bodies is preferred to a whole name only recognised by its ending (…和各省级人民政府 ends in 人民政府).
  const from = (start: number): { names: string[]; incomplete: boolean } | null => {
    if (memo.has(start)) return memo.get(start)!;
    const rest = piece.slice(start);
    let found: { names: string[]; incomplete: boolean } | null = null;
    if (rest.length <= MAX_NAME_CHARS && knownBody(rest.replace(AREA_QUALIFIER, '')))
      found = { names: [rest], incomplete: false };
    for (const c of found ? [] : cuts) {
      if (c.at <= start) continue;
      if (c.at - start > MAX_NAME_CHARS) break;
      let left = piece.slice(start, c.at);
      let incomplete = false;
      const others = INCOMPLETE_TAIL.exec(left);
      if (others && others.index > 0) {
        left = left.slice(0, others.index);
        incomplete = true;
      }
      if (!looksLikeOrganisation(left)) continue;
      const tail = from(c.end);
      if (tail) {
        found = { names: [left, ...tail.names], incomplete: incomplete || tail.incomplete };
        break;
      }
    }
    if (!found && looksLikeOrganisation(rest)) found = { names: [rest], incomplete: false };
    memo.set(start, found);
    return found;
  };
  return from(0) ?? { names: [piece], incomplete: false };
}

type ClauseRole = DepartmentRole | 'list' | 'responsible' | 'guide';

/**
 * 牵头单位：… / 配合单位：… prefixes: the label decides the role of every name after it. A bureau assigning work to
 * its own sections writes 科室/处室 for 单位 (责任科室：组干科、机关党委).
 */
const LABEL_PREFIX = new RegExp(`^(?:由)?【?(${ROLE_FIELD})(?:】|\\s*[:：])?\\s*`);
/** A role label after other text and spaces (牵头单位：A  责任单位：B): it starts a clause of its own. */
const LABEL_AFTER_SPACE = new RegExp(`(?<=\\S)[ \\t\\u3000]+(?=${ROLE_FIELD}[ \\u3000]*[:：])`, 'g');
/** Role phrases at the end of a clause, longest first. */
const ROLE_TAIL =
  /(牵头负责|牵头落实|牵头|为牵头单位|为牵头部门|为责任单位|为配合单位|负总责|等部门按职责分工负责|按职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分别负责|共同负责|分工负责|负责落实|具体负责|负责|落实|配合|参与|协助|协办|共同|指导)$/;
/** Unnamed others (区级相关部门, 市直有关单位): the list is incomplete, they are not a unit. */
const ONLY_OTHERS =
  /^(?:省级|市级|区级|县级|省直|市直|区直|县直)?(?:其他)?(?:相关|有关)?(?:部门|单位)(?:和单位)?$|^其他(?:相关|有关)?(?:部门|单位)$/;

/** The document rule 列第一位者为牵头单位 / 排在第一位的为牵头部门. */
export const FIRST_LISTED_LEADS = /(?:列|排)(?:在|名)?第一(?:位|个)?(?:者|的)?(?:单位|部门)?为牵头(?:单位|部门)/;
/**
 * A body implied for every later task, stated once: 以下均需试点城市政府落实，不再列出 (it carries the work),
 * 具体任务均涉及相关市(州)人民政府，不再做分工 (it takes part).
 */
const IMPLIED_WORK = /^(?:(?:以下|各项|上述)[\u4e00-\u9fff]{0,6}?)?均需(.{2,30}?)(?:负责)?落实$/d;
const IMPLIED_PART = /^(?:具体任务|各项任务|以下任务)?均涉及(.{2,30})$/d;
/**
 * Clauses of a bracket that are about the list, not units in it: the document rule 列第一位者为牵头单位,
 * 下同, scopes (适用范围：…), deadlines (完成时限：…, read as targets by the caller), named officials, and
 * statements that some body is implied for every task (IMPLIED_WORK, IMPLIED_PART).
 */
const META_CLAUSE =
  /^(?:下同|以下同|同上)$|^【?(?:适用范围|完成时限|完成时间|时间节点|时限要求|时限|进度安排|牵头领导|责任领导|分管领导|责任人|联系人)(?:】|[:：])|不再(?:[\u4e00-\u9fff]{0,4}列出|重复|做分工|分工)|(?:列|排)(?:在|名)?第一|^(?:以下|具体任务|上述|其余|各项任务).{0,6}?(?:均|不再)|均需|均涉及|均由/;

/** A body a document names once for every later task, and whether it carries the work or takes part. */
export interface ImpliedUnit {
  name: string;
  carriesWork: boolean;
}

/** The document rule 无牵头单位的，责任单位即为牵头单位: where no lead is named, every responsible unit leads. */
export const LISTED_UNITS_LEAD = /无牵头(?:单位|部门)的[,，]?\s*责任(?:单位|部门)(?:即)?为牵头(?:单位|部门)/;

export interface ResponsibilityOptions {
  /** The document declared 列第一位者为牵头单位: the first unit of every bracket leads, the rest are co. */
  firstListedLeads?: boolean;
  /** The document declared 无牵头单位的，责任单位即为牵头单位: without a named lead, all listed units lead. */
  listedUnitsLead?: boolean;
  /** Bodies an earlier bracket declared implied for every later task (以下均需…落实，不再列出). */
  impliedUnits?: readonly ImpliedUnit[];
}

export interface Responsibility {
  departments: ParsedDepartment[];
  incomplete: boolean;
  /** The bracket itself declares 列第一位者为牵头单位 (for it and, with 下同, every later bracket). */
  declaresFirstListedLeads: boolean;
  /** Bodies the bracket declares implied for every later task. */
  declaresImpliedUnits: ImpliedUnit[];
  /**
   * Names the bracket lists that are not read as units (not a body, and not in a 牵头单位：/责任单位： field that
   * vouches for them): left out of `departments`, which is then marked incomplete.
   */
  unreadNames: string[];
}

/**
 * Text that reads as work, not as a unit (新建污水处理厂一座, 完善园区道路): a clause, or a task-table cell of another
 * column that landed in a responsibility column.
 */
const WORK_NAME =
  /^(?:新建|改建|扩建|续建|建设|建成|实施|推进|开展|完成|加快|提升|打造|推动|组织|制定|落实|加强|新增|改造|培育|引进|完善|健全|建立|深化|优化|强化|做好|全面|持续|积极)|[0-9一二两三四五六七八九十百千万]+(?:座|个|家|处|条|项|所|台|套|公里|千米|米|亩|吨|万元|亿元|元)$/;

/**
 * A name written in an explicit role field (牵头单位：…, 责任单位：…) that the lexicon does not know is still a unit
 * (a local body, a company, a section with its own name), as long as it reads as one name: Han characters only,
 * of a body's length, with no word that makes it a phrase (的, 及, 会同, 等) or a vague pointer at whoever is
 * concerned (有关方面, 各方面): no body's name holds 方面.
 */
function plausibleUnitName(written: string): boolean {
  const name = normalizeText(written).replace(AREA_QUALIFIER, '');
  return (
    /^[\u4e00-\u9fff]{2,30}$/.test(name) &&
    !NOT_ORGS.test(name) &&
    !/的|含|及|会同|等|以|将|确保|完成|方面/.test(name) &&
    !WORK_NAME.test(name)
  );
}

function roleOfTail(tail: string): ClauseRole | null {
  if (/牵头|负总责/.test(tail)) return 'lead';
  if (/配合|参与|协助|协办/.test(tail)) return 'co';
  if (/指导/.test(tail)) return 'guide';
  if (/负责|落实/.test(tail)) return 'responsible';
  return null;
}

/**
 * Reads a responsibility bracket's inner text: （省商务厅牵头负责）, （A、B等部门按职责分工负责）,
 * （A牵头，B、C参与）, （A会同B负责）, （A负责，B配合）, （责任单位：A、B）, （牵头单位：A；配合单位：B、C，各区县政府）,
 * （A等和各省级人民政府负责）, （各有关部门和单位按职责分工负责）.
 * Names are kept exactly as written. Returns null when the bracket is not about responsibility (（5G）, （试行）…).
 *
 * Roles: 牵头 and lead labels → lead, 配合/参与 and co labels → co; with an explicit lead, unmarked names are co;
 * under 指导 + 负责 the responsible unit leads; otherwise the first listed leads. Under the document rule
 * 列第一位者为牵头单位 (options.firstListedLeads, or declared in the bracket) the first unit leads and the rest are co.
 *
 * @example parseResponsibility('生态环境部牵头，国家发展改革委参与') // → 生态环境部 lead, 国家发展改革委 co
 */
export function parseResponsibility(inner: string, options: ResponsibilityOptions = {}): Responsibility | null {
  if (inner.length > MAX_RESPONSIBILITY_CHARS) return null;
  // 【牵头单位】A【配合单位】B on one line: each 【label】 starts a clause.
  // 【牵头单位】A【配合单位】B on one line, or 牵头单位：A  责任单位：B with only spaces between: each label starts
  // a clause.
  const written = inner
    .trim()
    .replace(/(?<=.)【/g, '\n【')
    .replace(LABEL_AFTER_SPACE, '\n');
  const clauses = splitTopLevel(written, /[，,；;。\n]/)
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c) => c !== '');
  if (clauses.length === 0) return null;
  let incomplete = false;
  let sawRolePhrase = false;
  /** A label or role phrase gave names of this bracket a role (a rule about the list, such as 以下均需…落实, does not). */
  let assignsRoles = false;
  let declares = false;
  const implied: ImpliedUnit[] = [];
  const unread: string[] = [];
  const groups: Array<{ role: ClauseRole; names: string[] }> = [];
  let lastLabelRole: ClauseRole | null = null;
  let inScope = false;
  // Each clause is matched in its normalised form (half-width, simplified script: 牽頭 reads as 牵头) and the
  // names are sliced from it as written; the two have the same length, so offsets carry over.
  for (const raw of clauses) {
    const whole = normalizeText(raw);
    // 适用范围：所有自贸试验区，以下除标注…外 — everything after a scope label, up to the next label, is the scope.
    if (/^(?:适用范围|适用地区|实施范围)[:：]/.test(whole)) inScope = true;
    else if (LABEL_PREFIX.test(whole)) inScope = false;
    if (inScope) continue;
    if (FIRST_LISTED_LEADS.test(whole)) declares = true;
    const work = IMPLIED_WORK.exec(whole);
    const part = work ? null : IMPLIED_PART.exec(whole);
    const impliedMatch = work ?? part;
    if (impliedMatch && looksLikeOrganisation(impliedMatch[1]!)) {
      // 以下政策措施均需各县区人民政府、园区管委会落实: each listed body is implied on its own.
      const [a] = impliedMatch.indices![1]!;
      const pieces = piecesOf(impliedMatch[1]!, /[、]/);
      const each = pieces.every((p) => looksLikeOrganisation(p.text)) ? pieces : [{ at: 0, text: impliedMatch[1]! }];
      for (const p of each)
        implied.push({ name: raw.slice(a + p.at, a + p.at + p.text.length), carriesWork: work !== null });
    }
    if (META_CLAUSE.test(whole)) {
      // Only a rule about the units makes an otherwise empty bracket a responsibility.
      if (declares || impliedMatch) sawRolePhrase = true;
      continue;
    }
    let from = 0;
    let to = whole.length;
    let role: ClauseRole = 'list';
    const label = LABEL_PREFIX.exec(whole);
    if (label) {
      role = roleOfField(label[1]!);
      lastLabelRole = role;
      sawRolePhrase = true;
      assignsRoles = true;
      from = label[0].length;
    } else if (lastLabelRole === 'co') {
      // 牵头单位：A，配合单位：B、C，各区县政府 — names after a co label without their own label are co too.
      role = 'co';
    }
    if (whole[from] === '由') from++;
    let clause = whole.slice(from, to);
    /** This clause gives its names a role: its own label or one carried over from the clause before, or a role phrase. */
    let clauseHasRole = label !== null || lastLabelRole !== null;
    // Each pass strips one role phrase from the end; a clause holds at most a few, so this stays short.
    for (let tail = ROLE_TAIL.exec(clause), guard = 0; tail && guard < 4; tail = ROLE_TAIL.exec(clause), guard++) {
      sawRolePhrase = true;
      assignsRoles = true;
      clauseHasRole = true;
      if (/等部门/.test(tail[1]!)) incomplete = true;
      const r = roleOfTail(tail[1]!);
      if (r && (role === 'list' || (role === 'responsible' && r !== 'responsible'))) role = r;
      to -= tail[1]!.length;
      clause = whole.slice(from, to);
    }
    const others = INCOMPLETE_TAIL.exec(clause);
    if (others) {
      incomplete = true;
      to -= others[1]!.length;
      clause = whole.slice(from, to);
    }
    if (clause === '') continue;
    if (ONLY_OTHERS.test(clause)) {
      incomplete = true;
      continue;
    }
    const names: string[] = [];
    for (const piece of joinCollectives(clause, piecesOf(clause, /[、/]/))) {
      const split = splitJoined(piece.text);
      if (split.incomplete) incomplete = true;
      let cursor = 0;
      for (let name of split.names) {
        const at = piece.text.indexOf(name, cursor);
        cursor = at + name.length;
        const tail = INCOMPLETE_TAIL.exec(name);
        if (tail && tail.index > 0) {
          incomplete = true;
          name = name.slice(0, tail.index);
        }
        // A、B、区级相关部门配合: unnamed others at the end of a list.
        const start = from + piece.at + at;
        const asWritten = raw.slice(start, start + name.length);
        if (ONLY_OTHERS.test(name)) incomplete = true;
        else if (
          looksLikeOrganisation(name) ||
          (label && plausibleUnitName(name)) ||
          (clauseHasRole && ZONE_UNIT.test(normalizeText(name)))
        )
          names.push(asWritten);
        else unread.push(asWritten);
      }
    }
    if (names.length > 0) groups.push({ role, names });
  }
  const total = groups.reduce((n, g) => n + g.names.length, 0);
  // A name that is no unit makes the bracket an explanation (（5G、物联网）, an author line), unless the bracket
  // assigns roles itself and names a unit besides: then the units are kept and the list is incomplete.
  if (unread.length > 0 && (!assignsRoles || total === 0)) return null;
  if (unread.length > 0) incomplete = true;
  const declared = { declaresFirstListedLeads: declares, declaresImpliedUnits: implied, unreadNames: unread };
  if (total === 0) return sawRolePhrase ? { departments: [], incomplete, ...declared } : null;
  // Units implied by an earlier bracket join every later one (unless it names them itself).
  const named = new Set(groups.flatMap((g) => g.names.map(normalizeText)));
  for (const u of options.impliedUnits ?? []) {
    const key = normalizeText(u.name);
    if (named.has(key)) continue;
    named.add(key);
    groups.push({ role: u.carriesWork ? 'responsible' : 'list', names: [u.name] });
  }
  return {
    departments: assignRoles(groups, options.firstListedLeads || declares, options.listedUnitsLead ?? false),
    incomplete,
    ...declared,
  };
}

function assignRoles(
  groups: Array<{ role: ClauseRole; names: string[] }>,
  firstListedLeads: boolean,
  listedUnitsLead: boolean,
): ParsedDepartment[] {
  const departments: ParsedDepartment[] = [];
  if (firstListedLeads) {
    for (const g of groups)
      for (const name of g.names) departments.push({ name, role: departments.length === 0 ? 'lead' : 'co' });
    return departments;
  }
  const explicitLead = groups.some((g) => g.role === 'lead');
  // 生态环境部指导，试点城市政府负责落实: the unit that carries the work leads, the guiding one is co.
  const guidedWork =
    !explicitLead && groups.some((g) => g.role === 'guide') && groups.some((g) => g.role === 'responsible');
  let leadGiven = false;
  for (const g of groups) {
    for (const name of g.names) {
      let role: DepartmentRole;
      if (g.role === 'lead' || g.role === 'co') role = g.role;
      else if (explicitLead) role = 'co';
      else if (listedUnitsLead) role = g.role === 'guide' ? 'co' : 'lead';
      else if (guidedWork) role = g.role === 'responsible' && !leadGiven ? 'lead' : 'co';
      else role = leadGiven ? 'co' : 'lead';
      if (role === 'lead') leadGiven = true;
      departments.push({ name, role });
    }
  }
  return departments;
}
