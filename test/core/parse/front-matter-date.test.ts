import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dateFromFrontMatter } from '../../../src/core/parse/markup.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';

describe('dateFromFrontMatter', () => {
  it('dates a zoned timestamp in Beijing time (UTC+8, no daylight saving)', () => {
    expect(dateFromFrontMatter('Thu, 01 Apr 2021 03:25:43 GMT')).toBe('2021-04-01');
    expect(dateFromFrontMatter('2021-03-31T20:00:00Z')).toBe('2021-04-01');
  });

  it('keeps a zone-less date as written, whatever the host’s time zone', () => {
    const script = `import { dateFromFrontMatter } from './src/core/parse/markup.ts';
      console.log(JSON.stringify(['2023-05-01T23:30:00', 'May 1, 2023 23:30', '2023年5月1日'].map(dateFromFrontMatter)));`;
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: REPO_ROOT,
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      expect(JSON.parse(out), tz).toEqual(['2023-05-01', '2023-05-01', '2023-05-01']);
    }
  }, 30_000);
});
