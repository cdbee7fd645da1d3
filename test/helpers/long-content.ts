import type { MeasureDetail } from '../../src/repo/documents-repo.ts';
import type { SearchHit } from '../../src/services/search-service.ts';

/**
 * A search hit and a measure detail with as much of everything as a builder may be handed (20 departments, 10
 * targets; 80 tasks each with a target), for the Block Kit limit tests. The texts are the caller's: each test
 * picks the lengths and the characters (escaped `< > &`, mentions) it is about.
 */

export interface LongHitText {
  documentTitle: string;
  title: string;
  /** Stands on both sides of the highlighted 冷链. */
  snippet: string;
  department: (k: number) => string;
  documentStatus: SearchHit['documentStatus'];
}

export function longSearchHit(i: number, t: LongHitText): SearchHit {
  return {
    measureId: `abcd-${i}`,
    documentId: 'abcd',
    file: 'x.txt',
    documentTitle: t.documentTitle,
    region: '天津市',
    kind: 'measure',
    label: `（${i}）`,
    title: t.title,
    snippet: [
      { text: t.snippet, hit: false },
      { text: '冷链', hit: true },
      { text: t.snippet, hit: false },
    ],
    score: 1,
    departments: Array.from({ length: 20 }, (_, k) => t.department(k)),
    leadDepartments: ['部门0'],
    targets: Array.from({ length: 10 }, (_, k) => ({
      id: `t${k}`,
      taskId: 'x',
      text: 't',
      due: `202${k}-12-31`,
      precision: 'year' as const,
      periodStart: null,
    })),
    documentStatus: t.documentStatus,
  };
}

export interface LongMeasureText {
  section: string;
  title: string;
  text: string;
  documentTitle: string;
  issuer: string | null;
  taskText: string;
  targetText: string;
}

/** Measure abcd-1 of a document that expired on 2022-12-31, with 80 tasks, each led by 市商务局 with one 2022 target. */
export function longMeasureDetail(t: LongMeasureText): MeasureDetail {
  return {
    id: 'abcd-1',
    documentId: 'abcd',
    position: 0,
    ordinal: 1,
    kind: 'measure',
    section: t.section,
    label: '（一）',
    title: t.title,
    text: t.text,
    author: null,
    contentHash: 'h',
    document: {
      id: 'abcd',
      file: 'x',
      contentHash: 'h',
      title: t.documentTitle,
      kind: 'policy',
      region: '天津市',
      issuer: t.issuer,
      docNumber: '津政办发〔2021〕1号',
      publishedOn: '2021-01-01',
      effectiveOn: null,
      expiresOn: '2022-12-31',
      authors: [],
      ingestedAt: 'x',
    },
    tasks: Array.from({ length: 80 }, (_, i) => ({
      id: `abcd-1.${i + 1}`,
      measureId: 'abcd-1',
      position: i,
      text: t.taskText,
      responsibility: null,
      departmentsIncomplete: true,
      contentHash: 'h',
      departments: [{ name: '市商务局', role: 'lead' as const }],
      targets: [
        {
          id: `abcd-1.${i + 1}.t1`,
          taskId: 'x',
          position: 0,
          text: t.targetText,
          due: '2022-12-31',
          precision: 'year' as const,
          periodStart: null,
          quantity: null,
        },
      ],
    })),
  };
}
