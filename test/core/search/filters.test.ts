import { describe, expect, it } from 'vitest';
import { SearchInputError } from '../../../src/core/search/errors.ts';
import { hasFilters, parseDueBound, regionStem, resolveFilters } from '../../../src/core/search/filters.ts';

describe('search filters', () => {
  it('reads years and months as the first or last day of the period', () => {
    expect(parseDueBound('2023', 'from')).toBe('2023-01-01');
    expect(parseDueBound('2023', 'to')).toBe('2023-12-31');
    expect(parseDueBound('2024-02', 'to')).toBe('2024-02-29');
    expect(parseDueBound('2023-06', 'from')).toBe('2023-06-01');
    expect(parseDueBound('２０２３年', 'to')).toBe('2023-12-31');
    expect(parseDueBound('2023-06-30', 'to')).toBe('2023-06-30');
  });

  it('refuses what is not a date, and empty ranges', () => {
    for (const bad of ['2023-13', '2023-02-30', 'soon', "'; DROP"])
      expect(() => parseDueBound(bad, 'to')).toThrow(SearchInputError);
    expect(() => resolveFilters({ dueFrom: '2024', dueTo: '2023' }, '2024-01-01')).toThrow(/empty/);
  });

  it('treats 天津 and 天津市 alike', () => {
    expect(regionStem('天津市')).toBe('天津');
    expect(regionStem('天津')).toBe('天津');
    expect(regionStem('湖南省')).toBe('湖南');
  });

  it('accepts item kinds as their documents’ kinds and refuses others', () => {
    expect(resolveFilters({ kind: 'answer' }, '2024-01-01').kind).toBe('qa');
    expect(() => resolveFilters({ kind: 'law' as never }, '2024-01-01')).toThrow(SearchInputError);
  });

  it('knows whether any filter is given', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ department: '  ' })).toBe(false);
    expect(hasFilters({ inForce: true })).toBe(true);
  });
});
