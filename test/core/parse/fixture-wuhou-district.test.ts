import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { parseDocument } from '../../../src/core/parse/index.ts';
import { fixtureBytes, parseFixture, rolesInOrder, targetsInOrder } from './fixture.ts';
import { encodeGbk } from './gbk.ts';

const FILE = 'wuhou-district-scenes.txt';

/** A district plan: （1） items restarting per 一、 section, （责任部门:…） brackets, relative dates. */
function expectStructure(doc: ParsedDocument): void {
  expect(doc.title).toBe('成都市武侯区推进消费新场景建设实施方案');
  expect(doc.region).toBe('四川省');
  expect(doc.issuer).toBe('成都市武侯区人民政府办公室');
  expect(doc.publishedOn).toBe('2024-03-08');
  expect(doc.measures.map((m) => `${m.section}:${m.label}:${m.title}`)).toEqual([
    '重点任务:（1）:建设特色商业街区',
    '重点任务:（2）:发展社区商业',
    '重点任务:（3）:培育首店经济',
    '保障措施:（1）:强化要素保障',
  ]);
  expect(rolesInOrder(doc)).toEqual([
    [['区发改局:lead']],
    [['区商务局:lead', '区财政局:co']],
    [['区商务局:lead', '区市场监管局:co', '各街道办事处:co']],
    [['区规划和自然资源局:lead']],
  ]);
  expect(targetsInOrder(doc)).toEqual([
    ['2024-10-31/month'],
    ['2025-06-30/half'],
    ['2024-12-31/year'],
    ['2025-06-30/quarter'],
  ]);
}

describe('fixture: Wuhou district consumption-scene plan', () => {
  it('parses the UTF-8 file', () => {
    expectStructure(parseFixture(FILE));
  });

  it('parses the same document saved as GBK identically', () => {
    const text = new TextDecoder('utf-8').decode(fixtureBytes(FILE));
    const gbk = encodeGbk(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const doc = parseDocument({ file: FILE, bytes: gbk });
    expectStructure(doc);
    expect(doc).toEqual(parseFixture(FILE));
  });
});
