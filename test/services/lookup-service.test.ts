import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.ts';
import { warmSegmenter } from '../../src/search/jieba-segmenter.ts';
import { lookup } from '../../src/services/lookup-service.ts';
import { addDocument } from '../core/search/fixtures.ts';
import { testDb } from '../helpers/db.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);

let db: Db;
beforeEach(() => {
  db = testDb();
  addDocument(db, {
    id: 'tjaa',
    expiresOn: '2023-12-31',
    measures: [
      {
        label: '（一）',
        title: '完善冷链物流体系',
        text: '完善冷链物流体系。',
        tasks: [{}, { targets: [{ text: '到2023年建成', due: '2023-12-31' }] }],
      },
      { label: '（二）', title: '建设5G基站', text: '建设5G基站。' },
    ],
  });
});

describe('lookup', () => {
  it('resolves a document id to the document and its measures', () => {
    const r = lookup(db, 'tjaa', '2024-01-01');
    expect(r?.type).toBe('document');
    if (r?.type !== 'document') return;
    expect(r.document.id).toBe('tjaa');
    expect(r.measures.map((m) => m.id)).toEqual(['tjaa-1', 'tjaa-2']);
    expect(r.documentStatus).toBe('expired');
  });

  it('resolves measure, task and target ids to the measure with the focus set', () => {
    const m = lookup(db, 'tjaa-2', '2023-01-01');
    expect(m).toMatchObject({
      type: 'measure',
      measure: { id: 'tjaa-2', title: '建设5G基站' },
      focus: { taskId: null, targetId: null },
      documentStatus: 'in_force',
    });
    expect(lookup(db, 'tjaa-1.2')).toMatchObject({
      type: 'measure',
      measure: { id: 'tjaa-1' },
      focus: { taskId: 'tjaa-1.2', targetId: null },
      documentStatus: null,
    });
    const t = lookup(db, 'tjaa-1.2.t1');
    expect(t).toMatchObject({
      type: 'measure',
      measure: { id: 'tjaa-1' },
      focus: { taskId: 'tjaa-1.2', targetId: 'tjaa-1.2.t1' },
    });
    if (t?.type === 'measure') expect(t.measure.tasks[1]!.targets[0]!.due).toBe('2023-12-31');
  });

  it('accepts ids as people type them: any case, brackets, full width', () => {
    expect(lookup(db, 'TJAA-1')?.type).toBe('measure');
    expect(lookup(db, ' `tjaa-1.1` ')).toMatchObject({ focus: { taskId: 'tjaa-1.1' } });
    expect(lookup(db, 'ＴＪＡＡ－２')).toMatchObject({ measure: { id: 'tjaa-2' } });
  });

  it('returns undefined for unknown or malformed ids', () => {
    for (const id of [
      'zzzz',
      'tjaa-9',
      'tjaa-1.9',
      'tjaa-1.1.t9',
      '',
      '冷链',
      "tjaa'; DROP TABLE measures;--",
      'x'.repeat(5000),
    ]) {
      expect(lookup(db, id), id.slice(0, 20)).toBeUndefined();
    }
  });
});
