import { describe, expect, it } from 'vitest';
import { looksLikeOrganisation } from '../../../src/core/parse/departments.ts';
import { CENTRAL_BODIES } from '../../../src/core/parse/government-bodies.ts';

describe('the lexicon of government bodies', () => {
  it('recognises every central body and each of its short forms', () => {
    for (const b of CENTRAL_BODIES)
      for (const n of [b.name, ...b.aliases]) expect(looksLikeOrganisation(n), n).toBe(true);
  });

  it.each([
    // State Council bodies and their short forms.
    '国家发展改革委',
    '发展改革委',
    '人力资源社会保障部',
    '银保监会',
    '证监会',
    '市场监管总局',
    '国资委',
    '外汇局',
    '中医药局',
    // Provincial, municipal and district bodies.
    '省人力资源社会保障厅',
    '市人社局',
    '区市场监管局',
    '交通运输厅',
    '天津市商务局',
    '武侯区教育局',
    '湖南银保监局',
    '天津海关',
    '市文化广电和旅游局',
    '省大数据中心',
    '市政务服务办',
    // Party organs and mass organisations.
    '市委组织部',
    '中共天津市委宣传部',
    '团市委',
    '团省委',
    '市纪委监委',
    '县委',
    '全国总工会',
    '全国妇联',
    '共青团中央',
    '全国工商联',
    '供销合作总社',
    '省总工会',
    '市妇联',
    '区残联',
    '市红十字会',
    '市贸促会',
    // Collectives.
    '各省级人民政府',
    '各市（州）、县（市、区）人民政府',
    '各区县（自治县）政府',
    '各有关部门和单位',
    '市级各有关部门',
    '各县市区政府',
  ])('%s is a body', (name) => {
    expect(looksLikeOrganisation(name)).toBe(true);
  });

  it.each([
    '商务',
    '财政',
    '新格局',
    '部署',
    '农贸市场',
    '以下简称',
    '具体任务',
    '各项任务',
    '毫米',
    '5G',
    '市级各有关部门及各县市区政府',
  ])('%s is not one body', (name) => {
    expect(looksLikeOrganisation(name)).toBe(false);
  });
});
