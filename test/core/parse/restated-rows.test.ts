import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { parseLines } from './helpers.ts';

const HEAD = ['某市促进新型消费实施方案', '各区人民政府，市政府各部门：', '一、重点任务'];
const TABLE_HEADER = '序号\t重点任务\t牵头单位\t配合单位\t完成时限';

const summary = (doc: ParsedDocument) =>
  doc.measures.map((m) => ({
    label: m.label,
    tasks: m.tasks.map((t) => ({
      units: t.departments.map((d) => `${d.name}:${d.role}`),
      due: t.targets.map((g) => g.due),
    })),
  }));

describe('task-table rows that restate the numbered measures (an attached 分工表)', () => {
  it('join the measure they restate: its units and deadlines, no second measure', () => {
    const doc = parseLines([
      ...HEAD,
      '（一）发展直播电商。培育直播电商基地10个。（市商务局牵头，市网信办配合）',
      '（二）建设冷链物流。到2025年底建成冷库20万吨。（市发展改革委牵头）',
      '（三）推进快递进村。（市邮政管理局负责）',
      '附件：重点任务分工表',
      TABLE_HEADER,
      '1\t发展直播电商，培育直播电商基地10个。\t市商务局\t市网信办\t2024年底前',
      '2\t建设冷链物流，建成冷库20万吨。\t市发展改革委\t市财政局\t2025年底前',
      '3\t推 进 快 递 进 村\t市邮政管理局\t\t2023年6月底前',
    ]);
    expect(summary(doc)).toEqual([
      {
        label: '（一）',
        tasks: [
          { units: ['市商务局:lead', '市网信办:co'], due: [] },
          { units: ['市商务局:lead', '市网信办:co'], due: ['2024-12-31'] },
        ],
      },
      {
        label: '（二）',
        // The row's 2025年底前 is the body's 到2025年底: one commitment, kept once; the row's co unit is added.
        tasks: [
          { units: ['市发展改革委:lead'], due: ['2025-12-31'] },
          { units: ['市发展改革委:lead', '市财政局:co'], due: [] },
        ],
      },
      {
        label: '（三）',
        tasks: [
          { units: ['市邮政管理局:lead'], due: [] },
          { units: ['市邮政管理局:lead'], due: ['2023-06-30'] },
        ],
      },
    ]);
    expect(doc.notes.filter((n) => n.kind === 'structure').map((n) => n.message)).toContainEqual(
      expect.stringMatching(/^3 task-table rows restate numbered measures/),
    );
  });

  it('stay measures of their own when they paraphrase, or when two measures share the title they begin with', () => {
    const doc = parseLines([
      ...HEAD,
      '（一）发展直播电商。培育直播电商基地10个。（市商务局牵头）',
      '（二）加强监管。规范直播营销。（市市场监管局负责）',
      '（三）加强监管。规范网约车经营。（市交通运输局负责）',
      '附件：重点任务分工表',
      TABLE_HEADER,
      '1\t培育直播电商基地10个。\t市商务局\t\t2024年底前',
      '2\t加强监管，开展专项检查。\t市市场监管局\t\t2023年底前',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）', '（二）', '（三）', '1', '2']);
    expect(doc.measures[0]!.tasks).toHaveLength(1);
  });

  it('are the measures of a document whose only numbered items are its table rows', () => {
    const doc = parseLines([
      '某县2024年重点工作任务分工方案',
      TABLE_HEADER,
      '1\t建设智慧园区。\t县发改委\t县财政局\t2024年底前',
      '2\t建设冷链物流中心。\t县商务局\t\t2024年6月底前',
    ]);
    expect(summary(doc)).toEqual([
      { label: '1', tasks: [{ units: ['县发改委:lead', '县财政局:co'], due: ['2024-12-31'] }] },
      { label: '2', tasks: [{ units: ['县商务局:lead'], due: ['2024-06-30'] }] },
    ]);
  });

  it('do not join a measure by a title too short to tell measures apart', () => {
    const doc = parseLines([
      ...HEAD,
      '（一）促消费。培育直播电商基地10个。（市商务局牵头）',
      '（二）建设冷链物流。到2025年底建成冷库20万吨。（市发展改革委牵头）',
      '附件：重点任务分工表',
      TABLE_HEADER,
      '1\t促消费活动季，每季度举办一次。\t市商务局\t\t2024年底前',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）', '（二）', '1']);
  });
});
