import { describe, expect, it } from 'vitest';
import { isQuietAt, parseQuietHours } from '../../src/lib/quiet-hours.ts';

const SH = 'Asia/Shanghai';
// Shanghai is UTC+8: 12:00Z is 20:00 there.
describe('quiet hours', () => {
  it('reads HH:MM-HH:MM and refuses anything else', () => {
    expect(parseQuietHours('20:00-08:00')).toEqual({ startMinute: 1200, endMinute: 480 });
    expect(parseQuietHours('12:30-13:30')).toEqual({ startMinute: 750, endMinute: 810 });
    for (const bad of ['20-08', '25:00-08:00', '20:00', '08:00-08:00', '20:00-08:00-09:00'])
      expect(parseQuietHours(bad)).toBeUndefined();
  });

  it('spans midnight when the end is before the start, start inclusive, end exclusive', () => {
    const q = parseQuietHours('20:00-08:00');
    expect(isQuietAt(q, new Date('2026-11-23T11:59:00Z'), SH)).toBe(false); // 19:59
    expect(isQuietAt(q, new Date('2026-11-23T12:00:00Z'), SH)).toBe(true); // 20:00
    expect(isQuietAt(q, new Date('2026-11-23T18:00:00Z'), SH)).toBe(true); // 02:00
    expect(isQuietAt(q, new Date('2026-11-23T23:59:00Z'), SH)).toBe(true); // 07:59
    expect(isQuietAt(q, new Date('2026-11-24T00:00:00Z'), SH)).toBe(false); // 08:00
    expect(isQuietAt(undefined, new Date('2026-11-23T18:00:00Z'), SH)).toBe(false);
  });
});
