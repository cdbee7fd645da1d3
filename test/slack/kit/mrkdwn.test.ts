import { describe, expect, it } from 'vitest';
import { boldMatches, escapeAndFit, escapeMrkdwn, truncate } from '../../../src/slack/kit/mrkdwn.ts';

describe('mrkdwn escaping', () => {
  it('escapes exactly & < > so mentions and links cannot be forged', () => {
    expect(escapeMrkdwn('<!channel> <@U1> <https://x|y> a&b')).toBe(
      '&lt;!channel&gt; &lt;@U1&gt; &lt;https://x|y&gt; a&amp;b',
    );
  });
  it('escapeAndFit never exceeds the limit and never cuts inside an entity', () => {
    const out = escapeAndFit('<'.repeat(100), 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.replace(/…$/, '')).toMatch(/^(&lt;)+$/);
  });
  it('truncate counts code points and marks the cut', () => {
    expect(truncate('冷链物流基地', 4)).toBe('冷链物…');
    expect(truncate('冷链', 4)).toBe('冷链');
  });
  it('boldMatches bolds hits, escapes all pieces and stays within max', () => {
    expect(
      boldMatches(
        [
          { text: '发展', hit: false },
          { text: '冷链', hit: true },
          { text: '<b>', hit: false },
        ],
        100,
      ),
    ).toBe('发展*冷链*&lt;b&gt;');
    const long = boldMatches(
      Array.from({ length: 100 }, () => ({ text: '冷链物流', hit: true })),
      200,
    );
    expect(long.length).toBeLessThanOrEqual(200);
  });
});

describe('decodeSlackEntities', () => {
  it('turns Slack’s entities back into the characters the user typed, keeping mentions', async () => {
    const { decodeSlackEntities, escapeMrkdwn } = await import('../../../src/slack/kit/mrkdwn.ts');
    expect(decodeSlackEntities('R&amp;D &lt;b&gt; <@U123|wang>')).toBe('R&D <b> <@U123|wang>');
    // decoding then escaping for display round-trips, so nothing typed can become live markup
    expect(escapeMrkdwn(decodeSlackEntities('&lt;!channel&gt;'))).toBe('&lt;!channel&gt;');
  });
});

describe('boldMatches', () => {
  it('puts bold markers against the matched characters, never against spaces (Slack would show them literally)', async () => {
    const { boldMatches } = await import('../../../src/slack/kit/mrkdwn.ts');
    expect(
      boldMatches(
        [
          { text: '建设 ', hit: false },
          { text: ' 5G 基站 ', hit: true },
          { text: '<b>', hit: false },
        ],
        100,
      ),
    ).toBe('建设  *5G 基站* &lt;b&gt;');
  });
});

describe('truncateMrkdwn', () => {
  it('never leaves half an entity or half a mention at the cut', async () => {
    const { truncateMrkdwn } = await import('../../../src/slack/kit/mrkdwn.ts');
    expect(truncateMrkdwn('abc &amp; def', 7)).toBe('abc …');
    expect(truncateMrkdwn('hi <@U123|wang> there', 9)).toBe('hi …');
    expect(truncateMrkdwn('short', 10)).toBe('short');
    expect(truncateMrkdwn('a'.repeat(20), 10)).toHaveLength(10);
  });
});
