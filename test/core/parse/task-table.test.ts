import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { ParseError, parseDocument, parseText, readDocument } from '../../../src/core/parse/index.ts';
import { findTaskTables, isTaskTableHeader, MAX_TABLE_NOTES } from '../../../src/core/parse/task-table.ts';
import { departmentsOf, parseLines } from './helpers.ts';

const roles = (doc: ParsedDocument): Array<Array<[string, string]>> =>
  doc.measures.flatMap((m) => m.tasks.map((t) => t.departments.map((d) => [d.name, d.role] as [string, string])));
const dues = (doc: ParsedDocument): string[][] =>
  doc.measures.map((m) => m.tasks.flatMap((t) => t.targets.map((x) => x.due)));

const html = (body: string): ParsedDocument =>
  parseDocument({
    file: 'table.html',
    bytes: new TextEncoder().encode(
      `<html><head><title>某县2024年重点任务分工表</title></head><body>${body}</body></html>`,
    ),
  });

describe('task tables: a header naming a task column and a responsibility column makes each row a measure', () => {
  it('reads tab-separated rows: label from 序号, units from 牵头/配合, targets from 完成时限 and the task text', () => {
    const doc = parseLines([
      '某县2024年重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t建设智慧园区。完善园区道路。\t县发展改革委\t县财政局、县自然资源局\t2024年底前',
      '2\t实施老旧小区改造，到2024年6月底前完成20个小区改造。\t县住房城乡建设局\t各乡镇人民政府\t长期坚持',
      '3\t开展消费促进活动。\t县商务局\t县文化旅游体育局等\t2024年6月',
    ]);
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.title])).toEqual([
      ['1', 1, '建设智慧园区'],
      ['2', 2, '实施老旧小区改造，到2024年6月底前完成20个小区改造'],
      ['3', 3, '开展消费促进活动'],
    ]);
    expect(doc.measures[0]!.text).toBe('建设智慧园区。完善园区道路。');
    expect(roles(doc)).toEqual([
      [
        ['县发展改革委', 'lead'],
        ['县财政局', 'co'],
        ['县自然资源局', 'co'],
      ],
      [
        ['县住房城乡建设局', 'lead'],
        ['各乡镇人民政府', 'co'],
      ],
      [
        ['县商务局', 'lead'],
        ['县文化旅游体育局', 'co'],
      ],
    ]);
    expect(doc.measures.map((m) => m.tasks[0]!.departmentsIncomplete)).toEqual([false, false, true]);
    // 长期坚持 is no date: row 2's only target is the one its task text states.
    expect(dues(doc)).toEqual([['2024-12-31'], ['2024-06-30'], ['2024-06-30']]);
    expect(doc.measures[0]!.tasks[0]!.responsibility).toBe('牵头单位：县发展改革委；配合单位：县财政局、县自然资源局');
    expect(doc.notes.find((n) => n.kind === 'kind')?.message).toMatch(/rows of a task table/);
  });

  it('reads every dated step of a 进度安排 cell, and headers such as 重点工作任务 / 责任部门', () => {
    const doc = parseLines([
      '某县2024年重点工作清单',
      '序号\t重点工作任务\t责任部门\t进度安排',
      '1\t启动综合体建设。\t县住房城乡建设局\t①2024年3月底前，完成设计招标。②2024年6月底前，开工建设。',
    ]);
    expect(departmentsOf(doc)).toEqual([['县住房城乡建设局']]);
    expect(dues(doc)).toEqual([['2024-03-31', '2024-06-30']]);
  });

  it('reads a name the lexicon does not know in a 责任单位 column as in a 牵头单位 one, and keeps the known ones', () => {
    const doc = parseLines([
      '某县2024年重点工作任务清单',
      '序号\t重点任务\t责任单位\t完成时限',
      '1\t建设标准化厂房。\t立山经济开发区、县财政局\t2024年底前',
      '2\t开展专项行动。\t由有关方面负责\t2024年底前',
    ]);
    expect(roles(doc)).toEqual([
      [
        ['立山经济开发区', 'lead'],
        ['县财政局', 'co'],
      ],
      [],
    ]);
    expect(doc.notes.filter((n) => n.kind === 'unread_bracket').map((n) => n.label)).toEqual(['2']);
  });

  it('notes a time phrase of a deadline cell it cannot read, as in text, but not a cell that is one deadline', () => {
    const doc = parseLines([
      '某县2024年重点工作任务清单',
      '序号\t重点任务\t牵头单位\t完成时限',
      '1\t建设标准化厂房。\t县财政局\t①2024年3月底前，完成设计招标。②2025年全面推广应用',
      '2\t开展专项行动。\t县商务局\t2025年',
      '某县人民政府',
      '2024年2月1日',
    ]);
    expect(dues(doc)).toEqual([['2024-03-31'], ['2025-12-31']]);
    expect(doc.notes.filter((n) => n.kind === 'unclassified_time').map((n) => [n.label, n.excerpt])).toEqual([
      ['1', '2025年全面推广应用'],
    ]);
  });

  it('reads a single 责任单位 column as a plain list: the first unit leads, the rest are co', () => {
    const doc = parseLines([
      '某区2023年重点工作任务分解表',
      '序号\t工作任务\t分管领导\t责任单位（部门）\t完成时间',
      '1\t推进政务服务“一网通办”。\t张三\t区政务服务中心、区大数据局 区司法局\t2023年9月底前',
    ]);
    expect(roles(doc)).toEqual([
      [
        ['区政务服务中心', 'lead'],
        ['区大数据局', 'co'],
        ['区司法局', 'co'],
      ],
    ]);
    expect(dues(doc)).toEqual([['2023-09-30']]);
  });

  it('takes section rows as the section of the rows after them, skips repeated headers and numbers rows without 序号', () => {
    const doc = parseLines([
      '某市2024年政府工作报告重点任务分工',
      '重点任务\t牵头单位\t完成时限',
      '一、扩大有效投资',
      '实施重大项目攻坚行动。\t市发展改革委\t2024年底前',
      '重点任务\t牵头单位\t完成时限',
      '二、促进消费',
      '举办汽车消费节。\t市商务局\t2024年上半年',
    ]);
    expect(doc.measures.map((m) => [m.label, m.section, m.title])).toEqual([
      ['1', '扩大有效投资', '实施重大项目攻坚行动'],
      ['2', '促进消费', '举办汽车消费节'],
    ]);
    expect(dues(doc)).toEqual([['2024-12-31'], ['2024-06-30']]);
  });

  it('reads an HTML table: a merged 序号 cell (rowspan) makes its rows tasks of one measure, a colspan row a section', () => {
    const doc = html(`
      <p>某县2024年重点任务分工表</p>
      <table>
        <tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr>
        <tr><td colspan="5">一、推动产业升级</td></tr>
        <tr><td rowspan="2">1</td><td>建设食品产业园。</td><td>县工业和信息化局</td><td>县发展改革委</td><td>2024年底前</td></tr>
        <tr><td>培育规上企业10家。</td><td>县科技局</td><td>县财政局</td><td>2025年6月底前</td></tr>
        <tr><td>2</td><td><p>推进数字乡村建设。</p></td><td>县农业农村局</td><td></td><td>持续推进</td></tr>
      </table>`);
    expect(doc.measures.map((m) => [m.label, m.section, m.title, m.tasks.length])).toEqual([
      ['1', '推动产业升级', '建设食品产业园', 2],
      ['2', '推动产业升级', '推进数字乡村建设', 1],
    ]);
    expect(doc.measures[0]!.text).toBe('建设食品产业园。\n培育规上企业10家。');
    expect(departmentsOf(doc)).toEqual([
      ['县工业和信息化局', '县发展改革委'],
      ['县科技局', '县财政局'],
      ['县农业农村局'],
    ]);
    expect(dues(doc)).toEqual([['2024-12-31', '2025-06-30'], []]);
  });

  it('keeps the cells of an HTML row under their header when a middle column is merged (rowspan)', () => {
    const doc = html(`
      <table>
        <tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
        <tr><td>1</td><td rowspan="2">扩大有效投资</td><td>实施重大项目攻坚。</td><td>县发展改革委</td><td>县财政局</td><td>2024年底前</td></tr>
        <tr><td>2</td><td>盘活存量资产。</td><td>县财政局</td><td>县国资中心</td><td>2024年9月底前</td></tr>
      </table>`);
    expect(doc.measures.map((m) => [m.label, m.title, m.text])).toEqual([
      ['1', '扩大有效投资', '扩大有效投资\n实施重大项目攻坚。'],
      ['2', '盘活存量资产', '盘活存量资产。'],
    ]);
    expect(departmentsOf(doc)).toEqual([
      ['县发展改革委', '县财政局'],
      ['县财政局', '县国资中心'],
    ]);
    expect(dues(doc)).toEqual([['2024-12-31'], ['2024-09-30']]);
  });

  it('joins only the own cells of rows under merged 序号 and 重点任务 cells to the measure text', () => {
    const doc = html(`
      <table>
        <tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>
        <tr><td rowspan="2">1</td><td rowspan="2">扩大有效投资</td><td>实施重大项目攻坚。</td><td>县发展改革委</td><td>2024年底前</td></tr>
        <tr><td>盘活存量资产。</td><td>县财政局</td><td>2024年9月底前</td></tr>
      </table>`);
    expect(doc.measures.map((m) => [m.label, m.title, m.text, m.tasks.length])).toEqual([
      ['1', '扩大有效投资', '扩大有效投资\n实施重大项目攻坚。\n盘活存量资产。', 2],
    ]);
    expect(departmentsOf(doc)).toEqual([['县发展改革委'], ['县财政局']]);
    expect(dues(doc)).toEqual([['2024-12-31', '2024-09-30']]);
  });

  it('places table rows among the numbered measures of the text, in document order', () => {
    const doc = parseLines([
      '某县优化营商环境实施方案',
      '（一）压减审批时限。（县政务服务中心负责）',
      '（二）规范涉企收费。（县市场监管局负责）',
      '序号\t具体措施\t牵头单位\t配合单位',
      '1\t开展涉企收费专项检查。\t县市场监管局\t县财政局',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['（一）', '（二）', '1']);
  });

  it('reads a task table attached after the 落款 (附件：重点任务分工表), after the measures of the body', () => {
    const doc = parseLines([
      '某县优化营商环境实施方案',
      '一、压减审批时限。',
      '二、规范涉企收费。',
      '某县人民政府',
      '2024年2月20日',
      '附件：重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t压减审批时限。\t县政务服务中心\t县发展改革委\t2024年底前',
    ]);
    expect(doc.measures.map((m) => m.label)).toEqual(['一、', '二、', '1']);
    expect(departmentsOf(doc)).toEqual([[], [], ['县政务服务中心', '县发展改革委']]);
    expect(dues(doc)).toEqual([[], [], ['2024-12-31']]);
  });

  it('leaves tables without a responsibility column alone: a metadata table, a statistics table', () => {
    const meta = html(`
      <table><tr><td>发文字号：</td><td>国发〔2019〕5号</td><td>发布日期：</td><td>2019年1月24日</td></tr></table>
      <p>国务院关于印发国家职业教育改革实施方案的通知</p>
      <p>一、完善职业教育体系。</p><p>二、健全标准体系。</p>`);
    expect(meta.docNumber).toBe('国发〔2019〕5号');
    expect(meta.measures.map((m) => m.label)).toEqual(['一、', '二、']);

    const stats = ['某县统计公报', '指标\t2020年\t2025年\t属性', '地区生产总值\t100\t150\t预期性'];
    expect(findTaskTables(stats).items).toEqual([]);
    expect(() => parseLines(stats)).toThrow(ParseError);

    // A task column alone (a work list without units) is no task table either.
    const list = ['序号\t重点任务\t完成时限', '1\t建设智慧园区。\t2024年底前'];
    expect(findTaskTables(list).items).toEqual([]);
  });

  it('reads a Markdown table', () => {
    const md = [
      '# 某县2024年重点任务分工表',
      '',
      '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '| --- | --- | --- | --- | --- |',
      '| 1 | **建设**智慧园区。 | 县发展改革委 | 县财政局 | 2024年底前 |',
    ].join('\n');
    const doc = parseDocument({ file: 'plan.md', bytes: new TextEncoder().encode(md) });
    expect(doc.measures.map((m) => [m.label, m.title])).toEqual([['1', '建设智慧园区']]);
    expect(departmentsOf(doc)).toEqual([['县发展改革委', '县财政局']]);
    expect(dues(doc)).toEqual([['2024-12-31']]);
  });

  it('counts the notes of many unreadable rows in one note', () => {
    const rows = Array.from({ length: 500 }, (_, k) => `${k + 1}\t开展专项行动。\t由有关方面负责`);
    const doc = parseLines(['某县任务清单', '序号\t重点任务\t责任单位', ...rows]);
    expect(doc.measures).toHaveLength(500);
    const unread = doc.notes.filter((n) => n.kind === 'unread_bracket');
    expect(unread).toHaveLength(MAX_TABLE_NOTES + 1);
    expect(unread[MAX_TABLE_NOTES]!.message).toMatch(/^480 more/);
  });

  it('reads a task table from a Word document (rows flattened by the docx reader)', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const cell = (t: string): string => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const row = (...cells: string[]): string => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>` +
        '<w:p><w:r><w:t>某县2024年重点任务分工表</w:t></w:r></w:p>' +
        '<w:tbl>' +
        row('序号', '重点任务', '牵头单位', '配合单位', '完成时限') +
        row('1', '建设智慧园区。', '县发展改革委', '县财政局', '2024年底前') +
        // The merged 序号 cell's continuation (vMerge) arrives empty; so does an empty 配合单位 cell.
        row('', '培育规上企业10家。', '县科技局', '', '2025年6月底前') +
        row('2', '推进数字乡村建设。', '县农业农村局', '', '长期坚持') +
        '</w:tbl>' +
        '</w:body></w:document>',
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const read = await readDocument({ file: 'plan.docx', bytes });
    const doc = parseText({ file: 'plan.docx', text: read.text, format: read.format });
    expect(doc.measures.map((m) => [m.label, m.title, m.tasks.length])).toEqual([
      ['1', '建设智慧园区', 2],
      ['2', '推进数字乡村建设', 1],
    ]);
    expect(departmentsOf(doc)).toEqual([['县发展改革委', '县财政局'], ['县科技局'], ['县农业农村局']]);
    expect(dues(doc)).toEqual([['2024-12-31', '2025-06-30'], []]);
  });

  it('keeps a row under a merged 序号 cell in its columns (tab text and HTML rowspan): another task of the measure', () => {
    const expected = (doc: ParsedDocument): void => {
      expect(doc.measures.map((m) => [m.label, m.text, m.tasks.length])).toEqual([
        ['1', '建设智慧园区。\n完善园区道路。', 2],
        ['2', '推进数字乡村建设。', 1],
      ]);
      expect(roles(doc)).toEqual([
        [
          ['县发展改革委', 'lead'],
          ['县财政局', 'co'],
        ],
        [['县交通局', 'lead']],
        [['县农业农村局', 'lead']],
      ]);
      expect(doc.measures[0]!.tasks[1]!.text).toBe('完善园区道路。');
      expect(dues(doc)).toEqual([['2024-12-31'], ['2024-06-30']]);
    };
    expected(
      parseLines([
        '某县2024年重点任务分工表',
        '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
        '1\t建设智慧园区。\t县发展改革委\t县财政局\t2024年底前',
        '\t完善园区道路。\t县交通局\t\t',
        '2\t推进数字乡村建设。\t县农业农村局\t\t2024年6月底前',
      ]),
    );
    expected(
      html(`
      <table>
        <tr><td>序号</td><td>重点任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>
        <tr><td rowspan="2">1</td><td>建设智慧园区。</td><td>县发展改革委</td><td>县财政局</td><td>2024年底前</td></tr>
        <tr><td>完善园区道路。</td><td>县交通局</td><td></td><td></td></tr>
        <tr><td>2</td><td>推进数字乡村建设。</td><td>县农业农村局</td><td></td><td>2024年6月底前</td></tr>
      </table>`),
    );
  });

  it('merges a second header row of 牵头单位 | 配合单位 under a spanning 责任单位 cell into the header', () => {
    const expected = (doc: ParsedDocument): void => {
      expect(doc.measures.map((m) => [m.label, m.title])).toEqual([
        ['1', '建设智慧园区'],
        ['2', '推进数字乡村建设'],
      ]);
      expect(roles(doc)).toEqual([
        [
          ['县发展改革委', 'lead'],
          ['县财政局', 'co'],
        ],
        [
          ['县农业农村局', 'lead'],
          ['县财政局', 'co'],
          ['县数据资源局', 'co'],
        ],
      ]);
      expect(dues(doc)).toEqual([['2024-12-31'], ['2024-06-30']]);
    };
    expected(
      html(`
      <table>
        <tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
        <tr><td>牵头单位</td><td>配合单位</td></tr>
        <tr><td>1</td><td>建设智慧园区。</td><td>县发展改革委</td><td>县财政局</td><td>2024年底前</td></tr>
        <tr><td>2</td><td>推进数字乡村建设。</td><td>县农业农村局</td><td>县财政局、县数据资源局</td><td>2024年6月底前</td></tr>
      </table>`),
    );
    // A copy without the spans: the sub-headers take the place of the 责任单位 cell.
    expected(
      parseLines([
        '某县2024年重点任务分工表',
        '序号\t重点任务\t责任单位\t完成时限',
        '牵头单位\t配合单位',
        '1\t建设智慧园区。\t县发展改革委\t县财政局\t2024年底前',
        '2\t推进数字乡村建设。\t县农业农村局\t县财政局、县数据资源局\t2024年6月底前',
      ]),
    );
    // A row of units after a header is a data row, not sub-headers.
    const units = ['序号\t重点任务\t牵头单位\t配合单位', '1\t建设智慧园区。\t县发展改革委\t县财政局'];
    expect(findTaskTables(units).items.map((x) => x.measure.label)).toEqual(['1']);
  });

  it('ends the table at another attachment or another header; a different task-table header starts a new table', () => {
    const doc = parseLines([
      '某县优化营商环境实施方案',
      '一、压减审批时限。',
      '某县人民政府',
      '2024年2月20日',
      '附件1：重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t压减审批时限。\t县政务服务中心\t县发展改革委\t2024年底前',
      '附件2：重点项目清单',
      '序号\t项目名称\t建设内容\t总投资\t责任单位',
      '1\t县污水处理厂项目\t新建污水处理厂一座\t5亿元\t县住房城乡建设局',
    ]);
    expect(doc.measures.map((m) => [m.label, m.title])).toEqual([
      ['一、', '压减审批时限'],
      ['1', '压减审批时限'],
    ]);
    expect(departmentsOf(doc)).toEqual([[], ['县政务服务中心', '县发展改革委']]);

    // Without the attachment line the project list's own header ends the table.
    const rows = [
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t压减审批时限。\t县政务服务中心\t县发展改革委\t2024年底前',
      '重点项目清单',
      '序号\t项目名称\t建设内容\t总投资\t责任单位',
      '1\t县污水处理厂项目\t新建污水处理厂一座\t5亿元\t县住房城乡建设局',
      '项目名称\t建设内容\t总投资\t责任单位',
      '县污水处理厂项目\t新建污水处理厂一座\t5亿元\t县住房城乡建设局',
    ];
    const found = findTaskTables(rows);
    expect(found.items.map((x) => [x.measure.label, x.measure.section])).toEqual([['1', null]]);
    expect([...found.lines]).toEqual([0, 1]);

    // A second task table with other columns is read with its own columns.
    const two = parseLines([
      '某县2024年重点工作任务清单',
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限',
      '1\t压减审批时限。\t县政务服务中心\t县发展改革委\t2024年底前',
      '序号\t工作任务\t完成时间\t责任单位',
      '1\t开展消费促进活动。\t2024年6月\t县商务局、县财政局',
    ]);
    expect(two.measures.map((m) => m.label)).toEqual(['1', '1']);
    expect(roles(two)).toEqual([
      [
        ['县政务服务中心', 'lead'],
        ['县发展改革委', 'co'],
      ],
      [
        ['县商务局', 'lead'],
        ['县财政局', 'co'],
      ],
    ]);
    expect(dues(two)).toEqual([['2024-12-31'], ['2024-06-30']]);
  });

  it('reads a unit from a cell only when it reads as a unit: work text in a responsibility column is none', () => {
    const doc = parseLines([
      '某县2024年重点任务分工表',
      '序号\t重点任务\t牵头单位\t配合单位',
      '1\t建设污水管网。\t新建污水处理厂一座\t',
      '2\t加强干部培训。\t组干科\t县城市建设投资集团',
    ]);
    expect(roles(doc)).toEqual([
      [],
      [
        ['组干科', 'lead'],
        ['县城市建设投资集团', 'co'],
      ],
    ]);
    expect(doc.measures[0]!.tasks[0]!.responsibility).toBeNull();
    expect(doc.notes.some((n) => n.kind === 'unread_bracket' && n.excerpt?.includes('新建污水处理厂一座'))).toBe(true);
  });

  it('takes a header only from whole responsibility cells, with a 序号 or a lead / co column besides the task column', () => {
    expect(isTaskTableHeader(['序号', '重点任务', '牵头单位', '配合单位', '完成时限'])).toBe(true);
    expect(isTaskTableHeader(['序号', '工作内容', '责任单位（部门）'])).toBe(true);
    expect(isTaskTableHeader(['重点工作', '牵头责任单位', '完成时限'])).toBe(true);
    // A list of administrative services: 事项名称 is no task, 实施主体 no unit column.
    expect(isTaskTableHeader(['序号', '事项名称', '实施主体', '设定依据'])).toBe(false);
    // A meeting agenda: 内容 alone is no task column, 参加人员 no unit column.
    expect(isTaskTableHeader(['时间', '内容', '参加人员'])).toBe(false);
    expect(isTaskTableHeader(['序号', '内容', '责任单位'])).toBe(false);
    // A plain 责任单位 column needs a 序号 column.
    expect(isTaskTableHeader(['重点任务', '责任单位', '完成时限'])).toBe(false);
    // Words inside a longer cell name no column.
    expect(isTaskTableHeader(['序号', '重点任务', '牵头单位意见'])).toBe(false);

    const services = [
      '某县政务服务事项清单',
      '序号\t事项名称\t实施主体\t设定依据',
      '1\t企业投资项目备案\t县发展改革委\t《企业投资项目核准和备案管理条例》',
    ];
    expect(findTaskTables(services).items).toEqual([]);
    const agenda = ['会议议程', '时间\t内容\t参加人员', '9:00\t县长讲话\t各乡镇负责人'];
    expect(findTaskTables(agenda).items).toEqual([]);
  });

  it("reads table rows with the document's rules: the title's period, 列第一位者为牵头单位, 以下均需X落实", () => {
    const doc = parseLines([
      '某县优化营商环境三年行动计划（2024—2026年）',
      '一、全面优化营商环境，打造一流营商环境。（以下均需各乡镇人民政府落实，不再列出）',
      '注：各项任务列第一位者为牵头单位。',
      '序号\t重点任务\t牵头单位\t完成时限',
      '1\t压减审批时限。\t县政务服务中心、县发展改革委\t3年内',
    ]);
    const row = doc.measures.find((m) => m.label === '1')!;
    expect(row.tasks[0]!.departments.map((d) => [d.name, d.role])).toEqual([
      ['县政务服务中心', 'lead'],
      ['县发展改革委', 'co'],
      ['各乡镇人民政府', 'co'],
    ]);
    expect(row.tasks[0]!.targets.map((t) => t.due)).toEqual(['2026-12-31']);
  });

  it('reads a Word header whose 责任单位 cell spans two grid columns (gridSpan) over 牵头单位 | 配合单位', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const cell = (t: string, span = 1): string =>
      `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      'word/document.xml',
      `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>` +
        '<w:p><w:r><w:t>某县2024年重点任务分工表</w:t></w:r></w:p><w:tbl>' +
        `<w:tr>${cell('序号')}${cell('重点任务')}${cell('责任单位', 2)}${cell('完成时限')}</w:tr>` +
        // Word's vertically merged cells arrive empty.
        `<w:tr>${cell('')}${cell('')}${cell('牵头单位')}${cell('配合单位')}${cell('')}</w:tr>` +
        `<w:tr>${cell('1')}${cell('建设智慧园区。')}${cell('县发展改革委')}${cell('县财政局')}${cell('2024年底前')}</w:tr>` +
        '</w:tbl></w:body></w:document>',
    );
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const read = await readDocument({ file: 'plan.docx', bytes });
    expect(read.text.split('\n')[1]).toBe('序号\t重点任务\t责任单位\t\t完成时限');
    const doc = parseText({ file: 'plan.docx', text: read.text, format: read.format });
    expect(doc.measures.map((m) => m.label)).toEqual(['1']);
    expect(roles(doc)).toEqual([
      [
        ['县发展改革委', 'lead'],
        ['县财政局', 'co'],
      ],
    ]);
    expect(dues(doc)).toEqual([['2024-12-31']]);
  });
});
