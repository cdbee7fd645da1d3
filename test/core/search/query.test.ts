import { beforeAll, describe, expect, it } from 'vitest';
import { QueryTooLongError, SearchInputError } from '../../../src/core/search/errors.ts';
import {
  charMatch,
  ftsString,
  highlightNeedles,
  MAX_QUERY_CHARS,
  parseQuery,
  wordMatch,
  wordOrCharMatch,
} from '../../../src/core/search/query.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

// Loading jieba's dictionaries takes a second or more on a busy machine; keep it out of the first test's time.
beforeAll(() => warmSegmenter(testSegmenter), 60_000);
const jieba = testSegmenter;

describe('parseQuery', () => {
  it('keeps only the alias spellings of a department that can match more than the term or a shorter spelling', () => {
    // 商务和投资促进 holds 商务 itself; 发展和改革 holds every word of 发展改革.
    expect(parseQuery('商务', jieba).alternatives).toEqual([[['商委']]]);
    const fgw = parseQuery('发改委', jieba).alternatives[0]!;
    expect(fgw).toContainEqual(['发展', '改革']);
    expect(fgw.some((words) => words.includes('和'))).toBe(false);
    expect(parseQuery('人社', jieba).alternatives[0]).toContainEqual(['人力资源', '社会保障']);
  });

  it('cuts words and keeps each chunk as an exact phrase', () => {
    const q = parseQuery('冷链追溯 5G', jieba);
    expect(q.terms).toEqual(['冷链', '追溯', '5g']);
    expect(q.chunks).toEqual([
      ['冷', '链', '追', '溯'],
      ['5', 'g'],
    ]);
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

  it('writes FTS syntax only around quoted tokens, whatever the user typed', () => {
    for (const text of [
      '冷链 OR NEAR(x y) NOT a* ^b c:d',
      '"冷链" -"物流 OR" AND {title} : x',
      "'; DROP TABLE x; --",
      '冷链 ) OR ( "',
    ]) {
      const m = wordOrCharMatch(parseQuery(text, jieba));
      // Outside double-quoted strings only this module's own syntax is left.
      const outside = m.replace(/"(?:[^"]|"")*"/g, ' ');
      expect(outside.replace(/\{title departments body\}|\b(AND|OR|NOT|departments|chars)\b|[:()]/g, '').trim()).toBe(
        '',
      );
    }
  });

  it('ANDs words, ORs the words either side of OR, excludes -word and NOT word', () => {
    const q = parseQuery('冷链 物流 OR 仓储 -进口 NOT 冷冻', jieba);
    expect(q.clauses.map((c) => c.map((p) => p.terms))).toEqual([[['冷链']], [['物流'], ['仓储']]]);
    expect(q.excluded.map((p) => p.terms)).toEqual([['进口'], ['冷冻']]);
    expect(wordMatch(q)).toBe(
      '({title departments body} : "冷链" AND (({title departments body} : "物流") OR ({title departments body} : "仓储"))) NOT ' +
        '(({title departments body} : "进口") OR (chars : "进 口") OR ({title departments body} : "冷冻") OR (chars : "冷 冻"))',
    );
    expect(parseQuery('冷链 AND 物流', jieba).clauses).toEqual(parseQuery('冷链 物流', jieba).clauses);
    expect(parseQuery('冷链 | 物流', jieba).clauses).toHaveLength(1);
  });

  it('matches a quoted phrase as an exact run of characters, in ASCII, Chinese or corner quotes', () => {
    for (const text of ['"冷链物流"', '“冷链物流”', '「冷链物流」']) {
      const q = parseQuery(text, jieba);
      expect(wordMatch(q)).toBe('chars : "冷 链 物 流"');
      expect(highlightNeedles(q)).toEqual(['冷链物流']);
    }
    expect(wordMatch(parseQuery('-"冷链物流" 仓储', jieba))).toContain('NOT');
  });

  it('keeps a simple query as it was: terms ANDed, no operator words', () => {
    expect(wordMatch(parseQuery('冷链追溯', jieba))).toBe(
      '{title departments body} : "冷链" AND {title departments body} : "追溯"',
    );
    expect(charMatch(parseQuery('冷链 物流', jieba))).toBe('chars : "冷 链" AND chars : "物 流"');
    // A hyphen inside a word is not an exclusion; lower-case or is a word.
    expect(parseQuery('2023-2025', jieba).excluded).toEqual([]);
    expect(parseQuery('冷链 or', jieba).clauses).toHaveLength(2);
  });

  it('reports syntax it does not support and searches its words', () => {
    const q = parseQuery('NEAR(冷链 物流) 仓储* ^电商', jieba);
    expect(q.unsupported).toEqual(['NEAR(…)', '*', '^']);
    expect(q.terms).toEqual(['冷链', '物流', '仓储', '电商']);
    expect(parseQuery('冷链', jieba).unsupported).toEqual([]);
  });

  it('refuses a query that only excludes', () => {
    expect(() => parseQuery('-冷链', jieba)).toThrow(expect.objectContaining({ code: 'only_excluded' }));
  });

  it('doubles quotes inside FTS strings', () => {
    expect(ftsString('a"b')).toBe('"a""b"');
  });

  it('highlights chunks, multi-character words and department aliases', () => {
    expect(highlightNeedles(parseQuery('冷链的追溯', jieba))).toEqual(['冷链的追溯', '冷链', '追溯']);
    expect(highlightNeedles(parseQuery('人社', jieba))).toContain('人力资源社会保障');
  });
});
