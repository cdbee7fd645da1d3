import { describe, expect, it } from 'vitest';
import { type OldMeasure, planRevision } from '../../../src/core/ingest/plan-revision.ts';
import type { ParsedDocument, ParsedMeasure } from '../../../src/core/model.ts';

const measure = (
  label: string,
  ordinal: number,
  title: string,
  text: string,
  due: string | null,
  lead = '市商务局',
): ParsedMeasure => ({
  kind: 'measure',
  section: null,
  label,
  ordinal,
  title,
  text,
  author: null,
  tasks: [
    {
      text,
      responsibility: lead,
      departments: [{ name: lead, role: 'lead' }],
      departmentsIncomplete: false,
      targets: due
        ? [{ text: `到${due.slice(0, 4)}年底完成`, due, precision: 'year', periodStart: null, quantity: null }]
        : [],
    },
  ],
});

const docOf = (measures: ParsedMeasure[]): ParsedDocument => ({
  title: 't',
  kind: 'policy',
  region: null,
  regionPath: [],
  issuer: null,
  docNumber: null,
  publishedOn: null,
  effectiveOn: null,
  expiresOn: null,
  authors: [],
  measures,
  notes: [],
});

function asOld(plan: ReturnType<typeof planRevision>): OldMeasure[] {
  return plan.measures.map((m) => ({
    id: m.id,
    kind: m.measure.kind,
    label: m.measure.label,
    title: m.measure.title,
    text: m.measure.text,
    tasks: m.tasks.map((t) => ({
      id: t.id,
      text: t.task.text,
      departments: t.task.departments,
      targets: t.targets.map((g) => ({ id: g.id, text: g.target.text, due: g.target.due })),
    })),
  }));
}

const A = measure(
  '（一）',
  1,
  '建设冷链追溯体系',
  '建设冷链追溯体系。到2022年底建成进口冷链食品追溯平台。',
  '2022-12-31',
);
const B = measure('（二）', 2, '发展在线教育', '发展在线教育。建设名师网络工作室和同步课堂。', null);

describe('planRevision', () => {
  it('keeps task and target ids of a measure whose deadline moved, and reports the deadline change', () => {
    const first = planRevision('d', [], docOf([A, B]), () => false);
    expect(first.measures.map((m) => m.id)).toEqual(['d-1', 'd-2']);
    expect(first.measures[0]!.tasks[0]!.targets[0]!.id).toBe('d-1.1.t1');
    const moved = measure(
      '（一）',
      1,
      '建设冷链追溯体系',
      '建设冷链追溯体系。到2023年底建成进口冷链食品追溯平台。',
      '2023-12-31',
    );
    const second = planRevision('d', asOld(first), docOf([moved, B]), () => false);
    expect(second.measures[0]!.id).toBe('d-1');
    expect(second.measures[0]!.tasks[0]!.id).toBe('d-1.1');
    expect(second.measures[0]!.tasks[0]!.targets[0]!.id).toBe('d-1.1.t1');
    expect(second.changes.changed).toEqual([
      expect.objectContaining({
        id: 'd-1',
        what: ['text', 'deadline'],
        deadlines: { before: ['2022-12-31'], after: ['2023-12-31'] },
        retiredItems: [],
      }),
    ]);
    expect(second.retired).toEqual([]);
  });

  it('retires a removed measure with its tasks and targets, and reports a change of lead unit', () => {
    const first = planRevision('d', [], docOf([A, B]), () => false);
    const relead = measure('（一）', 1, '发展在线教育', B.text, null, '市教委');
    const second = planRevision('d', asOld(first), docOf([relead]), () => false);
    expect(second.measures[0]!.id).toBe('d-2');
    expect(second.changes.removed).toEqual([{ id: 'd-1', label: '（一）', title: '建设冷链追溯体系' }]);
    expect(second.retired.map((r) => r.id)).toEqual(['d-1', 'd-1.1', 'd-1.1.t1']);
    expect(second.changes.changed[0]).toMatchObject({
      id: 'd-2',
      what: ['units'],
      units: { before: ['市商务局'], after: ['市教委'] },
    });
    expect(second.changes.relabelled).toEqual([]);
  });
});
