import { describe, expect, it } from 'vitest';
import { BROAD_QUERY_MATCHES, COUNTED_MATCHES, matchTiers } from '../../../src/core/search/ranking.ts';

describe('the tiers a query is ranked in', () => {
  it('a word query ranks its words alone, after title and heading tiers when broad', () => {
    expect(matchTiers({ substrings: false, wordCount: 40, counted: 40 })).toEqual(['words']);
    expect(matchTiers({ substrings: false, wordCount: 5000, counted: 5000 })).toEqual(['title', 'heading', 'words']);
  });

  it('substrings come after the words only when they add matches', () => {
    const narrow = Math.floor(BROAD_QUERY_MATCHES / 2);
    expect(matchTiers({ substrings: true, wordCount: narrow, counted: narrow })).toEqual(['words']);
    expect(matchTiers({ substrings: true, wordCount: 5, counted: 12 })).toEqual(['words', 'union']);
  });

  it('no word match: the union alone', () => {
    expect(matchTiers({ substrings: true, wordCount: 0, counted: 7 })).toEqual(['union']);
  });

  it('when words were not counted alone, or past the bound, the union tier stays', () => {
    expect(matchTiers({ substrings: true, wordCount: null, counted: 30 })).toEqual(['words', 'union']);
    const past = COUNTED_MATCHES + 1;
    expect(matchTiers({ substrings: true, wordCount: past, counted: past })).toEqual([
      'title',
      'heading',
      'words',
      'union',
    ]);
    expect(matchTiers({ substrings: true, wordCount: 100, counted: BROAD_QUERY_MATCHES + 1 })).toEqual([
      'title',
      'heading',
      'words',
      'union',
    ]);
  });
});
