import type { Db } from '../../src/db/open.ts';
import { replaceDocument, deleteDocument } from '../../src/repo/documents-writer.ts';

/**
 * One small indexed document for follow-up tests: measure abcd-4 (冷链物流) with task abcd-4.1 and target
 * abcd-4.1.t1 due 2026-12-31, and measure abcd-5 without dated targets.
 */
export const FIXTURE = {
  documentId: 'abcd',
  measureId: 'abcd-4',
  taskId: 'abcd-4.1',
  targetId: 'abcd-4.1.t1',
  targetDue: '2026-12-31',
  measureTitle: '加快发展冷链物流',
  otherMeasureId: 'abcd-5',
} as const;

export function seedFollowupFixture(db: Db): void {
  db.transaction(() =>
    replaceDocument(db, {
      id: FIXTURE.documentId,
      file: 'fixture.txt',
      contentHash: 'h',
      ingestedAt: '2026-11-01T00:00:00.000Z',
      doc: {
        title: '关于促进消费的若干措施',
        kind: 'policy',
        region: '天津市',
        issuer: null,
        docNumber: null,
        publishedOn: '2026-01-01',
        effectiveOn: null,
        expiresOn: null,
        authors: [],
        measures: [],
      },
      measures: [
        {
          id: FIXTURE.measureId,
          contentHash: 'm4',
          measure: { kind: 'measure', section: null, label: '（四）', ordinal: 4, title: FIXTURE.measureTitle, text: '到2026年底建成冷库10座。（市商务局负责）', author: null, tasks: [] },
          tasks: [
            {
              id: FIXTURE.taskId,
              contentHash: 't1',
              task: { text: '到2026年底建成冷库10座。', responsibility: '市商务局负责', departments: [{ name: '市商务局', role: 'lead' }], departmentsIncomplete: false, targets: [] },
              targets: [{ id: FIXTURE.targetId, target: { text: '到2026年底建成冷库10座', due: FIXTURE.targetDue, precision: 'year', periodStart: null, quantity: '10座' } }],
            },
          ],
        },
        {
          id: FIXTURE.otherMeasureId,
          contentHash: 'm5',
          measure: { kind: 'measure', section: null, label: '（五）', ordinal: 5, title: '繁荣夜间经济', text: '繁荣夜间经济。', author: null, tasks: [] },
          tasks: [],
        },
      ],
    }),
  )();
}

/** Simulates a re-ingest that dropped the whole document. */
export function dropFixture(db: Db): void {
  deleteDocument(db, FIXTURE.documentId);
}
