import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../src/core/search/normalize.ts';
import { charTokens, indexFingerprint, segmentForIndex, segmentQuery } from '../../src/core/search/segment.ts';
import { createJiebaSegmenter, USER_DICT_PATH, warmSegmenter } from '../../src/search/jieba-segmenter.ts';
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
