import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { digestForChannel } from '../../../src/services/digest-service.ts';
import { postDigestMessage, slackDigestPoster } from '../../../src/slack/digest/post-digest.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { tianjinTestDb } from '../../helpers/digest-fixture.ts';
import { type FakeSlack, startFakeSlack } from '../../helpers/fake-slack.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';

let fake: FakeSlack;
beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => fake.stop());

const client = () =>
  new webApi.WebClient('xoxb-test', {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
  });

function digest() {
  const db = tianjinTestDb();
  const d = digestForChannel(db, loadConfig({}), {
    channel: 'C1',
    asOf: '2022-12-05',
    horizonDays: 28,
    now: new Date('2025-03-17T01:00:00Z'),
    segmenter: testSegmenter,
  });
  db.close();
  return d;
}

describe('postDigestMessage', () => {
  it('posts the rendered digest as a thread parent, without unfurls, and returns its ts', async () => {
    const ts = await postDigestMessage(client(), 'C1', digest(), 'en');
    const [call] = fake.callsTo('chat.postMessage');
    expect(ts).toMatch(/^\d+\.\d+$/);
    expect(call!.body).toMatchObject({ channel: 'C1', unfurl_links: 'false', unfurl_media: 'false' }); // form-encoded by the Web API client;
    expect(call!.body.thread_ts).toBeUndefined();
    expect(JSON.stringify(call!.body.blocks)).toContain(stringsFor('en').digestTitle('2022-12-05'));
  });

  it("fails with Slack's error code, not a stack", async () => {
    fake.failNext('chat.postMessage', 'not_in_channel');
    await expect(postDigestMessage(client(), 'C1', digest(), 'zh')).rejects.toThrow(/^not_in_channel$/);
  });

  it('binds client and locale for the digest service', async () => {
    await slackDigestPoster(client(), 'zh')('C2', digest());
    expect(JSON.stringify(fake.callsTo('chat.postMessage')[0]!.body.blocks)).toContain(
      stringsFor('zh').digestTitle('2022-12-05'),
    );
  });
});
