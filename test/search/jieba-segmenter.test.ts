import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/core/search/normalize.ts';
import { charTokens, indexFingerprint, segmentForIndex, segmentQuery } from '../../src/core/search/segment.ts';
import {
  createJiebaSegmenter,
  joinIndexWords,
  USER_DICT_PATH,
  warmSegmenter,
} from '../../src/search/jieba-segmenter.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);

const jieba = testSegmenter;
const query = (s: string) => segmentQuery(jieba, normalizeForSearch(s));
const index = (s: string) => segmentForIndex(jieba, s);

describe('jieba segmentation with the user dictionary', () => {
  it('keeps digit and Latin runs whole (jieba alone splits 2022 → 2/0/2/2 and 5G → 5/G)', () => {
    expect(query('到2022年底累计建成5G基站5万个')).toEqual([
      '到',
      '2022',
      '年底',
      '累计',
      '建成',
      '5g',
      '基站',
      '5',
      '万个',
    ]);
    expect(index('到2022年底累计建成5G基站')).toEqual(expect.arrayContaining(['2022', '5g', '基站']));
    expect(index('到2022年底')).not.toContain('2');
  });

  it('reads full-width digits and letters as ASCII (NFKC) and lower-cases Latin', () => {
    expect(query('２０２２年５Ｇ')).toEqual(['2022', '年', '5g']);
  });

  it.each(['冷链', '车联网', '地铁站点', '直播电商', '网约车', '充电桩', '消费券', '告知承诺制', '灵活就业', '双千兆'])(
    'keeps the domain word %s whole at query time and indexes it',
    (word) => {
      expect(query(word)).toEqual([word]);
      expect(index(`加快${word}建设`)).toContain(word);
    },
  );

  it('indexes every dictionary word inside a longer one, so context does not hide it', () => {
    // The best path reads 市场/监管局; 市场监管 must still be findable there.
    expect(index('市场监管局')).toEqual(expect.arrayContaining(['市场监管', '监管局']));
    expect(index('省人力资源社会保障厅')).toEqual(expect.arrayContaining(['人力资源', '社会保障']));
  });

  it('strips quotes around terms and drops punctuation', () => {
    expect(query('“十四五”期间')).toEqual(['十四五', '期间']);
    expect(query('，。！“”（）')).toEqual([]);
  });

  it('gives one token per letter or digit for the phrase column', () => {
    expect(charTokens(normalizeForSearch('冷链,5G'))).toEqual(['冷', '链', '5', 'g']);
  });
});

describe('cutForIndex', () => {
  it('is built natively (the patched nodejieba) and gives what the two modes give, joined', () => {
    expect(typeof nodejieba.cutForIndex).toBe('function');
    const texts = [
      '',
      '市场监管局',
      '加快推进冷链物流基础设施建设，完善县乡村三级物流体系；',
      '“十四五”期间  新建  充电桩 ！？',
      '省人力资源社会保障厅、省发展改革委按职责分工负责\n（二）',
      '发展'.repeat(2_000),
      '😀消费券🎉',
    ];
    for (const t of texts) {
      expect(jieba.cutForIndex(t)).toBe(joinIndexWords(nodejieba.cutForSearch(t), nodejieba.cutAll(t)));
    }
  });

  it('cuts a batch off the main thread with the same words, while the main thread goes on cutting', async () => {
    const texts = [
      '',
      '市场监管局',
      '加快推进冷链物流基础设施建设，完善县乡村三级物流体系；',
      '省人力资源社会保障厅、省发展改革委按职责分工负责\n（二）',
      '发展'.repeat(2_000),
      '😀消费券🎉',
    ];
    const batch = jieba.cutForIndexBatch!(texts);
    // The pool thread reads the dictionaries while this thread cuts queries with them.
    const meanwhile = texts.map((t) => jieba.cut(t));
    expect(await batch).toEqual(texts.map((t) => jieba.cutForIndex(t)));
    expect(meanwhile).toEqual(texts.map((t) => jieba.cut(t)));
    expect(await jieba.cutForIndexBatch!([])).toEqual([]);
  });

  it('finishes a batch on the dictionaries it started with when another user dictionary is loaded meanwhile', async () => {
    const texts = Array.from({ length: 40 }, (_, i) => `${'加快推进冷链物流基础设施建设'.repeat(200)}${i}`);
    const expected = texts.map((t) => jieba.cutForIndex(t));
    const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dict-')), 'user.dict.utf8');
    fs.writeFileSync(other, '新词汇\n');
    const batch = jieba.cutForIndexBatch!(texts);
    // Loading replaces jieba's dictionaries while the pool thread still reads the old ones.
    createJiebaSegmenter({ userDictPath: other }).cut('冷链');
    expect(await batch).toEqual(expected);
    // And the bot's segmenter loads its own dictionary back on its next cut.
    expect(jieba.cut('冷链物流')).toEqual(['冷链', '物流']);
  }, 30_000);

  it('refuses a batch that is not all strings, before any work starts', () => {
    expect(() => nodejieba.cutForIndexBatch([1 as unknown as string])).toThrow(TypeError);
    expect(() => nodejieba.cutForIndexBatch('冷链' as unknown as string[])).toThrow(/array of strings/);
  });

  it("keeps search mode's repeats (they weigh in ranking) and then full mode's words that search mode did not give", () => {
    expect(joinIndexWords(['冷链', '物流', '冷链'], ['冷链', '链物', '物流', '链物'])).toBe('冷链 物流 冷链 链物 链物');
  });
});

describe('createJiebaSegmenter', () => {
  it('fingerprints the user dictionary, so a changed dictionary means a rebuild', () => {
    const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dict-')), 'user.dict.utf8');
    fs.writeFileSync(other, `${fs.readFileSync(USER_DICT_PATH, 'utf8')}新词汇\n`);
    // Fingerprinting reads the file only; it does not load the other dictionary into jieba.
    expect(createJiebaSegmenter({ userDictPath: other }).fingerprint()).not.toBe(jieba.fingerprint());
    expect(createJiebaSegmenter({ userDictPath: USER_DICT_PATH }).fingerprint()).toBe(jieba.fingerprint());
    expect(indexFingerprint(createJiebaSegmenter({ userDictPath: other }))).not.toBe(indexFingerprint(jieba));
  });
});
