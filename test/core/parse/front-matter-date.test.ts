import { describe, expect, it } from 'vitest';
import { dateFromFrontMatter } from '../../../src/core/parse/markup.ts';

describe('dateFromFrontMatter', () => {
  it('dates a zoned timestamp in Beijing time (UTC+8, no daylight saving)', () => {
    expect(dateFromFrontMatter('Thu, 01 Apr 2021 03:25:43 GMT')).toBe('2021-04-01');
    expect(dateFromFrontMatter('2021-03-31T20:00:00Z')).toBe('2021-04-01');
  });

  it('keeps a zone-less date as written, whatever the host’s time zone', () => {
    // Node applies a change of process.env.TZ at once; the offsets checked first show the switch took effect.
    const hostOffsetMinutes: Record<string, number> = {
      UTC: 0,
      'America/New_York': 240,
      'Asia/Shanghai': -480,
      'Pacific/Kiritimati': -840,
    };
    const saved = process.env.TZ;
    try {
      for (const [tz, offset] of Object.entries(hostOffsetMinutes)) {
        process.env.TZ = tz;
        expect(new Date(2023, 4, 1, 23, 30).getTimezoneOffset(), tz).toBe(offset);
        expect(['2023-05-01T23:30:00', 'May 1, 2023 23:30', '2023年5月1日'].map(dateFromFrontMatter), tz).toEqual([
          '2023-05-01',
          '2023-05-01',
          '2023-05-01',
        ]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
