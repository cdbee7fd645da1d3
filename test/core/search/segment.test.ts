import { describe, expect, it } from 'vitest';
import { normalizeForSearch } from '../../../src/core/search/normalize.ts';
import {
  charColumn,
  charTokens,
  indexColumnsAhead,
  indexColumnsWith,
  indexFingerprint,
  SEGMENTATION_RULES_VERSION,
  segmentForIndex,
  segmentQuery,
  wordsOnly,
} from '../../../src/core/search/segment.ts';
import type { Segmenter } from '../../../src/core/search/segmenter.ts';

/**
 * A tiny segmenter: precise mode cuts at '|'; for the index, search mode also emits each half of a 4-character
 * word, then full mode every 2-character window not already given. It records what it was given, to show what
 * reaches the segmenter.
 */
function fakeSegmenter(fingerprint = 'dict-a') {
  const seen: string[] = [];
  const words = (text: string) => text.split(/[|\s]+/).filter(Boolean);
  const seg: Segmenter = {
    cut: (t) => {
      seen.push(t);
      return words(t);
    },
    cutForIndex: (t) => {
      seen.push(t);
      const search = words(t).flatMap((w) => (w.length === 4 ? [w.slice(0, 2), w.slice(2), w] : [w]));
      const all = words(t).flatMap((w) =>
        Array.from({ length: Math.max(0, w.length - 1) }, (_, i) => w.slice(i, i + 2)),
      );
      return [...search, ...all.filter((w) => !search.includes(w))].join(' ');
    },
    fingerprint: () => fingerprint,
  };
  return { seg, seen };
}

describe('segmentQuery', () => {
  it('keeps ASCII runs whole and in place; only the text between them reaches the segmenter', () => {
    const { seg, seen } = fakeSegmenter();
    expect(segmentQuery(seg, normalizeForSearch('建成|５Ｇ基站|2022年'))).toEqual(['建成', '5g', '基站', '2022', '年']);
    expect(seen.join('')).not.toMatch(/[0-9a-z]/);
  });

  it('drops punctuation and never calls the segmenter for punctuation only', () => {
    const { seg, seen } = fakeSegmenter();
    expect(segmentQuery(seg, normalizeForSearch('，。！'))).toEqual([]);
    expect(seen).toEqual([]);
  });
});

describe('segmentForIndex', () => {
  it('emits ASCII runs, the search-mode words and full-mode words not already emitted', () => {
    const { seg } = fakeSegmenter();
    expect(segmentForIndex(seg, '市场监管 5G')).toEqual(['5g', '市场', '监管', '市场监管', '场监']);
  });

  it('splits a segmenter token containing punctuation into FTS tokens', () => {
    const seg: Segmenter = { ...fakeSegmenter().seg, cutForIndex: () => '冷链·追溯' };
    expect(segmentForIndex(seg, '冷链·追溯')).toEqual(['冷链', '追溯']);
  });
});

describe('indexColumnsAhead', () => {
  const sources = [
    { title: '冷链|物流', text: '建设|冷链|物流|5G|基站', section: '扩大|消费', departments: '市商务局、市发展改革委' },
    { title: '直播|电商', text: '发展|直播|电商', section: '扩大|消费', departments: '市商务局、市发展改革委' },
    { title: '（一）', text: '2022', section: null, departments: '' },
  ];

  it('gives the columns indexColumnsWith gives, each distinct piece cut once, in one batch', async () => {
    const { seg, seen } = fakeSegmenter();
    const batches: string[][] = [];
    const batched: Segmenter = {
      ...seg,
      cutForIndexBatch: async (texts) => {
        batches.push(texts);
        return texts.map((t) => seg.cutForIndex(t));
      },
    };
    const columns = await indexColumnsAhead(batched, sources);
    const cutSoFar = seen.length;
    const expected = indexColumnsWith(fakeSegmenter().seg);
    for (const r of sources) expect(columns(r)).toEqual(expected(r));
    // Asking for the columns cuts nothing more.
    expect(seen).toHaveLength(cutSoFar);
    expect(batches).toHaveLength(1);
    // The shared section and departments once; punctuation and digits never reach the segmenter.
    expect(batches[0]!.filter((t) => t.includes('扩大'))).toHaveLength(1);
    expect(batches[0]!.filter((t) => t.includes('商务局'))).toHaveLength(1);
    expect(batches[0]!.join('')).not.toMatch(/[0-9a-z]/);
  });

  it('cuts on the calling thread when the segmenter has no batch, and serves a measure it was not given', async () => {
    const { seg, seen } = fakeSegmenter();
    const columns = await indexColumnsAhead(seg, sources.slice(0, 1));
    const other = { title: '网约车', text: '规范|网约车', section: null, departments: '' };
    expect(columns(other)).toEqual(indexColumnsWith(fakeSegmenter().seg)(other));
    expect(seen).toContain('规范|网约车');
  });
});

describe('indexFingerprint', () => {
  it('changes with the dictionary and names the rules version', () => {
    expect(indexFingerprint(fakeSegmenter('a').seg)).not.toBe(indexFingerprint(fakeSegmenter('b').seg));
    expect(indexFingerprint(fakeSegmenter('a').seg)).toContain(SEGMENTATION_RULES_VERSION);
  });
});

describe('charTokens', () => {
  it('gives one token per letter or digit for the phrase column', () => {
    expect(charTokens(normalizeForSearch('冷链,5G'))).toEqual(['冷', '链', '5', 'g']);
  });
});

describe('charColumn', () => {
  it('stores one token per letter or digit, space-separated, whatever stands between them', () => {
    expect(charColumn(normalizeForSearch('冷链,5G'))).toBe('冷 链 5 g');
    expect(charColumn(normalizeForSearch('，（一）加快 建设。\n'))).toBe('一 加 快 建 设');
    expect(charColumn('')).toBe('');
    expect(charColumn('，。！')).toBe('');
  });

  it('keeps letters outside the BMP whole and drops symbols there (𠮷 is a letter, 😀 is not)', () => {
    expect(charColumn('𠮷野家😀消费')).toBe('𠮷 野 家 消 费');
  });

  it('gives the same tokens as charTokens on long mixed text (the buffer grows)', () => {
    const text = normalizeForSearch('到2025年，建成５Ｇ基站（累计）、“十四五”期间；ａｂｃ·×—'.repeat(500));
    expect(charColumn(text)).toBe(charTokens(text).join(' '));
  });
});

describe('wordsOnly', () => {
  it('makes each run of punctuation, spaces or symbols one space, with none at the ends', () => {
    expect(wordsOnly('冷链 ， 物流  ')).toBe('冷链 物流');
    expect(wordsOnly('（一） 加快\t建设。\n5g 基站')).toBe('一 加快 建设 5g 基站');
    expect(wordsOnly('市场监管局')).toBe('市场监管局');
    expect(wordsOnly('')).toBe('');
    expect(wordsOnly(' 、；：“”')).toBe('');
  });

  it('keeps letters outside the BMP and private-use characters, and drops symbols there', () => {
    expect(wordsOnly('𠮷野家 😀 消费')).toBe('𠮷野家 消费');
    expect(wordsOnly('\ue000字 😀😀')).toBe('\ue000字');
  });

  it('is the same as replacing every non-letter run on long text (the buffer grows past any earlier text)', () => {
    const text = '到 2025 年 ， 建成 ５Ｇ 基站 （ 累计 ） 、 “ 十四五 ” 期间 ； ａｂｃ · × — '.repeat(800);
    expect(wordsOnly(text)).toBe(text.replace(/[^\p{L}\p{N}\p{Co}]+/gu, ' ').trim());
  });
});
