import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { indexFingerprint } from '../../src/core/search/segment.ts';
import type { Db } from '../../src/db/open.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { readIndexFingerprint, writeIndexFingerprint } from '../../src/repo/search-index-repo.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import {
  ensureSearchIndexFresh,
  QueryTooLongError,
  SearchInputError,
  searchMeasures,
  snippetToMarkdown,
} from '../../src/services/search-service.ts';
import { addDocument } from '../core/search/fixtures.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);

const today = '2024-03-01';
let db: Db;

beforeEach(() => {
  db = testDb();
  addDocument(db, {
    id: 'tjaa',
    file: '004_tj.txt',
    region: '天津市',
    expiresOn: '2025-12-31',
    measures: [
      {
        label: '（一）',
        title: '完善冷链物流体系',
        text: '完善冷链物流体系。建立冷链追溯平台，到2023年冷链追溯覆盖率达到80%。（市商务局牵头，市发展改革委配合）',
        tasks: [
          {
            departments: [
              { name: '市商务局', role: 'lead' },
              { name: '市发展改革委', role: 'co' },
            ],
            targets: [{ text: '到2023年冷链追溯覆盖率达到80%', due: '2023-12-31' }],
          },
        ],
      },
      {
        label: '（二）',
        title: '加快信息网络基础设施建设',
        text: '加快信息网络基础设施建设。到2022年底累计建成5G基站5万个，推进双千兆网络。（市工业和信息化局牵头）',
        tasks: [
          {
            departments: [{ name: '市工业和信息化局', role: 'lead' }],
            targets: [{ text: '到2022年底累计建成5G基站5万个', due: '2022-12-31' }],
          },
        ],
      },
      {
        label: '（三）',
        title: '支持灵活就业',
        text: '支持灵活就业。落实灵活就业人员社会保险政策。（市人社局牵头）',
        tasks: [{ departments: [{ name: '市人社局', role: 'lead' }] }],
      },
    ],
  });
  addDocument(db, {
    id: 'hnbb',
    file: '003_hn.txt',
    region: '湖南省',
    expiresOn: '2023-06-30',
    measures: [
      {
        label: '(一)',
        title: '发展直播电商',
        text: '规范发展直播电商、社区电商。鼓励发放消费券。（省商务厅牵头负责）',
        tasks: [
          {
            departments: [{ name: '省商务厅', role: 'lead' }],
            targets: [{ text: '2024年建成10个直播基地', due: '2024-12-31' }],
          },
        ],
      },
      {
        label: '(二)',
        title: '稳定和扩大就业',
        text: '稳定和扩大就业。支持灵活就业人员参加社会保险。（省人力资源社会保障厅牵头负责）',
        tasks: [{ departments: [{ name: '省人力资源社会保障厅', role: 'lead' }] }],
      },
    ],
  });
  addDocument(db, {
    id: 'qacc',
    file: '002_qa.txt',
    kind: 'qa',
    region: null,
    measures: [
      { label: '问1', kind: 'answer', title: '如何理解冷链建设？', text: '冷链建设是新型消费的基础，冷链冷链冷链。' },
    ],
  });
});

const ids = (query: string, filters = {}) =>
  searchMeasures(db, { query, filters, today, limit: 20 }, testSegmenter).hits.map((h) => h.measureId);

describe('searchMeasures', () => {
  it('finds measures by segmented words, ANDed, title matches first', () => {
    const r = searchMeasures(db, { query: '冷链追溯', today }, testSegmenter);
    expect(r.hits.map((h) => h.measureId)).toEqual(['tjaa-1']);
    expect(r.total).toBe(1);
    expect(ids('冷链')[0]).toBe('tjaa-1');
    expect(ids('冷链')).toContain('qacc-1');
    expect(ids('5G基站')).toEqual(['tjaa-2']);
    expect(ids('５ｇ基站')).toEqual(['tjaa-2']);
    expect(ids('2022')).toEqual(['tjaa-2']);
  });

  it('returns the shape the Slack layer renders', () => {
    const [h] = searchMeasures(db, { query: '5G基站', today }, testSegmenter).hits;
    expect(h).toMatchObject({
      measureId: 'tjaa-2',
      documentId: 'tjaa',
      file: '004_tj.txt',
      region: '天津市',
      kind: 'measure',
      label: '（二）',
      title: '加快信息网络基础设施建设',
      departments: ['市工业和信息化局'],
      leadDepartments: ['市工业和信息化局'],
      targets: [
        {
          id: 'tjaa-2.1.t1',
          taskId: 'tjaa-2.1',
          text: '到2022年底累计建成5G基站5万个',
          due: '2022-12-31',
          precision: 'year',
        },
      ],
      documentStatus: 'in_force',
    });
    expect(h!.score).toBeGreaterThan(0);
    expect(snippetToMarkdown(h!.snippet)).toContain('**5G基站**');
  });

  it('finds 1–2 character queries and segmenter gaps as exact substrings', () => {
    expect(ids('券')).toEqual(['hnbb-1']);
    expect(ids('链')).toEqual(expect.arrayContaining(['tjaa-1', 'qacc-1']));
    // 追溯覆 is not a word; the substring still finds it.
    expect(ids('追溯覆')).toEqual(['tjaa-1']);
  });

  it('searches hostile input as plain words and never surfaces an SQLite error', () => {
    const hostile = [
      '"',
      '""',
      "'",
      '冷链"',
      '"冷链',
      '*',
      '冷*',
      'NEAR(冷链 追溯)',
      '冷链 -追溯',
      '冷链 OR 追溯',
      'AND',
      'NOT 冷链',
      '^冷链',
      'title:冷链',
      'chars:冷',
      '(冷链',
      ')',
      "'; DROP TABLE measures;--",
      "冷链'; DROP TABLE measures;--",
      '{title}:冷链',
      '冷链😀',
      '😀',
      '\u0000冷链',
      '冷链\n追溯',
      '%',
      '_',
      '\\',
      'a'.repeat(200),
    ];
    for (const q of hostile) {
      try {
        const r = searchMeasures(db, { query: q, today }, testSegmenter);
        expect(Array.isArray(r.hits)).toBe(true);
      } catch (err) {
        expect(err, `query ${JSON.stringify(q)}`).toBeInstanceOf(SearchInputError);
      }
    }
    // OR is an operator, NEAR( is not (its words are searched); SQL stays words.
    expect(ids('冷链 OR 追溯').sort()).toEqual(['qacc-1', 'tjaa-1']);
    expect(ids("冷链'; DROP TABLE measures;--")).toEqual([]);
    expect(ids('NEAR(冷链 追溯)')).toEqual(['tjaa-1']);
    expect(ids('冷链 -追溯')).toEqual(['qacc-1']);
    expect(ids('"冷链追溯"')).toEqual(['tjaa-1']);
    expect(ids('"追溯冷链"')).toEqual([]);
    expect(ids('冷链😀')).toContain('tjaa-1');
    expect((db.prepare('SELECT COUNT(*) AS n FROM measures').get() as { n: number }).n).toBe(6);
  });

  it('refuses too long, empty and unsearchable queries with typed errors', () => {
    expect(() => searchMeasures(db, { query: '冷'.repeat(4000), today }, testSegmenter)).toThrow(QueryTooLongError);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as SearchInputError).code;
      }
      return 'none';
    };
    expect(code(() => searchMeasures(db, { query: '冷'.repeat(201), today }, testSegmenter))).toBe('too_long');
    expect(code(() => searchMeasures(db, { query: '   ', today }, testSegmenter))).toBe('empty');
    expect(code(() => searchMeasures(db, { query: '***', today }, testSegmenter))).toBe('no_terms');
    expect(code(() => searchMeasures(db, { query: '冷链', today, limit: 0 }, testSegmenter))).toBe('bad_limit');
    expect(
      code(() => searchMeasures(db, { query: '冷链', today, filters: { dueTo: 'next year' } }, testSegmenter)),
    ).toBe('bad_date');
  });

  it('filters by department with partial names and aliases', () => {
    expect(ids('', { department: '人社' }).sort()).toEqual(['hnbb-2', 'tjaa-3']);
    expect(ids('', { department: '人社局' }).sort()).toEqual(['hnbb-2', 'tjaa-3']);
    expect(ids('', { department: '人力资源社会保障厅' }).sort()).toEqual(['hnbb-2', 'tjaa-3']);
    expect(ids('', { department: '发改委' })).toEqual(['tjaa-1']);
    expect(ids('', { department: '工信' })).toEqual(['tjaa-2']);
    expect(ids('', { department: '商务' })).toEqual(['hnbb-1', 'tjaa-1']);
    expect(ids('灵活就业', { department: '人社' }).sort()).toEqual(['hnbb-2', 'tjaa-3']);
    expect(ids('', { department: '%' })).toEqual([]);
  });

  it('finds department aliases in free text', () => {
    expect(ids('人社').sort()).toEqual(['hnbb-2', 'tjaa-3']);
    expect(ids('发改委')).toEqual(['tjaa-1']);
  });

  it('filters by region, kind, due range and force', () => {
    expect(ids('', { region: '天津' })).toEqual(['tjaa-1', 'tjaa-2', 'tjaa-3']);
    expect(ids('', { region: '天津市' })).toEqual(['tjaa-1', 'tjaa-2', 'tjaa-3']);
    expect(ids('冷链', { kind: 'qa' })).toEqual(['qacc-1']);
    expect(ids('冷链', { kind: 'policy' })).toEqual(['tjaa-1']);
    expect(ids('', { dueFrom: '2023', dueTo: '2023' })).toEqual(['tjaa-1']);
    expect(ids('', { dueFrom: '2023-01-01' }).sort()).toEqual(['hnbb-1', 'tjaa-1']);
    expect(ids('', { dueTo: '2022-12' })).toEqual(['tjaa-2']);
    // 湖南 expired on 2023-06-30; the Q&A has no force of its own and stays.
    expect(ids('', { inForce: true })).toEqual(['qacc-1', 'tjaa-1', 'tjaa-2', 'tjaa-3']);
    expect(searchMeasures(db, { query: '直播电商', today }, testSegmenter).hits[0]!.documentStatus).toBe('expired');
  });

  it('lists filtered measures by document then position, with paging and totals', () => {
    const page1 = searchMeasures(db, { query: '', filters: { region: '天津' }, limit: 2, today }, testSegmenter);
    const page2 = searchMeasures(
      db,
      { query: '', filters: { region: '天津' }, limit: 2, offset: 2, today },
      testSegmenter,
    );
    expect(page1.total).toBe(3);
    expect(page1.hits.map((h) => h.measureId)).toEqual(['tjaa-1', 'tjaa-2']);
    expect(page2.hits.map((h) => h.measureId)).toEqual(['tjaa-3']);
    expect(page1.hits[0]!.score).toBe(0);
  });

  it('keeps totals stable across pages of a word search', () => {
    const a = searchMeasures(db, { query: '就业', limit: 1, today }, testSegmenter);
    const b = searchMeasures(db, { query: '就业', limit: 1, offset: 1, today }, testSegmenter);
    expect(a.total).toBe(b.total);
    expect(a.hits[0]!.measureId).not.toBe(b.hits[0]!.measureId);
  });
});

describe('ensureSearchIndexFresh', () => {
  it('rebuilds the index when the dictionary fingerprint changed', () => {
    expect(ensureSearchIndexFresh(db, silentLogger, testSegmenter).rebuilt).toBe(true);
    expect(readIndexFingerprint(db)).toBe(indexFingerprint(testSegmenter));
    expect(ensureSearchIndexFresh(db, silentLogger, testSegmenter).rebuilt).toBe(false);

    // An index built with an older dictionary: stale tokens that no longer match anything.
    writeIndexFingerprint(db, 'old-dictionary');
    db.exec("UPDATE measure_fts SET title = 'x', body = 'x', chars = 'x', departments = 'x', facets = 'x'");
    expect(ids('冷链追溯')).toEqual([]);
    const r = ensureSearchIndexFresh(db, silentLogger, testSegmenter);
    expect(r).toEqual({ rebuilt: true, measures: 6 });
    expect(ids('冷链追溯')).toEqual(['tjaa-1']);
  });

  it('repairs measures missing from the index and rows of deleted measures', () => {
    ensureSearchIndexFresh(db, silentLogger, testSegmenter);
    db.exec("DELETE FROM search_rows WHERE measure_id = 'tjaa-2'");
    db.exec("DELETE FROM documents WHERE id = 'hnbb'");
    expect(ensureSearchIndexFresh(db, silentLogger, testSegmenter)).toEqual({ rebuilt: false, measures: 1 });
    expect(ids('5G基站')).toEqual(['tjaa-2']);
    expect((db.prepare('SELECT COUNT(*) AS n FROM search_rows').get() as { n: number }).n).toBe(4);
  });
});
