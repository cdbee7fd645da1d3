import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { fixedClock } from '../../../src/lib/clock.ts';
import { silentLogger } from '../../../src/lib/logger.ts';
import { slackDeps } from '../../../src/slack/deps.ts';
import { homeViewFor } from '../../../src/slack/home/home-view.ts';
import { testDb } from '../../helpers/db.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

describe('the Home tab', () => {
  it('shows the usage of every subcommand, the same lines as /measures help', () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', BOT_LOCALE: 'en' });
    const deps = slackDeps({
      db: testDb(),
      clock: fixedClock('2023-03-01T00:00:00Z'),
      logger: silentLogger,
      config,
      segmenter: testSegmenter,
    });
    const text = JSON.stringify(homeViewFor(deps, 'U1').blocks);
    for (const usage of [
      '/measures show',
      '/measures dept',
      '/measures due',
      '/measures digest',
      '/measures assign',
      '/measures followups',
      '/measures help',
    ]) {
      expect(text).toContain(usage);
    }
  });
});
