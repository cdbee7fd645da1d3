import { describe, expect, it } from 'vitest';
import { parseLines } from './helpers.ts';

describe('Q&A documents', () => {
  it('turns each 问/答 pair into an answer with targets resolved against the date', () => {
    const doc = parseLines([
      '---',
      'title: 商务部有关负责人就《促进消费方案》答记者问',
      'date: 2023-02-01',
      '---',
      '问：出台方案的背景是什么？',
      '答：2022年全国网上零售额同比增长4%。',
      '方案提出，年底前实现县域商业体系全覆盖。',
      '问：下一步有何考虑？',
      '答：我们将持续推动落实。',
      '责任编辑：张三',
    ]);
    expect(doc.kind).toBe('qa');
    expect(doc.region).toBe('全国');
    expect(doc.measures.map((m) => [m.kind, m.label, m.ordinal, m.title])).toEqual([
      ['answer', '问1', 1, '出台方案的背景是什么？'],
      ['answer', '问2', 2, '下一步有何考虑？'],
    ]);
    expect(doc.measures[0]!.text).toContain('方案提出');
    expect(doc.measures[1]!.text).not.toContain('责任编辑');
    const targets = doc.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets));
    expect(targets.map((t) => [t.text, t.due])).toEqual([['年底前实现县域商业体系全覆盖', '2023-12-31']]);
  });
});

describe('commentary', () => {
  it('turns signed recommendations into proposals with their authors and no targets', () => {
    const doc = parseLines([
      '加快培育四川新型消费',
      '编者按',
      '本报约请专家学者谈谈看法。',
      '发展数字消费',
      '王小明',
      '一要完善数字基础设施。到2025年建成5G基站10万个。',
      '二要培育数字消费场景。',
      '（作者单位：四川大学）',
      '优化消费环境',
      '欧阳晓 李华',
      '首先，要加强消费者权益保护，完善投诉机制。其次，要优化营商环境。最后，要打通“最后一公里”。',
    ]);
    expect(doc.kind).toBe('commentary');
    expect(doc.region).toBe('四川省');
    expect(doc.authors).toEqual(['王小明', '欧阳晓', '李华']);
    expect(doc.measures.map((m) => [m.kind, m.label, m.ordinal, m.title, m.author, m.section])).toEqual([
      ['proposal', '一要', 1, '完善数字基础设施', '王小明', '发展数字消费'],
      ['proposal', '二要', 2, '培育数字消费场景', '王小明', '发展数字消费'],
      ['proposal', '首先', 3, '要加强消费者权益保护，完善投诉机制', '欧阳晓、李华', '优化消费环境'],
      ['proposal', '其次', 4, '要优化营商环境', '欧阳晓、李华', '优化消费环境'],
      ['proposal', '最后', 5, '要打通“最后一公里”', '欧阳晓、李华', '优化消费环境'],
    ]);
    expect(
      doc.measures.every(
        (m) => m.tasks.length === 1 && m.tasks[0]!.targets.length === 0 && m.tasks[0]!.departments.length === 0,
      ),
    ).toBe(true);
  });

  it('credits interview answers to the speaker', () => {
    const doc = parseLines([
      '重庆如何发展消费金融',
      '【智库对话】',
      '主持人：记者 朱涛',
      '重庆日报：如何创新金融产品？',
      '黄潇：一是构建消费场景。二是打造消费体系。',
      '孙磊：一是统筹民生。二是协同政府。',
    ]);
    expect(doc.kind).toBe('commentary');
    expect(doc.authors).toEqual(['黄潇', '孙磊']);
    expect(doc.measures.map((m) => `${m.label}:${m.author}`)).toEqual([
      '一是:黄潇',
      '二是:黄潇',
      '一是:孙磊',
      '二是:孙磊',
    ]);
  });
});
