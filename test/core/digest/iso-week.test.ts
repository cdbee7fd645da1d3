import { describe, expect, it } from 'vitest';
import { isoWeekKey } from '../../../src/core/digest/iso-week.ts';

describe('isoWeekKey', () => {
  it('puts Monday and the following Sunday in one week and the next Monday in the next', () => {
    expect(isoWeekKey('2025-03-17')).toBe('2025-W12');
    expect(isoWeekKey('2025-03-23')).toBe('2025-W12');
    expect(isoWeekKey('2025-03-24')).toBe('2025-W13');
  });

  it('follows the ISO rule across year ends', () => {
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01');
  });
});
