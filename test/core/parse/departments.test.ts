import { describe, expect, it } from 'vitest';
import type { ParsedDepartment } from '../../../src/core/model.ts';
import { looksLikeOrganisation, parseResponsibility } from '../../../src/core/parse/departments.ts';

// For inputs that must read as a responsibility: a null result fails at the `!`.
const departmentsOf = (inner: string): ParsedDepartment[] => parseResponsibility(inner)!.departments;
const namesOf = (inner: string): string[] => departmentsOf(inner).map((d) => d.name);
const rolesOf = (inner: string): string[] => departmentsOf(inner).map((d) => d.role);

describe('parseResponsibility', () => {
  it('reads 牵头负责 as a single lead', () => {
    expect(parseResponsibility('省商务厅牵头负责')).toMatchObject({
      departments: [{ name: '省商务厅', role: 'lead' }],
      incomplete: false,
    });
  });

  it('lets the first listed lead under 按职责分工负责 and marks 等部门 incomplete', () => {
    expect(parseResponsibility('市教委、市委宣传部、市委网信办等部门按职责分工负责')).toMatchObject({
      departments: [
        { name: '市教委', role: 'lead' },
        { name: '市委宣传部', role: 'co' },
        { name: '市委网信办', role: 'co' },
      ],
      incomplete: true,
    });
  });

  it('reads 牵头 followed by 相关部门按职责分工负责', () => {
    expect(parseResponsibility('市商务局牵头，相关部门按职责分工负责')).toMatchObject({
      departments: [{ name: '市商务局', role: 'lead' }],
      incomplete: true,
    });
    expect(rolesOf('市发展改革委、市市场监管委牵头，相关部门按职责分工负责')).toEqual(['lead', 'lead']);
  });

  it('reads 责任单位：… as a list whose first name leads', () => {
    expect(parseResponsibility('责任单位：省发展改革委、省财政厅')).toMatchObject({
      departments: [
        { name: '省发展改革委', role: 'lead' },
        { name: '省财政厅', role: 'co' },
      ],
      incomplete: false,
    });
    expect(departmentsOf('责任部门:市商务局')).toEqual([{ name: '市商务局', role: 'lead' }]);
  });

  it('reads 牵头单位 / 配合单位 roles', () => {
    expect(departmentsOf('牵头单位：市商务局；配合单位：市财政局、市发展改革委')).toEqual([
      { name: '市商务局', role: 'lead' },
      { name: '市财政局', role: 'co' },
      { name: '市发展改革委', role: 'co' },
    ]);
    expect(rolesOf('牵头单位:省教育厅;参与单位:省科技厅')).toEqual(['lead', 'co']);
  });

  it('reads the 承办单位, 主办单位, 协同单位 and 参加单位 fields of a bracket by their role word', () => {
    expect(departmentsOf('承办单位：市商务局、市财政局')).toEqual([
      { name: '市商务局', role: 'lead' },
      { name: '市财政局', role: 'co' },
    ]);
    expect(departmentsOf('主办单位：市文化旅游局；协同单位：市公安局；参加单位：各区县政府')).toEqual([
      { name: '市文化旅游局', role: 'lead' },
      { name: '市公安局', role: 'co' },
      { name: '各区县政府', role: 'co' },
    ]);
  });

  it('reads A牵头，B、C配合 and a bare single department', () => {
    expect(departmentsOf('省商务厅牵头，省财政厅、省税务局配合')).toEqual([
      { name: '省商务厅', role: 'lead' },
      { name: '省财政厅', role: 'co' },
      { name: '省税务局', role: 'co' },
    ]);
    expect(parseResponsibility('市商务局')).toMatchObject({
      departments: [{ name: '市商务局', role: 'lead' }],
      incomplete: false,
    });
  });

  it('keeps names exactly as written, including banks, customs, airports and groups', () => {
    expect(
      namesOf(
        '人民银行天津分行、天津海关、天津港集团、天津滨海国际机场、湖南银保监局、人民银行长沙中心支行、市供销合作社等部门按职责分工负责',
      ),
    ).toEqual([
      '人民银行天津分行',
      '天津海关',
      '天津港集团',
      '天津滨海国际机场',
      '湖南银保监局',
      '人民银行长沙中心支行',
      '市供销合作社',
    ]);
  });

  it('accepts abbreviated follow-on names and area governments', () => {
    expect(namesOf('省工业和信息化厅、交通运输厅、商务厅')).toEqual(['省工业和信息化厅', '交通运输厅', '商务厅']);
    expect(namesOf('市商务局、各区人民政府按职责分工负责')).toEqual(['市商务局', '各区人民政府']);
  });

  it('keeps names that carry an area bracket or an area list whole', () => {
    expect(departmentsOf('牵头单位：市文化旅游广电局；配合单位：市商务局，各区县（市）人民政府')).toEqual([
      { name: '市文化旅游广电局', role: 'lead' },
      { name: '市商务局', role: 'co' },
      { name: '各区县（市）人民政府', role: 'co' },
    ]);
    expect(namesOf('省商务厅、各市、县（市、区）政府')).toEqual(['省商务厅', '各市、县（市、区）政府']);
    // Two collectives each with 各 stay two.
    expect(namesOf('各市、各区人民政府')).toEqual(['各市', '各区人民政府']);
  });

  it('reads 【牵头单位】A【配合单位】B labels as written on their own line', () => {
    expect(departmentsOf('【牵头单位】市人社局【配合单位】市商务局、市总工会')).toEqual([
      { name: '市人社局', role: 'lead' },
      { name: '市商务局', role: 'co' },
      { name: '市总工会', role: 'co' },
    ]);
    expect(rolesOf('【责任单位】市商务局\n【配合单位】市财政局')).toEqual(['lead', 'co']);
  });

  it.each([
    'AI',
    '5G',
    'C-V2X',
    'CIM',
    '征求意见稿',
    '天津',
    '含幼儿园',
    '2021-2023年',
    '信包箱',
    '在建、既有',
    '站',
    '工种',
    '国办发〔2020〕32号',
    '巡诊车',
    '试行',
    '新格局',
    '全部',
    '部署',
  ])('（%s） is not a responsibility bracket', (inner) => expect(parseResponsibility(inner)).toBeNull());
});

describe('looksLikeOrganisation', () => {
  it('accepts bodies and refuses ordinary words', () => {
    for (const n of ['市委网信办', '省版权局', '长沙海关', '市政务服务办', '省人力资源社会保障厅', '市消防救援总队'])
      expect(looksLikeOrganisation(n), n).toBe(true);
    for (const n of ['农贸市场', '菜市场', '运行', '出行', '幼儿园', '场所', '天津'])
      expect(looksLikeOrganisation(n), n).toBe(false);
  });
});

/** `name:role` of every unit, with `…` appended when the list is incomplete. */
const reading = (inner: string, firstListedLeads = false): string[] | null => {
  const r = parseResponsibility(inner, { firstListedLeads });
  if (!r) return null;
  const units = r.departments.map((d) => `${d.name}:${d.role}`);
  return r.incomplete ? [...units, '…'] : units;
};

describe('parseResponsibility: the bracket forms of the genre', () => {
  it.each<[string, string[]]>([
    // （A、B负责）: the first listed leads.
    ['教育部、人力资源社会保障部负责', ['教育部:lead', '人力资源社会保障部:co']],
    // （A、B等负责）: incomplete.
    ['教育部、人力资源社会保障部等负责', ['教育部:lead', '人力资源社会保障部:co', '…']],
    // （A牵头，B、C参与）
    ['生态环境部牵头，国家发展改革委、国家统计局参与', ['生态环境部:lead', '国家发展改革委:co', '国家统计局:co']],
    // （A会同B负责）
    ['商务部会同发展改革委负责', ['商务部:lead', '发展改革委:co']],
    // （A负责，B配合）, also with the co-worker first.
    ['市商务局负责，市财政局配合', ['市商务局:lead', '市财政局:co']],
    ['市财政局配合，市商务局负责', ['市财政局:co', '市商务局:lead']],
    // （责任单位：A、B）
    ['责任单位：市发展改革委、市财政局', ['市发展改革委:lead', '市财政局:co']],
    // （牵头单位：A；配合单位：B、C）, with a comma, and with local governments after the units.
    ['牵头单位：市商务局；配合单位：市财政局、市税务局', ['市商务局:lead', '市财政局:co', '市税务局:co']],
    ['牵头单位：市商务局，配合单位：市财政局、市税务局', ['市商务局:lead', '市财政局:co', '市税务局:co']],
    [
      '牵头单位：市商务局，配合单位：市财政局、市税务局，各区县政府',
      ['市商务局:lead', '市财政局:co', '市税务局:co', '各区县政府:co'],
    ],
    // 牵头单位 then 责任单位: the responsible units work under the lead.
    ['牵头单位：省发展改革委；责任单位：省编办、省住建厅', ['省发展改革委:lead', '省编办:co', '省住建厅:co']],
    // （A等和各省级人民政府负责）
    ['国家发展改革委等和各省级人民政府负责', ['国家发展改革委:lead', '各省级人民政府:co', '…']],
    // （A、B，各省级人民政府按职责分工负责）
    ['国家发展改革委、财政部，各省级人民政府按职责分工负责', ['国家发展改革委:lead', '财政部:co', '各省级人民政府:co']],
    // （各有关部门和单位按职责分工负责）: one collective unit.
    ['各有关部门和单位按职责分工负责', ['各有关部门和单位:lead']],
    // A connector between two bodies splits them; inside a body's own name it does not.
    ['生态环境部和各省级人民政府负责', ['生态环境部:lead', '各省级人民政府:co']],
    ['工业和信息化部、文化和旅游部负责', ['工业和信息化部:lead', '文化和旅游部:co']],
    [
      '市政府办公室牵头，市级各有关部门及各县市区政府按职责分工负责',
      ['市政府办公室:lead', '市级各有关部门:co', '各县市区政府:co'],
    ],
    // 指导 + 负责落实: the unit that carries the work leads.
    ['生态环境部指导，试点城市政府负责落实', ['生态环境部:co', '试点城市政府:lead']],
    ['商务部指导，供销合作总社参与', ['商务部:lead', '供销合作总社:co']],
    // State Council 负责部门 with a scope clause that is not a unit.
    ['负责部门：民航局，适用范围：陕西自贸试验区', ['民航局:lead']],
    [
      '负责部门：人力资源社会保障部、商务部；适用范围：所有自贸试验区，以下除标注适用于特定自贸试验区的措施外，适用范围均为所有自贸试验区',
      ['人力资源社会保障部:lead', '商务部:co'],
    ],
    ['负责部门：人民银行等部门，适用范围：浙江自贸试验区', ['人民银行:lead', '…']],
    // Collectives named after their owner.
    ['国务院有关部门和各省级人民政府按职责分工负责', ['国务院有关部门:lead', '各省级人民政府:co']],
    ['各地区各部门按职责分工负责', ['各地区各部门:lead']],
    // Named officials are not units; 为牵头单位 / 为配合单位 phrases; unnamed others after a lead.
    ['牵头领导：张三；牵头单位：市商务局', ['市商务局:lead']],
    ['市商务局为牵头单位，市财政局为配合单位', ['市商务局:lead', '市财政局:co']],
    ['市发展改革委牵头，市直相关部门配合', ['市发展改革委:lead', '…']],
    ['省商务厅牵头，省发展改革委、省财政厅等配合', ['省商务厅:lead', '省发展改革委:co', '省财政厅:co', '…']],
    // A deadline field is not a unit (the task reads it as a target).
    ['责任单位：市商务局；完成时限：2024年12月底前', ['市商务局:lead']],
  ])('（%s）', (inner, expected) => {
    expect(reading(inner)).toEqual(expected);
  });
});

describe('parseResponsibility: compound units stay whole', () => {
  it.each([
    '各市（州）、县（市、区）人民政府',
    '各区县（自治县）政府',
    '各省级人民政府',
    '各有关部门和单位',
    '各区（市、县）人民政府',
  ])('%s', (unit) => {
    expect(reading(`${unit}负责`)).toEqual([`${unit}:lead`]);
  });
});

describe('parseResponsibility: the document rule 列第一位者为牵头单位', () => {
  it('is declared by the bracket that states it, and not read as a unit', () => {
    const r = parseResponsibility('发展改革委、财政部负责，列第一位者为牵头单位，下同')!;
    expect(r.declaresFirstListedLeads).toBe(true);
    expect(r.departments.map((d) => `${d.name}:${d.role}`)).toEqual(['发展改革委:lead', '财政部:co']);
  });

  it('makes the first unit lead where the bracket alone would name several leads', () => {
    expect(reading('市发展改革委、市市场监管局牵头')).toEqual(['市发展改革委:lead', '市市场监管局:lead']);
    expect(reading('市发展改革委、市市场监管局牵头', true)).toEqual(['市发展改革委:lead', '市市场监管局:co']);
    expect(reading('试点城市政府负责落实，生态环境部指导', true)).toEqual(['试点城市政府:lead', '生态环境部:co']);
  });
});

describe('parseResponsibility: implied units', () => {
  it('declares a body implied for every later task, and adds it to later brackets', () => {
    const first = parseResponsibility('生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出')!;
    expect(first.declaresImpliedUnits).toEqual([{ name: '试点城市政府', carriesWork: true }]);
    const later = parseResponsibility('国家发展改革委、商务部指导', { impliedUnits: first.declaresImpliedUnits })!;
    expect(later.departments.map((d) => `${d.name}:${d.role}`)).toEqual([
      '国家发展改革委:co',
      '商务部:co',
      '试点城市政府:lead',
    ]);
  });

  it('adds a body that takes part as co-worker', () => {
    const first = parseResponsibility(
      '责任单位：省发展改革委、省大数据中心按职责分工负责。具体任务均涉及相关市（州）人民政府，不再做分工，下同。',
    )!;
    expect(first.departments.map((d) => d.name)).toEqual(['省发展改革委', '省大数据中心']);
    const later = parseResponsibility('责任单位：省市场监管局', { impliedUnits: first.declaresImpliedUnits })!;
    expect(later.departments.map((d) => `${d.name}:${d.role}`)).toEqual([
      '省市场监管局:lead',
      '相关市（州）人民政府:co',
    ]);
  });
});

describe('parseResponsibility: what is not a responsibility', () => {
  it.each([
    '以下简称《总体规划》',
    '以下统称审核机构',
    '单位：毫米',
    '或其他基本核算单位，下同',
    '以下均需',
    '负责'.repeat(400),
  ])('（%s）', (inner) => {
    expect(parseResponsibility(inner)).toBeNull();
  });
});

describe('parseResponsibility: written forms of real documents', () => {
  const CASES: Array<{ about: string; inner: string; departments: string[]; incomplete?: boolean }> = [
    {
      about: 'traditional script: matched as simplified, names kept as written',
      inner: '市政府辦公室、市行政審批制度改革工作領導小組辦公室牽頭,市級各有關部門及各縣市區政府按職責分工負責',
      departments: [
        '市政府辦公室:lead',
        '市行政審批制度改革工作領導小組辦公室:lead',
        '市級各有關部門:co',
        '各縣市區政府:co',
      ],
    },
    {
      about: 'labels separated by spaces only (牵头单位:A  责任单位:B)',
      inner: '牵头单位:市商务局  责任单位:市编办、市发改委、各区县政府',
      departments: ['市商务局:lead', '市编办:co', '市发改委:co', '各区县政府:co'],
    },
    {
      about: 'the member units of a named body as one collective (…指挥部成员单位)',
      inner: '牵头单位:区卫健局;责任单位:区疫情防控指挥部成员单位、各街办(新区)',
      departments: ['区卫健局:lead', '区疫情防控指挥部成员单位:co', '各街办(新区):co'],
    },
  ];
  for (const c of CASES) {
    it(c.about, () => {
      const r = parseResponsibility(c.inner)!;
      expect(r.departments.map((d) => `${d.name}:${d.role}`)).toEqual(c.departments);
      expect(r.incomplete).toBe(c.incomplete ?? false);
    });
  }
});

describe('parseResponsibility: district units and names the lexicon does not know', () => {
  it('reads development zones, parks, task forces and 各街道 as units', () => {
    expect(namesOf('牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班')).toEqual([
      '区发改局',
      '立山经济开发区',
      '全区经济运行各专班',
    ]);
    expect(rolesOf('牵头单位:区发改局\n责任单位:立山经济开发区,全区经济运行各专班')).toEqual(['lead', 'co', 'co']);
    expect(namesOf('责任单位:各街道,各乡镇、高新技术产业园区')).toEqual(['各街道', '各乡镇', '高新技术产业园区']);
    expect(looksLikeOrganisation('各社区')).toBe(true);
    // Not a collective: a phrase with 各 that names no kind of unit, or a second 各.
    expect(looksLikeOrganisation('加强各方面')).toBe(false);
    expect(looksLikeOrganisation('全区各街道各部门')).toBe(false);
  });

  it('takes a zone or task force as a unit only where the bracket gives it a role', () => {
    expect(namesOf('市商务局、苏州工业园区负责')).toEqual(['市商务局', '苏州工业园区']);
    expect(namesOf('招商引资工作专班牵头')).toEqual(['招商引资工作专班']);
    // Places and examples in a sentence are no responsibility.
    expect(parseResponsibility('苏州工业园区、南京江宁开发区')).toBeNull();
    expect(parseResponsibility('长三角生态绿色一体化发展示范区')).toBeNull();
    expect(looksLikeOrganisation('南京江宁开发区')).toBe(false);
  });

  it('keeps a name the lexicon does not know when an explicit role field lists it', () => {
    expect(parseResponsibility('责任科室:组干科、机关党委')).toMatchObject({
      departments: [
        { name: '组干科', role: 'lead' },
        { name: '机关党委', role: 'co' },
      ],
      incomplete: false,
      unreadNames: [],
    });
    expect(rolesOf('牵头处室:规划处;配合处室:法规科')).toEqual(['lead', 'co']);
  });

  it('keeps the known units and marks the list incomplete when one name is no unit', () => {
    // In a role field a phrase is still no unit; outside one an unknown name is dropped, the rest kept.
    expect(parseResponsibility('责任单位:市财政局、确保年底前完成')).toMatchObject({
      departments: [{ name: '市财政局', role: 'lead' }],
      incomplete: true,
      unreadNames: ['确保年底前完成'],
    });
    expect(parseResponsibility('市财政局、智改数转牵头')).toMatchObject({
      departments: [{ name: '市财政局', role: 'lead' }],
      incomplete: true,
      unreadNames: ['智改数转'],
    });
  });

  it('still rejects a bracket of names that are no units when it assigns no role', () => {
    expect(parseResponsibility('5G、物联网')).toBeNull();
    expect(parseResponsibility('市财政局、物联网')).toBeNull();
  });

  it('does not take a rule about the list (以下均需…落实) as assigning roles to the other names of the bracket', () => {
    // An author line that happens to hold such a clause names no units: it stays an explanation.
    expect(
      parseResponsibility(
        '作者单位分别为：重庆大学艺术学院、可持续发展研究院，以下均需试点城市政府落实，本文为中央高校基本科研业务费人文社科专项成果',
      ),
    ).toBeNull();
  });

  it('reads 不再单独列出 like 不再一一列出, and each unit implied for later tasks on its own', () => {
    const r = parseResponsibility(
      '责任单位:市工信局、市财政局等有关部门,各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出',
    )!;
    expect(r.departments.map((d) => d.name)).toEqual(['市工信局', '市财政局', '各县区人民政府', '园区管委会']);
    expect(r.unreadNames).toEqual([]);
    expect(r.declaresImpliedUnits).toEqual([
      { name: '各县区人民政府', carriesWork: true },
      { name: '园区管委会', carriesWork: true },
    ]);
  });

  it('marks 市直有关部门、单位 as unnamed others, not a unit', () => {
    expect(parseResponsibility('牵头单位:市行政审批服务局;责任单位:市直有关部门、单位,各区市政府')).toMatchObject({
      departments: [
        { name: '市行政审批服务局', role: 'lead' },
        { name: '各区市政府', role: 'co' },
      ],
      incomplete: true,
    });
  });
});
