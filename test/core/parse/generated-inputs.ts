import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeGbk } from '../../helpers/gbk.ts';
import { SEEDS_DIR, SHARED_DIR } from '../../helpers/paths.ts';
import { type Random, seededRandom } from '../../helpers/random.ts';

/**
 * Generated parser input: real documents cut up, recombined and damaged, genre fragments (labels,
 * responsibility brackets, dated targets, markup), random Unicode and bytes, long runs of one character,
 * unbalanced and deep nesting, huge lines — under .txt, .html and .md names. Each input comes from its own
 * seed, so a failing one is replayed alone: `generateInput(seed, index)`.
 */

/** Cap of one generated input, so a few thousand stay within seconds on a busy machine. */
export const MAX_INPUT_CHARS = 30_000;

const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'govcn-2019');

function readDir(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
}

/** Real documents: the seeds, the parser fixtures and the gov.cn pages (when ../shared is beside the checkout). */
const TEXTS = [...readDir(SEEDS_DIR, /\.txt$/), ...readDir(FIXTURES_DIR, /\.(txt|md)$/)];
const PAGES = [...readDir(FIXTURES_DIR, /\.html$/), ...readDir(CORPUS_DIR, /\.html$/)];
const LINES = TEXTS.flatMap((t) => t.split('\n'))
  .map((l) => l.trim())
  .filter((l) => l !== '');
const CLAUSES = LINES.flatMap((l) => l.split(/(?<=[。；，])/)).filter((c) => c.length > 1);

const LABELS = {
  section: ['一、', '二、', '三、', '十一、', '第一章', '第二章', '第一部分', '第二部分'],
  item: ['（一）', '（二）', '(三)', '（十二）', '1.', '2．', '3、', '10.', '第一条', '第二条', '第十一条'],
  sub: ['（1）', '(2)', '（3）', '①', '②', '⑩', '1.1', '1.1.1', '一是', '二是', '一要', '二要', '首先', '其次', '最后'],
  qa: ['问：', '答：'],
};
const BRACKETS = [
  '（市商务局负责）',
  '（省发展改革委牵头，各市人民政府配合）',
  '（责任单位：市财政局、市税务局）',
  '〔市委网信办〕',
  '(市公安局、市交通运输局按职责分工负责)',
  '（市教育局、市人力资源社会保障局等部门负责）',
  '（国家发展改革委、工业和信息化部和各省级人民政府按职责分工负责）',
  '【责任单位】市商务局、市市场监管局',
  '【牵头单位】市发展改革委【配合单位】市财政局',
  '【完成时限】2024年12月底前',
  '（完成时限：2024年12月底前）',
  '责任单位：各区人民政府',
  '（5G）',
  '（试行）',
  '（以下简称“方案”）',
  '列第一位者为牵头单位（下同）',
  '以下均需各区政府落实，不再列出',
  '无牵头单位的，责任单位即为牵头单位',
  '（负责）',
  '（牵头）',
];
const DATES = [
  '到2025年底',
  '到2022年底x',
  '2023年6月30日前',
  '2023年6月底前',
  '2023年第三季度',
  '2023年下半年完成',
  '“十四五”期间',
  '“十四五”末',
  '二〇二五年十二月三十一日前',
  '自印发之日起60日内',
  '本方案印发后3个月内',
  '10个工作日内',
  '自2024年起3年内',
  '从2024年起用三年时间',
  '今年',
  '明年底前',
  '年底前',
  '于11月30日前',
  '0000年1月1日前',
  '0004年2月29日前',
  '9999年12月31日前',
  '2023年2月30日前',
  '2100年12月31日前',
  '2101年底前',
  '1948年底前',
  '2021—2025年',
  '每年6月底前',
  '以来',
  '不高于2017年',
  '3年内',
  '2025QN02',
  '建成5万个',
  '达到50%以上',
  '不少于20场',
  '实现全覆盖',
];
const META = [
  '国办发〔2019〕5号',
  '湘政办发〔2021〕38号',
  '某市人民政府办公厅',
  '2023年5月6日',
  '2019年01月27日',
  '本方案自印发之日起施行',
  '有效期5年',
  '2025年12月31日废止',
  '附件：1.任务分工表',
  '抄送：市委办公室',
  '联系人：张三',
  '责任编辑：李四',
  '编者按',
  '作者单位：某大学',
  '发文机关：',
  '标题：',
  '成文日期：',
  '（此件公开发布）',
  '目录',
  '主要目标',
];
const MARKUP = [
  '<p>',
  '</p>',
  '<table><tr><td>',
  '</td><td>',
  '</td></tr></table>',
  '<br>',
  '<br/>',
  '<div class="TRS_Editor">',
  '</div>',
  '<script>var a="<p>（一）";</script>',
  '<style>p{margin:0}</style>',
  '<!--',
  '-->',
  '&nbsp;',
  '&amp;',
  '&#x4e00;',
  '&#20013;',
  '&#9999999999;',
  '&lt;',
  '&',
  '<',
  '>',
  '</',
  '<p',
  '[',
  ']',
  '](http://x)',
  '![a](b.png)',
  '`',
  '```',
  '#',
  '## ',
  '**',
  '__',
  '- ',
  '* ',
  '> ',
  '|',
  '---',
  '---\ntitle: x\ndate: 2021-04-01\n---\n',
  '<meta name="ArticleTitle" content="标题">',
  '<meta name="PubDate" content="2019-02-15">',
  '<title>',
  '</title>',
];
const SPACES = [' ', '\t', '\n', '\r\n', '\r', '\u3000', '\u00a0', '\ufeff', '\u2028', '\u200b'];
const FRAGMENTS = [...LABELS.section, ...LABELS.item, ...LABELS.sub, ...LABELS.qa, ...BRACKETS, ...DATES, ...META];
/** Units whose long runs once made a step slow, and their kin. */
const RUN_UNITS = [
  ' ',
  '\n',
  '[',
  '<',
  '（',
  '）',
  '(',
  '〔',
  '【',
  '《',
  '“',
  '、',
  '，',
  '。',
  '一',
  '0',
  '#',
  '`',
  '*',
  '&',
  '-',
  '|',
  '>',
  '\u3000',
  '到2022年底x',
  '第一条\n',
  '一、\n',
  '（一）',
  '<a',
  '&#',
  '[](',
  '**',
  '负责',
  '等',
  '年底前',
  '问：',
];

type Maker = (r: Random) => string | Uint8Array;

/** A size between min and max, log-uniform: mostly small inputs, now and then a large one. */
const sized = (r: Random, min: number, max: number): number => Math.round(min * (max / min) ** r.next());

const clause = (r: Random): string =>
  r.chance(0.3) ? r.pick(FRAGMENTS) : CLAUSES.length > 0 ? r.pick(CLAUSES) : r.pick(FRAGMENTS);

/** A body sentence: real clauses with genre fragments spliced in. */
function body(r: Random): string {
  const parts: string[] = [];
  for (let i = r.int(1, 5); i > 0; i--) {
    parts.push(clause(r));
    if (r.chance(0.3)) parts.push(r.pick(DATES));
    if (r.chance(0.1)) parts.push(r.pick(SPACES));
  }
  if (r.chance(0.5)) parts.push(r.pick(BRACKETS));
  if (r.chance(0.3)) parts.push(r.pick(['。', '；', '', '，']));
  return parts.join('');
}

/** Labels of one scheme numbered 1, 2, 3… — with the occasional skip, repeat or restart. */
function numbered(r: Random, scheme: readonly string[], count: number): string[] {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; i < count; i++) {
    n = r.chance(0.05) ? r.int(1, 12) : r.chance(0.05) ? 1 : n + 1;
    out.push(labelFor(r.pick(scheme), n));
  }
  return out;
}

const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
function chinese(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  if (n < 20) return `十${NUMERALS[n - 10]}`;
  return `${NUMERALS[Math.floor(n / 10) % 10]}十${NUMERALS[n % 10]}`;
}
/** The label of scheme `like` (一、 （一） 1. （1） ① 第一条 第一章) standing for n. */
function labelFor(like: string, n: number): string {
  if (/^第.+条$/.test(like)) return `第${chinese(n)}条`;
  if (/^第.+章$/.test(like)) return `第${chinese(n)}章`;
  if (/^第.+部分$/.test(like)) return `第${chinese(n)}部分`;
  if (/、$/.test(like) && !/\d/.test(like)) return `${chinese(n)}、`;
  if (/^[（(][一二三四五六七八九十]+[）)]$/.test(like)) return `（${chinese(n)}）`;
  if (/^[（(]\d+[）)]$/.test(like)) return `（${n}）`;
  if (/^[①-⑳]$/.test(like)) return CIRCLED[(n - 1) % CIRCLED.length]!;
  if (/^\d+[.．、]$/.test(like)) return `${n}${like.slice(-1)}`;
  return like;
}

/** A plain-text document: title block, numbered sections and items, maybe a 落款. */
function documentLines(r: Random): string[] {
  const lines: string[] = [];
  if (r.chance(0.8))
    lines.push(r.chance(0.7) && LINES.length > 0 ? r.pick(LINES).slice(0, 60) : '某市促进消费若干措施');
  if (r.chance(0.3)) lines.push(r.pick(META));
  if (r.chance(0.5)) lines.push(body(r));
  const itemScheme = r.pick([['（一）'], ['1.'], ['第一条'], ['（1）'], ['①'], ['一、'], LABELS.item, LABELS.sub]);
  const sections = r.chance(0.6) ? numbered(r, r.pick([['一、'], ['第一章'], LABELS.section]), r.int(1, 4)) : [''];
  const longHeading = r.chance(0.05);
  for (const section of sections) {
    if (section !== '') {
      lines.push(section + (longHeading ? clause(r).repeat(r.int(20, 300)) : clause(r).slice(0, 30)));
    }
    const items = numbered(r, itemScheme, longHeading ? r.int(30, 200) : r.int(0, 8));
    for (const label of items) {
      lines.push(label + (longHeading ? clause(r).slice(0, 8) : body(r)));
      if (!longHeading && r.chance(0.2)) {
        for (const sub of numbered(r, LABELS.sub, r.int(1, 4))) lines.push(sub + body(r));
      }
    }
  }
  if (r.chance(0.3)) lines.push(r.pick(['本方案自印发之日起施行。', '附件：1.任务分工表', '抄送：市委办公室。']));
  if (r.chance(0.4))
    lines.push('某市人民政府办公厅', r.pick(['2023年5月6日', '2019年1月27日', '二〇二一年六月一日', '2099年9月9日']));
  if (r.chance(0.2)) {
    for (let i = r.int(2, 6); i > 0; i--) lines.push(`问：${body(r)}`, `答：${body(r)}`);
  }
  return lines;
}

function asHtml(r: Random, lines: string[]): string {
  const tags = ['p', 'div', 'td', 'span', 'li', 'h1', 'font'];
  const inner = lines.map((l) => {
    const t = r.pick(tags);
    const text = r.chance(0.1) ? l.replace(/&/g, '&amp;').replace(/ /g, '&nbsp;') : l;
    return r.chance(0.9) ? `<${t}>${text}</${t}>` : `${text}<br>`;
  });
  if (r.chance(0.3)) inner.splice(r.int(0, inner.length), 0, r.pick(MARKUP));
  const head = r.chance(0.7) ? `<head><meta charset="utf-8"><title>${lines[0] ?? ''}</title></head>` : '';
  return `<!doctype html><html>${head}<body>${inner.join(r.pick(['\n', '', ' ']))}</body></html>`;
}

function asMarkdown(r: Random, lines: string[]): string {
  const md = lines.map((l, i) => {
    if (i === 0) return `# ${l}`;
    if (r.chance(0.1)) return `**${l}**`;
    if (r.chance(0.1)) return `- ${l}`;
    if (r.chance(0.05)) return `> ${l}`;
    if (r.chance(0.05)) return `[${l}](http://example.com/${i})`;
    return l;
  });
  const text = md.join(r.pick(['\n\n', '\n']));
  return r.chance(0.3) ? `---\ntitle: '${lines[0] ?? ''}'\ndate: 2021-04-01\n---\n${text}` : text;
}

const recombined: Maker = (r) => {
  const lines = documentLines(r);
  const form = r.int(0, 2);
  return form === 0 ? lines.join(r.pick(['\n', '\n\n', '\r\n'])) : form === 1 ? asHtml(r, lines) : asMarkdown(r, lines);
};

/** A real document, cut to a window and damaged: spans deleted, doubled, swapped, fragments and runs inserted. */
const mutated: Maker = (r) => {
  const source = r.chance(0.5) && PAGES.length > 0 ? r.pick(PAGES) : r.pick(TEXTS);
  const start = r.int(0, Math.max(0, source.length - 1000));
  let s = source.slice(r.chance(0.3) ? 0 : start, start + sized(r, 200, 8000));
  for (let k = r.int(1, 8); k > 0; k--) {
    const a = r.int(0, s.length);
    const b = Math.min(s.length, a + r.int(0, 400));
    switch (r.int(0, 6)) {
      case 0:
        s = s.slice(0, a) + s.slice(b);
        break;
      case 1:
        s = s.slice(0, b) + s.slice(a, b) + s.slice(a);
        break;
      case 2:
        s = s.slice(0, a) + r.pick([...FRAGMENTS, ...MARKUP, ...SPACES]) + s.slice(a);
        break;
      case 3:
        s = s.slice(0, a) + r.pick(RUN_UNITS).repeat(r.int(10, 2000)) + s.slice(a);
        break;
      case 4: {
        const c = r.int(0, s.length);
        s = c > b ? s.slice(0, a) + s.slice(b, c) + s.slice(a, b) + s.slice(c) : s;
        break;
      }
      case 5:
        s = s.slice(0, a) + s.slice(a, b).replace(/\s+/g, '') + s.slice(b);
        break;
      default:
        s = s.slice(0, a) + s.slice(a, b).split('').reverse().join('') + s.slice(b);
    }
  }
  return s;
};

/** Code points from every plane and category: controls, surrogate halves, CJK, full-width, combining, emoji. */
const unicode: Maker = (r) => {
  const ranges: Array<[number, number]> = [
    [0, 0x1f],
    [0x20, 0x7e],
    [0x80, 0x2ff],
    [0x300, 0x36f],
    [0x2000, 0x206f],
    [0x3000, 0x303f],
    [0x4e00, 0x9fff],
    [0xd800, 0xdfff],
    [0xe000, 0xf8ff],
    [0xfe30, 0xfe4f],
    [0xff00, 0xffef],
    [0xfff0, 0xffff],
    [0x1f300, 0x1faff],
    [0x20000, 0x2a6df],
    [0x10fff0, 0x10ffff],
  ];
  const parts: string[] = [];
  for (let n = r.int(1, 3000); n > 0; n--) {
    if (r.chance(0.1)) parts.push(r.pick(FRAGMENTS));
    else if (r.chance(0.05)) parts.push(r.pick(SPACES));
    else {
      const [lo, hi] = r.pick(ranges);
      const cp = r.int(lo, hi);
      // Lone surrogate halves are kept as UTF-16 code units (String.fromCodePoint would pair nothing).
      parts.push(cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp));
    }
  }
  return parts.join('');
};

/** One unit repeated thousands of times, alone or inside a document. */
const run: Maker = (r) => {
  const unit = r.pick(RUN_UNITS);
  const repeated = unit.repeat(Math.ceil(sized(r, 200, 12_000) / unit.length));
  if (r.chance(0.4)) return repeated;
  const lines = documentLines(r);
  lines.splice(
    r.int(0, lines.length),
    0,
    r.chance(0.5) ? repeated : `${r.pick(FRAGMENTS)}${repeated}${r.pick(FRAGMENTS)}`,
  );
  return lines.join('\n');
};

/** Unbalanced and deeply nested brackets, tags, quotes and labels. */
const nesting: Maker = (r) => {
  const depth = sized(r, 5, 2000);
  const other = r.chance(0.5) ? depth : r.int(0, depth * 2);
  const inner = r.pick([...BRACKETS, ...DATES, '市商务局负责', '']);
  const shapes = [
    () => `（一）做。${'（'.repeat(depth)}${inner}${'）'.repeat(other)}\n（二）做。（市商务局负责）`,
    () => `（一）${'('.repeat(depth)}${inner}${'）'.repeat(other)}。`,
    () => `${'〔'.repeat(depth)}${'【'.repeat(other)}责任单位】${inner}`,
    () => `${'<div>'.repeat(depth)}<p>（一）${inner}</p>${'</div>'.repeat(other)}`,
    () => `${'<p'.repeat(depth)}${'>'.repeat(other)}（一）${inner}`,
    () => `${'<!--'.repeat(depth)}（一）${inner}${'-->'.repeat(other)}`,
    () => `${'> '.repeat(depth)}（一）${inner}`,
    () => `${'['.repeat(depth)}（一）${inner}${']'.repeat(other)}(http://x)`,
    () => `${'**'.repeat(depth)}（一）${inner}${'__'.repeat(other)}`,
    () => `${'《'.repeat(depth)}到2025年底${'》'.repeat(other)}建成。`,
    () => `${'“'.repeat(depth)}十四五${'”'.repeat(other)}期间`,
    () =>
      Array.from(
        { length: Math.min(depth, 400) },
        (_, i) => `${'  '.repeat(i)}${labelFor(r.pick(LABELS.sub), i + 1)}${inner}`,
      ).join('\n'),
    () => Array.from({ length: Math.min(depth, 2000) }, (_, i) => `（${chinese((i % 99) + 1)}）`).join(''),
    () => `一、（一）1.（1）①第一条`.repeat(Math.min(depth, 2000)),
  ];
  const shape = r.pick(shapes)();
  return r.chance(0.5) ? shape : [...documentLines(r), shape, ...documentLines(r)].join('\n');
};

/** One line tens of thousands of characters long, labels and brackets inside it. */
const hugeLine: Maker = (r) => {
  const parts: string[] = [];
  let n = 0;
  const target = sized(r, 5000, MAX_INPUT_CHARS);
  while (n < target) {
    const p = r.chance(0.2) ? r.pick(FRAGMENTS) : clause(r);
    parts.push(p);
    n += p.length;
  }
  const line = parts.join('');
  return r.chance(0.5) ? line : `某市促进消费若干措施\n（一）${line}\n（二）${line.slice(0, 200)}`;
};

/** Bytes that are not clean UTF-8 text: random bytes, flipped bytes, GBK, UTF-16, file signatures, NULs. */
const bytes: Maker = (r) => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  switch (r.int(0, 7)) {
    case 0:
      return Uint8Array.from({ length: r.int(0, 4000) }, () => r.int(0, 255));
    case 1: {
      const b = utf8(recombined(r) as string);
      for (let k = r.int(1, 20); k > 0 && b.length > 0; k--) b[r.int(0, b.length - 1)] = r.int(0, 255);
      return b;
    }
    case 2: {
      // encodeGbk covers text GBK can hold: the recombined lines without characters it may lack.
      const text = documentLines(r)
        .join('\n')
        .replace(/[^\t\n\r\u0020-\u007e\u4e00-\u9fa5，。；：、（）“”《》【】〔〕]/g, '');
      return encodeGbk(text);
    }
    case 3: {
      const text = documentLines(r).join('\n');
      const b = Buffer.from(`\ufeff${text}`, 'utf16le');
      return r.chance(0.5) ? b : b.subarray(2);
    }
    case 4:
      return utf8(
        `${r.pick(['%PDF-1.4\n', 'PK\u0003\u0004', '\u00d0\u00cf\u0011\u00e0', 'GIF89a', '\u0089PNG'])}${documentLines(r).join('\n')}`,
      );
    case 5: {
      const b = utf8(documentLines(r).join('\n'));
      for (let k = r.int(1, 5); k > 0 && b.length > 0; k--) b[r.int(0, b.length - 1)] = 0;
      return b;
    }
    case 6:
      return utf8(`\ufeff${documentLines(r).join('\n')}`);
    default:
      return new Uint8Array(0);
  }
};

const MAKERS: Array<[string, Maker, number]> = [
  ['recombined', recombined, 35],
  ['mutated', mutated, 20],
  ['unicode', unicode, 8],
  ['run', run, 10],
  ['nesting', nesting, 10],
  ['huge-line', hugeLine, 2],
  ['bytes', bytes, 12],
];

const FILE_NAMES = {
  text: ['doc.txt', 'DOC.TXT', '政策 文件.txt'],
  html: ['page.html', 'page.htm', 'A.HTML'],
  md: ['notes.md', 'readme.markdown'],
};
const ALL_NAMES = [...FILE_NAMES.text, ...FILE_NAMES.html, ...FILE_NAMES.md, 'noext', '.hidden', 'a.txt.html'];

export interface GeneratedInput {
  index: number;
  maker: string;
  file: string;
  bytes: Uint8Array;
}

/** Input `index` of the run seeded `seed` (its own generator, seed + index). */
export function generateInput(seed: number, index: number): GeneratedInput {
  const r = seededRandom(seed + index);
  const roll = r.next() * MAKERS.reduce((n, m) => n + m[2], 0);
  let below = 0;
  const [maker, make] = MAKERS.find((m) => {
    below += m[2];
    return roll < below;
  })!;
  const made = make(r);
  const text = typeof made === 'string' ? made.slice(0, MAX_INPUT_CHARS) : null;
  const looks = text === null ? 'text' : /<\/?[a-z]/i.test(text) ? 'html' : /^#|\*\*|\]\(/m.test(text) ? 'md' : 'text';
  // Mostly a name that matches the content, sometimes one that does not (content decides, not the name).
  const file = r.chance(0.8) ? r.pick(FILE_NAMES[looks]) : r.pick(ALL_NAMES);
  return { index, maker, file, bytes: text === null ? (made as Uint8Array) : new TextEncoder().encode(text) };
}
