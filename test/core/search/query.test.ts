import { beforeAll, describe, expect, it } from 'vitest';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { charMatch, ftsString, highlightNeedles, parseQuery, wordMatch, MAX_QUERY_CHARS } from '../../../src/core/search/query.ts';
import { QueryTooLongError, SearchInputError } from '../../../src/core/search/errors.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);
const jieba = testSegmenter;

describe('parseQuery', () => {
  it('cuts words and keeps each chunk as an exact phrase', () => {
    const q = parseQuery('冷链追溯 5G', jieba);
    expect(q.terms).toEqual(['冷链', '追溯', '5g']);
    expect(q.chunks).toEqual([['冷', '链', '追', '溯'], ['5', 'g']]);
    expect(q.short).toBe(false);
    expect(parseQuery('券', jieba).short).toBe(true);
    expect(parseQuery('冷链', jieba).short).toBe(true);
  });

  it('refuses queries over the limit with a typed error', () => {
    expect(() => parseQuery('冷'.repeat(MAX_QUERY_CHARS + 1), jieba)).toThrow(QueryTooLongError);
    expect(() => parseQuery('冷'.repeat(4000), jieba)).toThrow(/keep it to 200 characters/);
    expect(() => parseQuery('冷'.repeat(MAX_QUERY_CHARS), jieba)).not.toThrow();
  });

  it('refuses a query with nothing to look for (punctuation, emoji)', () => {
    for (const q of ['***', '😀😀', '()', '"']) {
      const err = (() => {
        try {
          parseQuery(q, jieba);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(SearchInputError);
      expect((err as SearchInputError).code).toBe('no_terms');
    }
  });

  it('writes FTS syntax only around quoted tokens, operators becoming plain words', () => {
    const m = wordMatch(parseQuery('冷链 OR NEAR(x y) NOT a* ^b c:d', jieba));
    // Every user token appears only inside a double-quoted string.
    const outside = m.replace(/"(?:[^"]|"")*"/g, ' ');
    expect(outside.replace(/\{title departments body\}|\b(AND|OR|departments)\b|[:()]/g, '').trim()).toBe('');
    expect(m).toContain('"or"');
    expect(m).toContain('"near"');
    expect(charMatch(parseQuery('冷链 OR', jieba))).toBe('chars : "冷 链" AND chars : "o r"');
  });

  it('doubles quotes inside FTS strings', () => {
    expect(ftsString('a"b')).toBe('"a""b"');
  });

  it('highlights chunks, multi-character words and department aliases', () => {
    expect(highlightNeedles(parseQuery('冷链的追溯', jieba))).toEqual(['冷链的追溯', '冷链', '追溯']);
    expect(highlightNeedles(parseQuery('人社', jieba))).toContain('人力资源社会保障');
  });
});
