import { describe, expect, it } from 'vitest';
import type { ParsedDepartment } from '../../../src/core/model.ts';
import { looksLikeOrganisation, parseResponsibility } from '../../../src/core/parse/departments.ts';

// For inputs that must read as a responsibility: a null result fails at the `!`.
const departmentsOf = (inner: string): ParsedDepartment[] => parseResponsibility(inner)!.departments;
const namesOf = (inner: string): string[] => departmentsOf(inner).map((d) => d.name);
const rolesOf = (inner: string): string[] => departmentsOf(inner).map((d) => d.role);

describe('parseResponsibility', () => {
  it('reads 牵头负责 as a single lead', () => {
    expect(parseResponsibility('省商务厅牵头负责')).toMatchObject({ departments: [{ name: '省商务厅', role: 'lead' }], incomplete: false });
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

  it('reads A牵头，B、C配合 and a bare single department', () => {
    expect(departmentsOf('省商务厅牵头，省财政厅、省税务局配合')).toEqual([
      { name: '省商务厅', role: 'lead' },
      { name: '省财政厅', role: 'co' },
      { name: '省税务局', role: 'co' },
    ]);
    expect(parseResponsibility('市商务局')).toMatchObject({ departments: [{ name: '市商务局', role: 'lead' }], incomplete: false });
  });

  it('keeps names exactly as written, including banks, customs, airports and groups', () => {
    expect(namesOf('人民银行天津分行、天津海关、天津港集团、天津滨海国际机场、湖南银保监局、人民银行长沙中心支行、市供销合作社等部门按职责分工负责')).toEqual([
      '人民银行天津分行', '天津海关', '天津港集团', '天津滨海国际机场', '湖南银保监局', '人民银行长沙中心支行', '市供销合作社',
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

  it.each(['AI', '5G', 'C-V2X', 'CIM', '征求意见稿', '天津', '含幼儿园', '2021-2023年', '信包箱', '在建、既有', '站', '工种', '国办发〔2020〕32号', '巡诊车', '试行', '新格局', '全部', '部署'])(
    '（%s） is not a responsibility bracket',
    (inner) => expect(parseResponsibility(inner)).toBeNull(),
  );
});

describe('looksLikeOrganisation', () => {
  it('accepts bodies and refuses ordinary words', () => {
    for (const n of ['市委网信办', '省版权局', '长沙海关', '市政务服务办', '省人力资源社会保障厅', '市消防救援总队']) expect(looksLikeOrganisation(n), n).toBe(true);
    for (const n of ['农贸市场', '菜市场', '运行', '出行', '幼儿园', '场所', '天津']) expect(looksLikeOrganisation(n), n).toBe(false);
  });
});
