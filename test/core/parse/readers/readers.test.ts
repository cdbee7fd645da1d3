import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../../src/core/parse/index.ts';
import { chineseCounting, formatNumber } from '../../../../src/core/parse/readers/docx-numbering.ts';
import { withoutAutospace } from '../../../../src/core/parse/readers/pdf.ts';
import {
  dropFurniture,
  isPageNumber,
  type PdfLine,
  toPdfParagraphs,
} from '../../../../src/core/parse/readers/pdf-layout.ts';
import { REPO_ROOT } from '../../../helpers/paths.ts';
import { readRefusal } from '../helpers.ts';

const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');
const fixture = (name: string) => new Uint8Array(readFileSync(path.join(FORMATS, name)));

/** An A4 page of body lines: left margin 80, right margin 515, 16 pt; `indent` lines start two characters in. */
function line(text: string, opts: { y: number; indent?: boolean; short?: boolean; x0?: number }): PdfLine {
  const x0 = opts.x0 ?? (opts.indent ? 112 : 80);
  return { text, x0, x1: opts.short ? x0 + text.length * 16 : 515, y: opts.y, size: 16 };
}

describe('Word list numbering', () => {
  it('renders chineseCounting and the other numFmts as Word draws them', () => {
    expect([1, 10, 11, 19, 20, 21, 99, 100, 105, 110].map(chineseCounting)).toEqual([
      '一',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
    ]);
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
  });

  it('writes the generated labels, restarts deeper levels, skips bullets and flattens tables row by row', async () => {
    const read = await readDocument({ file: 'lists.docx', bytes: fixture('lists-and-table.docx') });
    expect(read.format).toBe('docx');
    expect(read.text.split('\n')).toEqual([
      '测试清单',
      '一、总体要求',
      '（一）主要目标',
      '1.到2025年建成示范街区。',
      '2.培育市场主体。',
      '二、重点任务',
      // The second-level counter restarts under a new first-level item.
      '（一）发展新业态',
      // Bullets are not numbering: no label.
      '智慧商店',
      '智慧餐厅',
      // A list with w:startOverride 5 on the same definition.
      '五、另起一组',
      '序号\t任务\t责任单位',
      '1\t建设智慧商圈\t市商务局',
      '2\t发展夜间经济\t市文化和旅游局',
      '表后正文。',
    ]);
    expect(read.hints.generatedLabels).toBe(7);
  });
});

describe('PDF page furniture', () => {
  it('knows page numbers as they are printed', () => {
    for (const t of ['— 3 —', '-3-', '- 12 -', '第3页', '第 3 页 共 10 页', '3/10', '7'])
      expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2021年8月3日', '（三）', '3个工作日', '一、总体要求']) expect(isPageNumber(t), t).toBe(false);
  });

  it('drops page numbers and a header repeated on most pages, keeps body lines that repeat elsewhere', () => {
    const page = (n: number, body: string) => [
      line('某市人民政府办公厅', { y: 800, x0: 250, short: true }),
      line(body, { y: 700, indent: true }),
      line('（市商务局）', { y: 672 - 28 * n, short: true }),
      line(`— ${n} —`, { y: 40, x0: 280, short: true }),
    ];
    const { pages, dropped } = dropFurniture([page(1, '第一页正文'), page(2, '第二页正文'), page(3, '第三页正文')]);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([
      ['第一页正文', '（市商务局）'],
      ['第二页正文', '（市商务局）'],
      ['第三页正文', '（市商务局）'],
    ]);
    expect(dropped).toEqual([
      '某市人民政府办公厅',
      '— 1 —',
      '某市人民政府办公厅',
      '— 2 —',
      '某市人民政府办公厅',
      '— 3 —',
    ]);
  });

  it('keeps a first line that appears on one page only', () => {
    const { pages } = dropFurniture([
      [line('关于加快培育新型消费的实施意见', { y: 800, x0: 150, short: true }), line('正文', { y: 700 })],
      [line('（二）促进汽车消费。', { y: 800, indent: true }), line('正文', { y: 700 })],
    ]);
    expect(pages[0]![0]!.text).toBe('关于加快培育新型消费的实施意见');
    expect(pages[1]![0]!.text).toBe('（二）促进汽车消费。');
  });
});

describe('PDF paragraph rejoin', () => {
  it('joins lines that run to the margin, across pages, and starts a paragraph at an indent or after a short line', () => {
    const paras = toPdfParagraphs([
      [
        line('某市促进消费实施方案', { y: 800, x0: 200, short: true }),
        line('（一）发展智慧商店。支持商场、超市', { y: 760, indent: true }),
        line('开展数字化改造，推动线上线下融合', { y: 732 }),
        line('发展。（市商务局）', { y: 704, short: true }),
        line('（二）促进汽车消费。鼓励各区开展', { y: 676, indent: true }),
      ],
      [line('汽车促销活动。（市商务局）', { y: 800, short: true })],
    ]);
    expect(paras).toEqual([
      '某市促进消费实施方案',
      '（一）发展智慧商店。支持商场、超市开展数字化改造，推动线上线下融合发展。（市商务局）',
      '（二）促进汽车消费。鼓励各区开展汽车促销活动。（市商务局）',
    ]);
  });

  it('removes the autospace gap between Han characters and Latin or digits, keeps spaces in Latin text', () => {
    expect(withoutAutospace('到 2023 年实现 5G 基站全覆盖，占比 50% 以上')).toBe(
      '到2023年实现5G基站全覆盖，占比50%以上',
    );
    expect(withoutAutospace('支持“互联网 医疗”，推广 AR and VR 应用')).toBe('支持“互联网 医疗”，推广AR and VR应用');
  });

  it('puts spaces back between Latin words and removes a hyphen that split one', () => {
    expect(
      toPdfParagraphs([
        [
          line('Measures for the digital', { y: 800 }),
          line('trans-', { y: 772 }),
          line('formation of retail.', { y: 744, short: true }),
        ],
      ]),
    ).toEqual(['Measures for the digital transformation of retail.']);
  });
});

describe('refusals name the format', () => {
  it('refuses a scanned PDF: no text layer', async () => {
    const e = await readRefusal('scan.pdf', fixture('scanned.pdf'));
    expect(e.code).toBe('no_text_layer');
    expect(e.message).toMatch(/scan\.pdf has no text layer.*scan/);
  });

  it('refuses .wps by extension, and OFD by extension or by its OFD.xml', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const wps = await readRefusal('通知.wps', ole);
    expect(wps.code).toBe('unsupported_format');
    expect(wps.message).toMatch(/通知\.wps is a WPS Office file.*\.docx/);
    const ofd = await readRefusal('方案.ofd', fixture('sample.ofd'));
    expect(ofd.code).toBe('unsupported_format');
    expect(ofd.message).toMatch(/方案\.ofd is an OFD document/);
    expect((await readRefusal('download.zip', fixture('sample.ofd'))).message).toMatch(/OFD document/);
  });

  it('says when a .docx, .doc or .pdf is damaged', async () => {
    const broken = new TextEncoder().encode('PK\u0003\u0004 not really a zip');
    expect((await readRefusal('plan.docx', broken)).code).toBe('unreadable');
    expect((await readRefusal('plan.pdf', new TextEncoder().encode('%PDF-1.7 truncated'))).code).toBe('unreadable');
    expect(
      (await readRefusal('plan.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3]))).code,
    ).toBe('unreadable');
  });

  it('refuses an oversized upload before reading it', async () => {
    const e = await readRefusal('big.pdf', new Uint8Array(6 * 1024 * 1024));
    expect(e.code).toBe('too_large');
  });
});
