import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/parse/index.ts';
import { genreOf } from '../../../src/core/parse/kind.ts';
import { parseLines } from './helpers.ts';

describe('genre named by the title', () => {
  const CASES: Array<[string, string]> = [
    ['专利代理条例', 'regulation'],
    ['国务院关于印发个人所得税专项附加扣除暂行办法的通知', 'regulation'],
    ['某市电动自行车管理规定（试行）', 'regulation'],
    ['国务院办公厅关于印发“无废城市”建设试点工作方案的通知', 'plan'],
    ['国务院关于支持自由贸易试验区深化改革创新若干措施的通知', 'measures'],
    ['国务院办公厅关于推进政务新媒体健康有序发展的意见', 'opinion'],
    ['国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函', 'reply'],
    ['国务院办公厅对十届全国人大四次会议第7240号建议的答复', 'reply'],
    ['国务院关于河北雄安新区总体规划（2018—2035年）的批复', 'approval'],
    ['国务院关于2018年度国家科学技术奖励的决定', 'decision'],
    ['国务院办公厅关于调整国家教材委员会组成人员的通知', 'appointments'],
    ['国家发展改革委有关负责同志就《实施方案》答记者问', 'qa'],
    ['某市新能源汽车补贴申领常见问题', 'qa'],
  ];
  for (const [title, genre] of CASES) it(`${title} → ${genre}`, () => expect(genreOf(title).genre).toBe(genre));
});

function refusal(lines: string[]): ParseError {
  try {
    parseLines(lines);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('parsed without refusal');
}

describe('kinds', () => {
  it('a regulation stays kind policy, and the kind note says regulation', () => {
    const doc = parseLines([
      '某市养犬管理办法',
      '第一条 为了规范养犬行为，制定本办法。',
      '第二条 本办法适用于本市城区。',
    ]);
    expect(doc.kind).toBe('policy');
    const notes = doc.notes.filter((n) => n.kind === 'kind');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('regulation');
  });

  it('a regulation that says 一是…二是… is not commentary, even with a line that looks like a byline', () => {
    const doc = parseLines([
      '某省数据要素市场管理办法',
      '第一条 为了培育数据要素市场，制定本办法。',
      '第二条 推进数据开放：一是建设公共数据平台；二是开展数据授权运营。',
      '第三条 本办法自2024年1月1日起施行。',
      '江苏',
    ]);
    expect(doc.kind).toBe('policy');
    expect(doc.measures.map((m) => m.label)).toEqual(['第一条', '第二条', '第三条']);
  });

  it('a plan mentioning 智库 or 在线访谈 in a sentence is not commentary', () => {
    const doc = parseLines([
      '某市关于加强新型智库建设的实施意见',
      '一、建设一批高端智库。支持高校设立研究机构。',
      '二、丰富成果转化渠道。通过在线访谈、网上调查等形式听取意见。',
    ]);
    expect(doc.kind).toBe('policy');
    expect(doc.measures).toHaveLength(2);
  });

  it('a signed newspaper page is commentary, and its kind note says why', () => {
    const doc = parseLines([
      '加快培育新型消费',
      '智库视点',
      '王小明',
      '一要完善数字基础设施。',
      '二要培育数字消费场景。',
    ]);
    expect(doc.kind).toBe('commentary');
    expect(doc.notes.find((n) => n.kind === 'kind')!.message).toContain('newspaper');
  });

  it("a service guide's numbered questions become answers", () => {
    const doc = parseLines([
      '某市新能源汽车消费补贴申领指南',
      '1.哪些车辆可以申领补贴？',
      '在本市购买并上牌的新能源乘用车。',
      '2.补贴申领截止时间是什么时候？',
      '2024年12月31日前提交申请。',
    ]);
    expect(doc.kind).toBe('qa');
    expect(doc.measures.map((m) => [m.kind, m.title])).toEqual([
      ['answer', '哪些车辆可以申领补贴？'],
      ['answer', '补贴申领截止时间是什么时候？'],
    ]);
  });
});

describe('refusals name the real reason', () => {
  const CASES: Array<{ about: string; lines: string[]; says: string; never: string }> = [
    {
      about: 'a reply letter with no numbered items',
      lines: [
        '国务院办公厅关于同意以某市名义申办运动会的复函',
        '某省人民政府：',
        '你省来函收悉。同意以某市名义申办运动会。',
        '国务院办公厅',
        '2004年4月27日',
      ],
      says: 'reply letter',
      never: 'recommendations',
    },
    {
      about: 'an answer to a deputy’s proposal that mentions 在线访谈',
      lines: [
        '国务院办公厅对某会议第1号建议的答复',
        '某代表：',
        '您的建议收悉。中央政府门户网站通过在线访谈听取意见。',
        '感谢您对政府工作的关心和支持。',
        '国务院办公厅',
        '2006年9月7日',
      ],
      says: 'reply letter',
      never: 'recommendations',
    },
    {
      about: 'an approval with no numbered items',
      lines: ['国务院关于同意某机关迁址新建的批复', '某总部：', '同意迁址新建。', '国务院', '1996年11月5日'],
      says: 'approval',
      never: 'recommendations',
    },
    {
      about: 'a notice of appointments numbered by group',
      lines: [
        '国务院办公厅关于调整某委员会组成人员的通知',
        '各部门：',
        '（一）部门委员',
        '张三　某部副部长',
        '（二）专家委员',
        '李四　某大学教授',
        '国务院办公厅',
        '2018年11月19日',
      ],
      says: 'appointments',
      never: 'recommendations',
    },
  ];
  for (const c of CASES) {
    it(c.about, () => {
      const e = refusal(c.lines);
      expect(e.code).toBe('no_items');
      expect(e.message).toContain(c.says);
      expect(e.message).not.toContain(c.never);
      // The refusal says what is missing, in the words the uploader can check: numbered items.
      expect(e.message).toMatch(/numbered/);
    });
  }
});

describe('notes', () => {
  it('notes each measure that names no responsible unit when others do', () => {
    const doc = parseLines([
      '某市方案',
      '（一）发展夜间经济。（市商务局）',
      '（二）发展首店经济。出台支持政策。',
      '（三）优化营商环境。（市市场监管局）',
    ]);
    expect(doc.notes.filter((n) => n.kind === 'no_responsibility').map((n) => [n.label, n.excerpt])).toEqual([
      ['（二）', '发展首店经济'],
    ]);
  });

  it('gives one document note when no measure names anyone', () => {
    const doc = parseLines(['某市方案', '（一）发展夜间经济。', '（二）发展首店经济。']);
    const notes = doc.notes.filter((n) => n.kind === 'no_responsibility');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.label).toBeNull();
  });

  it('cuts excerpts to 120 characters', () => {
    const long = '发'.repeat(300);
    const doc = parseLines(['某市方案', '（一）一。（市商务局）', `（三）${long}`, '（二）二。（市商务局）']);
    const stray = doc.notes.find((n) => n.kind === 'structure')!;
    expect(stray.excerpt!.length).toBeLessThanOrEqual(120);
    expect(stray.excerpt!.startsWith('（三）发发')).toBe(true);
  });
});
