import { describe, expect, it } from 'vitest';
import { decodeSearchState, encodeSearchState, toSearch } from '../../../src/slack/search/search-state.ts';

const TODAY = '2023-03-01';

describe('search requests in button values', () => {
  it('round-trip, and anything tampered decodes to undefined', () => {
    const r = { source: 'dept' as const, args: '商务局 冷链', offset: 8 };
    expect(decodeSearchState(encodeSearchState(r))).toEqual(r);
    for (const bad of [
      '',
      'x',
      '{"source":"sql","args":"","offset":0}',
      '{"source":"search","args":"a","offset":-1}',
      JSON.stringify({ source: 'search', args: 'x'.repeat(600), offset: 0 }),
    ]) {
      expect(decodeSearchState(bad)).toBeUndefined();
    }
  });
  it('dept takes its first word as the department and the rest as keywords', () => {
    const r = toSearch({ source: 'dept', args: '商务局 冷链 年:2023', offset: 0 }, TODAY);
    expect(r.ok && r.search.query).toBe('冷链');
    expect(r.ok && r.search.filters).toEqual({ department: '商务局', dueFrom: '2023-01-01', dueTo: '2023-12-31' });
  });
});
