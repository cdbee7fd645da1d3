import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { facetMatch, facetToken, MAX_EXCLUDED_DOCUMENTS, scopeMatch } from '../../src/core/search/facets.ts';
import type { ResolvedFilters } from '../../src/core/search/filters.ts';
import { ftsString } from '../../src/core/search/query.ts';
import type { Db } from '../../src/db/open.ts';
import {
  countListed,
  countMatches,
  countMatchesUpTo,
  facetScope,
  filterSql,
  hasAtLeastMatches,
  loadHits,
  pageFacetListed,
  pageListed,
  pageMatches,
} from '../../src/repo/search-repo.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { addDocument } from '../core/search/fixtures.ts';
import { seededDb, testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);

/** A word match over the word columns, as core/search/query.ts writes it. */
const words = (...terms: string[]) => terms.map((t) => `{title departments body} : ${ftsString(t)}`).join(' AND ');

let db: Db;
beforeEach(() => {
  db = testDb();
  addDocument(db, {
    id: 'tjaa',
    file: 'a.txt',
    region: '天津市',
    expiresOn: '2022-12-31',
    measures: [
      {
        label: '（一）',
        title: '发展冷链物流',
        text: '建设冷链设施。',
        tasks: [
          { departments: [{ name: '市商务局', role: 'lead' }], targets: [{ text: '2022年建成', due: '2022-12-31' }] },
        ],
      },
      {
        label: '（二）',
        title: '促进消费',
        text: '推广冷链配送。',
        tasks: [
          {
            departments: [
              { name: '市交通运输委', role: 'lead' },
              { name: '市商务局', role: 'co' },
            ],
          },
        ],
      },
      { label: '（三）', title: '充电桩', text: '加快充电桩建设。' },
    ],
  });
  addDocument(db, {
    id: 'hnbb',
    file: 'b.txt',
    region: '河南省',
    measures: [
      {
        label: '（一）',
        title: '冷链',
        text: '冷链冷链。',
        tasks: [{ targets: [{ text: '2025年', due: '2025-06-30' }] }],
      },
    ],
  });
  addDocument(db, {
    id: 'qacc',
    file: 'c.txt',
    kind: 'qa',
    region: null,
    measures: [{ label: '问1', title: '冷链怎么办', text: '冷链。', kind: 'answer' }],
  });
});

describe('filterSql', () => {
  it('binds every filter value as a parameter, never in the SQL text', () => {
    const hostile = "x'; DROP TABLE measures;--";
    const w = filterSql({
      departmentPatterns: [hostile],
      regionStem: hostile,
      kind: 'policy',
      dueFrom: '2022-01-01',
      inForceOn: '2024-01-01',
    });
    expect(w.sql).not.toContain('DROP');
    expect(w.params).toEqual([
      `%${hostile}%`,
      `%${hostile}%`,
      'policy',
      '2022-01-01',
      '9999-12-31',
      '2024-01-01',
      '2024-01-01',
    ]);
    expect(filterSql({})).toEqual({ sql: '', params: [] });
  });

  it('escapes LIKE wildcards so % and _ match themselves', () => {
    expect(filterSql({ regionStem: '50%_a' }).params).toEqual(['%50\\%\\_a%']);
    expect(countListed(db, { regionStem: '%' })).toBe(0);
  });
});

describe('countMatches / hasAtLeastMatches', () => {
  it('counts matches with and without filters', () => {
    expect(countMatches(db, words('冷链'), {})).toBe(4);
    expect(countMatches(db, words('冷链'), { regionStem: '天津' })).toBe(2);
    expect(countMatches(db, words('冷链'), { kind: 'qa' })).toBe(1);
    expect(countMatches(db, words('冷链'), { departmentPatterns: ['交通运输'] })).toBe(1);
    expect(countMatches(db, words('冷链'), { dueFrom: '2025-01-01', dueTo: '2025-12-31' })).toBe(1);
    expect(countMatches(db, words('冷链', '充电桩'), {})).toBe(0);
  });

  it('keeps Q&A (no force of its own) and drops expired policies under inForceOn', () => {
    expect(
      pageMatches(db, words('冷链'), { inForceOn: '2024-01-01' }, 10, 0)
        .map((p) => p.measureId)
        .sort(),
    ).toEqual(['hnbb-1', 'qacc-1']);
  });

  it('answers "at least n" without needing the exact count', () => {
    expect(hasAtLeastMatches(db, words('冷链'), {}, 4)).toBe(true);
    expect(hasAtLeastMatches(db, words('冷链'), {}, 5)).toBe(false);
    expect(hasAtLeastMatches(db, words('冷链'), { regionStem: '天津' }, 3)).toBe(false);
  });
});

describe('pageMatches and countMatchesUpTo', () => {
  it('ranks title matches before body matches, best first; counts all matches, or up to a bound', () => {
    const page = pageMatches(db, words('冷链'), {}, 10, 0);
    expect(countMatchesUpTo(db, words('冷链'), {}, 100)).toBe(4);
    expect(countMatchesUpTo(db, words('冷链'), {}, 3)).toBe(3);
    expect(
      page
        .map((p) => p.measureId)
        .slice(0, 3)
        .sort(),
    ).toEqual(['hnbb-1', 'qacc-1', 'tjaa-1']);
    expect(page[3]!.measureId).toBe('tjaa-2');
    const ranks = page.map((p) => p.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('ranks a Q&A answer below a measure that says the same (the kind prior)', () => {
    addDocument(db, {
      id: 'qazz',
      file: '0.txt',
      kind: 'qa',
      region: null,
      measures: [{ label: '问1', title: '桥梁', text: '桥梁。', kind: 'answer' }],
    });
    addDocument(db, { id: 'yyee', file: '1.txt', measures: [{ label: '（一）', title: '桥梁', text: '桥梁。' }] });
    expect(pageMatches(db, words('桥梁'), {}, 10, 0).map((p) => p.measureId)).toEqual(['yyee-1', 'qazz-1']);
  });

  it('pages with limit and offset, also past the last one', () => {
    const all = pageMatches(db, words('冷链'), {}, 10, 0);
    const second = pageMatches(db, words('冷链'), {}, 2, 2);
    expect(second).toEqual(all.slice(2));
    expect(pageMatches(db, words('冷链'), {}, 2, 10)).toEqual([]);
    expect(pageMatches(db, words('无此词'), {}, 2, 0)).toEqual([]);
    expect(countMatchesUpTo(db, words('无此词'), {}, 10)).toBe(0);
  });

  it('breaks rank ties by file then position', () => {
    addDocument(db, {
      id: 'zzdd',
      file: '0.txt',
      measures: [
        { label: '（一）', title: '桥梁', text: '桥梁。' },
        { label: '（二）', title: '桥梁', text: '桥梁。' },
      ],
    });
    addDocument(db, { id: 'yyee', file: '1.txt', measures: [{ label: '（一）', title: '桥梁', text: '桥梁。' }] });
    expect(pageMatches(db, words('桥梁'), {}, 10, 0).map((p) => p.measureId)).toEqual(['zzdd-1', 'zzdd-2', 'yyee-1']);
  });
});

describe('facetScope', () => {
  /** The facet tokens of values, in the order the tables of distinct values list them (by value). */
  const tokens = (facet: Parameters<typeof facetToken>[0], ...values: string[]) =>
    [...values].sort().map((v) => facetToken(facet, v));
  /** The page of `match` under `f`, with the department, region and kind filters matched as facet tokens. */
  const faceted = (match: string, f: ResolvedFilters, maxValues?: number) => {
    const scope = facetScope(db, f, maxValues);
    return scope.empty ? [] : pageMatches(db, scopeMatch(match, scope), scope.residual, 10, 0);
  };

  it('selects what the same filters select in SQL', () => {
    addDocument(db, {
      id: 'jsnj',
      file: 'd.txt',
      region: '南京市',
      regionPath: ['江苏省', '南京市'],
      measures: [
        {
          label: '（一）',
          title: '冷链配送',
          text: '冷链配送。',
          tasks: [{ departments: [{ name: '国家发展改革委（国家能源局）', role: 'lead' }] }],
        },
        {
          label: '（二）',
          title: '冷链标准',
          text: '冷链标准。',
          tasks: [
            {
              departments: [
                { name: '市商務局', role: 'lead' },
                { name: '（）', role: 'co' },
              ],
            },
          ],
        },
      ],
    });
    const filters: ResolvedFilters[] = [
      { departmentPatterns: ['商务'] },
      { departmentPatterns: ['交通运输'] },
      { departmentPatterns: ['能源局'] },
      { departmentPatterns: ['（国家'] },
      { departmentPatterns: ['（）'] },
      { departmentPatterns: ['商務'] },
      { departmentPatterns: ['发展改革', '商务局'] },
      { departmentPatterns: ['没有的部门'] },
      { departmentPatterns: ['%'] },
      { regionStem: '天津' },
      { regionStem: '江苏' },
      { regionStem: '南京' },
      { regionStem: '江苏省/南京' },
      { regionStem: '%' },
      { kind: 'qa' },
      { kind: 'policy', regionStem: '天津', departmentPatterns: ['商务'] },
      { departmentPatterns: ['商务'], inForceOn: '2024-01-01' },
      { inForceOn: '2024-01-01' },
      { inForceOn: '2022-06-01' },
      { regionStem: '天津', inForceOn: '2024-01-01' },
      { departmentPatterns: ['市'], dueFrom: '2022-01-01', dueTo: '2022-12-31' },
      { dueFrom: '2022-01-01', dueTo: '2022-12-31' },
      { dueFrom: '2025-06-01', dueTo: '2025-06-30' },
      { dueFrom: '2025-06-30', dueTo: '2025-06-30' },
      { dueFrom: '2025-06-29', dueTo: '2025-07-10' },
      { dueFrom: '2022-12-31' },
      { dueTo: '2024-12-31' },
      { dueFrom: '2023-01-01', dueTo: '2024-12-31' },
      { dueFrom: '2030-01-01' },
      { regionStem: '河南', dueFrom: '2025-01-01', dueTo: '2025-12-31' },
    ];
    for (const f of filters) {
      const sql = pageMatches(db, words('冷链'), f, 10, 0);
      expect({ f, page: faceted(words('冷链'), f) }).toEqual({ f, page: sql });
      // A filter over more values than the bound stays in SQL, with the same result.
      expect({ f, page: faceted(words('冷链'), f, 0) }).toEqual({ f, page: sql });
    }
    expect(faceted(words('冷链'), { departmentPatterns: ['能源局'] }).map((p) => p.measureId)).toEqual(['jsnj-1']);
    expect(
      faceted(words('冷链'), { regionStem: '江苏' })
        .map((p) => p.measureId)
        .sort(),
    ).toEqual(['jsnj-1', 'jsnj-2']);
    // 商务 is not a substring of 市商務局 (as LIKE compares them), nor does its token match it.
    expect(faceted(words('冷链'), { departmentPatterns: ['商务'] }).map((p) => p.measureId)).not.toContain('jsnj-2');
    expect(faceted(words('冷链'), { departmentPatterns: ['商務'] }).map((p) => p.measureId)).toEqual(['jsnj-2']);
  });

  it('moves the filters it can into token groups and leaves the rest for SQL', () => {
    const scope = facetScope(db, {
      departmentPatterns: ['商务', '交通运输'],
      regionStem: '天津',
      kind: 'policy',
      inForceOn: '2024-01-01',
    });
    expect(scope).toEqual({
      // Most documents are policies: the kind is matched as "not the others" (short posting lists for bm25).
      groups: [tokens('department', '市交通运输委', '市商务局'), tokens('region', '天津市')],
      exclude: [...tokens('document', 'tjaa'), ...tokens('kind', 'qa')],
      residual: {},
      empty: false,
      leadGroups: [tokens('lead', '市交通运输委', '市商务局'), tokens('region', '天津市')],
    });
    expect(facetScope(db, { inForceOn: '2022-06-01' })).toEqual({
      groups: [],
      exclude: [],
      residual: {},
      empty: false,
      leadGroups: null,
    });
    // An open bound reaches only the years targets fall in (2022–2025 here), and only spans holding a target
    // become tokens (2022-12-31 and 2025-06-30 are due).
    expect(facetScope(db, { dueFrom: '2022-01-01' })).toMatchObject({ groups: [['y2022', 'y2025']], residual: {} });
    expect(facetScope(db, { dueTo: '2022-12-31' })).toMatchObject({ groups: [['y2022']], residual: {} });
    expect(facetScope(db, { dueFrom: '2022-01-02', dueTo: '2025-06-30' })).toMatchObject({
      groups: [['m202212', 'm202506']],
      residual: {},
    });
    expect(facetScope(db, { dueFrom: '2022-01-01' }, 1).residual).toEqual({ dueFrom: '2022-01-01' });
    expect(facetScope(db, { dueFrom: '2030-01-01' }).empty).toBe(true);
  });

  it('lists what list mode lists in SQL, in the same order (measures the departments lead first), page by page', () => {
    addDocument(db, {
      id: 'tjdd',
      file: '0.txt',
      measures: [
        {
          label: '（一）',
          title: '夜间经济',
          text: '发展夜间经济。',
          tasks: [
            {
              departments: [
                { name: '市文化和旅游局', role: 'lead' },
                { name: '市商务局', role: 'co' },
              ],
            },
          ],
        },
        {
          label: '（二）',
          title: '老字号',
          text: '保护老字号。',
          tasks: [{ departments: [{ name: '市商务局', role: 'lead' }] }],
        },
      ],
    });
    const filters: ResolvedFilters[] = [
      { departmentPatterns: ['商务'] },
      { departmentPatterns: ['商务'], inForceOn: '2024-01-01' },
      { departmentPatterns: ['市'] },
      { regionStem: '天津' },
      { kind: 'qa' },
      { kind: 'policy' },
      { kind: 'policy', inForceOn: '2024-01-01' },
      { dueFrom: '2022-01-01', dueTo: '2025-12-31' },
      { regionStem: '天津', dueFrom: '2022-12-31' },
    ];
    for (const f of filters) {
      const scope = facetScope(db, f, undefined, true);
      const match = facetMatch(scope)!;
      const lead = scope.leadGroups ? facetMatch({ groups: scope.leadGroups, exclude: scope.exclude }) : null;
      const all = pageListed(db, f, 10, 0);
      expect({ f, n: countMatches(db, match, scope.residual) }).toEqual({ f, n: countListed(db, f) });
      expect({ f, page: pageFacetListed(db, match, lead, scope.residual, 10, 0) }).toEqual({ f, page: all });
      for (let i = 0; i < all.length; i++) {
        expect({ f, i, page: pageFacetListed(db, match, lead, scope.residual, 1, i) }).toEqual({
          f,
          i,
          page: [all[i]],
        });
      }
    }
    // The measure 市商务局 leads comes before those it only shares, whatever the file order.
    expect(pageListed(db, { departmentPatterns: ['商务'] }, 10, 0)).toEqual(['tjdd-2', 'tjaa-1', 'tjdd-1', 'tjaa-2']);
  });

  it('leaves in force to SQL when more documents are out of force than it excludes by token', () => {
    for (let i = 0; i < MAX_EXCLUDED_DOCUMENTS; i++) {
      addDocument(db, {
        id: `old${i}`,
        file: `old${i}.txt`,
        expiresOn: '2020-12-31',
        measures: [{ label: '（一）', title: '冷链', text: '冷链。' }],
      });
    }
    expect(facetScope(db, { inForceOn: '2024-01-01' }).residual).toEqual({ inForceOn: '2024-01-01' });
    expect(
      faceted(words('冷链'), { inForceOn: '2024-01-01' })
        .map((p) => p.measureId)
        .sort(),
    ).toEqual(['hnbb-1', 'qacc-1']);
    // Before any of them expired, nothing is excluded.
    expect(facetScope(db, { inForceOn: '2020-06-01' })).toMatchObject({ exclude: [], residual: {} });
    expect(facetScope(db, { kind: 'qa' })).toMatchObject({ groups: [tokens('kind', 'qa')], exclude: [] });
    // Matched alone (list mode), the majority kind stays a positive group when no other filter gives one.
    expect(facetScope(db, { kind: 'policy' }, undefined, true)).toMatchObject({
      groups: [tokens('kind', 'policy')],
      exclude: [],
    });
    expect(facetScope(db, { kind: 'policy' })).toMatchObject({ groups: [], exclude: tokens('kind', 'qa') });
    expect(facetScope(db, { departmentPatterns: ['商务', '交通运输'] }, 1).residual).toEqual({
      departmentPatterns: ['商务', '交通运输'],
    });
    expect(facetScope(db, { departmentPatterns: ['没有的部门'] }).empty).toBe(true);
    expect(facetScope(db, { regionStem: '%' }).empty).toBe(true);
  });

  it('follows a document whose departments and region change when it is stored again', () => {
    addDocument(db, {
      id: 'tjaa',
      file: 'a.txt',
      region: '河北省',
      measures: [
        {
          label: '（一）',
          title: '发展冷链物流',
          text: '建设冷链设施。',
          tasks: [{ departments: [{ name: '省发展改革委', role: 'lead' }] }],
        },
      ],
    });
    expect(faceted(words('冷链'), { departmentPatterns: ['商务'] })).toEqual([]);
    expect(faceted(words('冷链'), { departmentPatterns: ['发展改革'] }).map((p) => p.measureId)).toEqual(['tjaa-1']);
    expect(faceted(words('冷链'), { regionStem: '天津' })).toEqual([]);
    expect(faceted(words('冷链'), { regionStem: '河北' }).map((p) => p.measureId)).toEqual(['tjaa-1']);
  });
});

describe('list mode', () => {
  it('lists filtered measures by file and position, with their count', () => {
    expect(countListed(db, { regionStem: '天津' })).toBe(3);
    expect(pageListed(db, { regionStem: '天津' }, 2, 1)).toEqual(['tjaa-2', 'tjaa-3']);
    expect(pageListed(db, { departmentPatterns: ['商务'] }, 10, 0)).toEqual(['tjaa-1', 'tjaa-2']);
  });
});

describe('loadHits', () => {
  it('loads the rows, departments and targets of a page of ids only', () => {
    const { rows, departments, targets } = loadHits(db, ['tjaa-2', 'hnbb-1', 'nope']);
    expect(rows.map((r) => [r.measureId, r.file, r.label, r.region]).sort()).toEqual([
      ['hnbb-1', 'b.txt', '（一）', '河南省'],
      ['tjaa-2', 'a.txt', '（二）', '天津市'],
    ]);
    expect(departments).toEqual([
      { measureId: 'tjaa-2', name: '市交通运输委', role: 'lead' },
      { measureId: 'tjaa-2', name: '市商务局', role: 'co' },
    ]);
    expect(targets).toEqual([
      {
        measureId: 'hnbb-1',
        id: 'hnbb-1.1.t1',
        taskId: 'hnbb-1.1',
        text: '2025年',
        due: '2025-06-30',
        precision: 'year',
        periodStart: null,
      },
    ]);
  });
});

describe('pageListed with a department filter', () => {
  it('lists measures the department leads before those it only shares', async () => {
    const seeded = await seededDb();
    const { hits } = searchMeasures(
      seeded,
      { query: '', filters: { department: '人社' }, limit: 20, today: '2026-11-22' },
      testSegmenter,
    );
    const leads = hits.map((h) => h.leadDepartments.some((d) => /人社|人力资源社会保障/.test(d)));
    expect(leads.length).toBeGreaterThan(2);
    expect(leads).toContain(false);
    // every lead comes before every co-department-only measure
    expect(leads.indexOf(false)).toBeGreaterThan(leads.lastIndexOf(true));
  }, 60_000);
});

describe('the in-force filter in SQL', () => {
  it('agrees with forceStatus (the rule it repeats so paging can stay in SQL) before and after an expiry', async () => {
    const seeded = await seededDb();
    for (const today of ['2021-06-01', '2023-06-01', '2025-12-31', '2026-01-01']) {
      const all = searchMeasures(seeded, { query: '消费', limit: 100, today }, testSegmenter).hits;
      const inForce = searchMeasures(
        seeded,
        { query: '消费', filters: { inForce: true }, limit: 100, today },
        testSegmenter,
      ).hits;
      const expected = all
        .filter((h) => h.documentStatus === 'in_force' || h.documentStatus === 'not_applicable')
        .map((h) => h.measureId);
      expect(inForce.map((h) => h.measureId).sort(), today).toEqual(expected.sort());
    }
  }, 60_000);
});
