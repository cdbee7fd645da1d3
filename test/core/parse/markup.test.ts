import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/parse/index.ts';
import { toPlainText } from '../../../src/core/parse/markup.ts';
import { labelledField } from '../../../src/core/parse/metadata.ts';
import { toParagraphs } from '../../../src/core/parse/paragraphs.ts';

const lines = (file: string, html: string): string[] => toParagraphs(toPlainText(file, html).text);

describe('HTML as saved from government sites', () => {
  const CASES: Array<{ about: string; html: string; lines: string[] }> = [
    {
      about: 'source line breaks inside an element are spaces, as a browser shows them; block elements start lines',
      html: '<div>国务院关于印发\n  实施方案的通知</div><p>第一段，</p><p>第二段。</p>',
      lines: ['国务院关于印发 实施方案的通知', '第一段，', '第二段。'],
    },
    {
      about: 'table cells are tab-separated on one line per row',
      html: '<table><tr>\n<td><b>发文字号：</b></td>\n<td>国发〔2019〕5号</td>\n<td><b>发布日期：</b></td>\n<td>2019年02月15日</td></tr></table>',
      lines: ['发文字号：\t 国发〔2019〕5号\t 发布日期：\t 2019年02月15日'],
    },
    {
      about:
        'in a task table, paragraphs and line breaks inside the cells of a row are joined by a space: the row stays one line',
      html: '<table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>配合单位</th><th>完成时限</th></tr><tr><td>1</td><td><p>建设园区。</p><p>完善道路。</p></td><td>县发改委<br>县财政局</td><td><p></p></td><td>年底前</td></tr></table>',
      lines: ['序号\t重点任务\t牵头单位\t配合单位\t完成时限', '1\t建设园区。 完善道路。\t县发改委 县财政局\t\t年底前'],
    },
    {
      about: 'in any other table, the paragraphs of a cell keep their lines (no task-table header above the row)',
      html: '<table><tr><td>1</td><td><p>建设园区。</p><p>完善道路。</p></td><td>县发改委</td></tr></table>',
      lines: ['1', '建设园区。', '完善道路。', '县发改委'],
    },
    {
      about: 'a colspan cell is followed by an empty cell per column it covers; the tab after the last cell is dropped',
      html: '<table><tr><td>序号</td><td>重点任务</td><td colspan="2">责任单位</td><td>完成时限</td></tr><tr><td>1</td><td>甲</td><td>乙</td><td></td><td></td></tr></table>',
      lines: ['序号\t重点任务\t责任单位\t\t完成时限', '1\t甲\t乙\t\t'],
    },
    {
      about:
        'a cell merged over the rows below (rowspan) leaves an empty cell in them, so later cells keep their column',
      html: '<table><tr><td>1</td><td rowspan="2">甲</td><td>乙</td><td>丙</td></tr><tr><td>2</td><td>丁</td><td>戊</td></tr><tr><td>3</td><td>己</td><td>庚</td></tr></table>',
      lines: ['1\t甲\t乙\t丙', '2\t\t丁\t戊', '3\t己\t庚'],
    },
    {
      about: 'an attribute after a slash is read as browsers read it (<td/rowspan="2">)',
      html: '<table><tr><td>1</td><td/rowspan="2">甲</td><td>乙</td></tr><tr><td>2</td><td>丁</td></tr></table>',
      lines: ['1\t甲\t乙', '2\t\t丁'],
    },
    {
      about: 'a page laid out in a one-cell table keeps its paragraphs on lines of their own',
      html: '<table><tr><td><p>某县实施方案</p><p>一、总体要求。</p><p>二、重点任务。</p></td></tr></table>',
      lines: ['某县实施方案', '一、总体要求。', '二、重点任务。'],
    },
    {
      about: 'navigation, share buttons, related links, footers, scripts, styles and comments are dropped',
      html: [
        '<nav><a>首页</a><a>政务公开</a></nav>',
        '<div class="bdsharebuttonbox"><a>微信</a><a>微博</a></div>',
        '<script>var a = "<p>x</p>";</script><style>p { color: red }</style><!-- 三个链接 -->',
        '<div id="UCAP-CONTENT"><p>一、正文。</p></div>',
        '<div class="xgwz"><div><a>相关文章一</a></div></div>',
        '<div class="footer">主办单位：某省人民政府办公厅</div><footer>网站地图</footer>',
      ].join(''),
      lines: ['一、正文。'],
    },
    {
      about: 'page furniture that arrives as plain text lines is dropped',
      html: '<p>一、正文。</p><p>扫一扫在手机打开当前页</p><p>【打印】【关闭】</p><p>网站标识码：3300000012 浙ICP备12034567号</p>',
      lines: ['一、正文。'],
    },
    {
      about: '第一条 in its own element heads the article text in the next one',
      html: '<p><span>第一条</span></p><p>为了规范管理，制定本办法。</p><p><span>第二条</span></p><p>本办法适用于本市。</p>',
      lines: ['第一条　为了规范管理，制定本办法。', '第二条　本办法适用于本市。'],
    },
    {
      about: 'a < that opens no tag is text; entities are decoded once',
      html: '<p>增长率 < 5% &amp; 占比&gt;3%</p>',
      lines: ['增长率 < 5% & 占比>3%'],
    },
  ];
  for (const c of CASES) it(c.about, () => expect(lines('page.html', c.html)).toEqual(c.lines));

  it('reads a page laid out in one table row (a spacer cell beside the article) as text: its items are measures', () => {
    const html = [
      '<html><head><title>某市促进消费若干措施</title></head><body>',
      '<table><tr><td width="20"></td><td>某市促进消费若干措施',
      '<p>一、发展夜间经济，打造夜间消费街区。（市商务局牵头）</p>',
      '<p>二、发展首店经济，引进品牌首店。（市发改委牵头，市商务局配合）</p>',
      '<p>三、促进汽车消费，开展汽车促销活动。（市商务局牵头）</p>',
      '</td></tr></table></body></html>',
    ].join('');
    const doc = parseDocument({ file: 'page.html', bytes: new TextEncoder().encode(html) });
    expect(doc.measures.map((m) => [m.label, m.title])).toEqual([
      ['一、', '发展夜间经济，打造夜间消费街区'],
      ['二、', '发展首店经济，引进品牌首店'],
      ['三、', '促进汽车消费，开展汽车促销活动'],
    ]);
    expect(doc.measures.map((m) => m.tasks[0]!.departments.map((d) => d.name))).toEqual([
      ['市商务局'],
      ['市发改委', '市商务局'],
      ['市商务局'],
    ]);
  });

  it('keeps the edge tabs of a row of cells (merged 序号, empty last cells); trims any other line whole', () => {
    expect(
      toParagraphs(
        '\t一、总体要求。\n 序号\t重点任务\t牵头单位\u3000\n\t完善园区道路。\t县交通局\t\t \n\t\t县财政局\t',
      ),
    ).toEqual([
      '一、总体要求。',
      '序号\t重点任务\t牵头单位',
      '\t完善园区道路。\t县交通局\t\t',
      // One cell with text is no row: its tabs are layout.
      '县财政局',
    ]);
  });

  it('reads <meta name="ArticleTitle"> and PubDate, and strips （转载） and the site name from titles', () => {
    const html = [
      '<html><head><title>某市关于促进消费的若干措施（转载）_某市人民政府门户网站</title>',
      '<meta name="ArticleTitle" content="某市关于促进消费的若干措施（转载）">',
      '<meta name="PubDate" content="2024-03-05 09:30">',
      '</head><body><div class="nav">首页</div>',
      '<p>一、发展夜间经济。（市商务局）</p><p>二、发展首店经济。（市商务局）</p></body></html>',
    ].join('\n');
    const page = toPlainText('page.html', html).page;
    expect(page.articleTitle).toBe('某市关于促进消费的若干措施（转载）');
    expect(page.pubDate).toBe('2024-03-05');
    const doc = parseDocument({ file: 'page.html', bytes: new TextEncoder().encode(html) });
    expect(doc.title).toBe('某市关于促进消费的若干措施');
    expect(doc.publishedOn).toBe('2024-03-05');
  });

  it('reads the gov.cn metadata table: 标题, 发文机关, 成文日期, 发文字号', () => {
    const html = [
      '<table><tr><td><b>索 引 号：</b></td><td>000014349/2019-00007</td><td><b>主题分类：</b></td><td>市场监管</td></tr>',
      '<tr><td><b>发文机关：</b></td><td>国务院</td><td><b>成文日期：</b></td><td>2019年01月27日</td></tr>',
      '<tr><td><b>标　　题：</b></td><td colspan="3">国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见</td></tr>',
      '<tr><td><b>发文字号：</b></td><td>国发〔2019〕5号</td><td><b>发布日期：</b></td><td>2019年02月15日</td></tr></table>',
      '<p>一、总体要求</p><p>（一）统筹建设监管平台。</p><p>（二）实行清单管理。</p>',
    ].join('\n');
    const doc = parseDocument({ file: 'page.html', bytes: new TextEncoder().encode(html) });
    expect([doc.title, doc.issuer, doc.docNumber, doc.publishedOn]).toEqual([
      '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见',
      '国务院',
      '国发〔2019〕5号',
      '2019-01-27',
    ]);
  });
});

describe('Markdown', () => {
  it('drops images, keeps link text, bold and code text, thematic breaks', () => {
    const md = '## 一、总体要求\n![图](a.png)见[通知](http://x)，**重点**是`代码`。\n---\n* * *';
    expect(toParagraphs(toPlainText('a.md', md).text)).toEqual(['一、总体要求', '见通知，重点是代码。']);
  });
});

/**
 * Hostile inputs: each is a million characters, so a step that rescans the rest of the input from every
 * position (the backtracking patterns these readers replaced) would run for many minutes and fail the test's
 * timeout, while a single scan takes milliseconds. There is no timing assertion.
 */
describe('every reader is one scan (a million characters of hostile input)', () => {
  // Lengths and booleans only: a failing comparison of million-character strings would spend minutes on the diff.
  const N = 1_000_000;
  it('a labelled field followed by a long run of spaces', () => {
    // Past MAX_FIELD_CHARS the text after the label is body text, not a field.
    expect(labelledField([`标题：a${' '.repeat(N)}b`], '标\\s*题')).toBeNull();
    expect(labelledField([`标题：a${' '.repeat(N)}发文字号：b`], '标\\s*题')).toBe('a');
  });
  it('Markdown of unclosed [, ![, ** and backquotes', () => {
    expect(toPlainText('a.md', '['.repeat(N)).text.length).toBe(N);
    expect(toPlainText('a.md', '!['.repeat(N / 2)).text.length).toBe(N);
    expect(toPlainText('a.md', `x${'*'.repeat(N)}`).text.length).toBeGreaterThan(0);
    expect(toPlainText('a.md', `x${'_'.repeat(N)}`).text.length).toBeGreaterThan(0);
    expect(toPlainText('a.md', '[a]('.repeat(N / 4)).text.length).toBe(N);
    expect(toPlainText('a.md', '`a'.repeat(N / 2)).text.length).toBe(N / 2);
  });
  it('HTML of unclosed <, <p, <!--, <script and furniture openers', () => {
    expect(toPlainText('a.html', '<'.repeat(N)).text.length).toBe(N);
    expect(toPlainText('a.html', '<p'.repeat(N / 2)).text.length).toBe(N);
    expect(toPlainText('a.html', '<!--'.repeat(N / 4)).text).toBe('');
    expect(toPlainText('a.html', '<script>'.repeat(N / 8)).text).toBe('');
    expect(toPlainText('a.html', '<div class="nav">'.repeat(N / 17)).text).toBe('');
    expect(toPlainText('a.txt', '<p'.repeat(N / 2)).text.length).toBe(N);
  });
  it('HTML table rows left open, nested tables and rows closed many times', () => {
    // Each row is joined into one line at most once: open rows end with the next <tr> or their table.
    expect(toPlainText('a.html', '<table><tr><td>a</td>'.repeat(N / 21)).text.length).toBeGreaterThan(0);
    expect(toPlainText('a.html', `<table>${'<tr><td>a</td><td>b</td>'.repeat(N / 24)}`).text.length).toBeGreaterThan(0);
    expect(toPlainText('a.html', `<table><tr>${'<td>a</td></tr>'.repeat(N / 15)}`).text.length).toBeGreaterThan(0);
    expect(
      toPlainText('a.html', `<table>${'<tr><td rowspan="9999" colspan="200">a</td></tr>'.repeat(N / 47)}`).text.length,
    ).toBeGreaterThan(0);
  });
});
