import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/edit-distance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('show', 'show')).toBe(0);
    expect(editDistance('shwo', 'show')).toBe(1);
    expect(editDistance('follwups', 'followups')).toBe(1);
    expect(editDistance('assing', 'assign')).toBe(1);
    expect(editDistance('shows', 'show')).toBe(1);
    expect(editDistance('shower', 'show')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('冷鏈', '冷链')).toBe(1);
  });
});
