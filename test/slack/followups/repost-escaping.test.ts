import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { getFollowup, listFollowups } from '../../../src/repo/followups-repo.ts';
import { REASON_BLOCK } from '../../../src/slack/followups/modals.ts';
import { ACTIONS, VIEWS } from '../../../src/slack/ids.ts';
import { testDb } from '../../helpers/db.ts';
import { FIXTURE, seedFollowupFixture } from '../../helpers/followup-fixture.ts';
import { eventBody, FORM, interactivityBody, JSON_TYPE, signedHeaders } from '../../helpers/slack-request.ts';
import { buttonsOf, type Harness, SIGNING_SECRET, startHarness } from '../harness.ts';
import { ASSIGNEE, CHANNEL, CREATOR, cardButton, mention, viewSubmission } from './payloads.ts';
import { clearFollowupTables } from './steps.ts';

const HOSTILE = '<!channel> & <https://evil|x>';

let h: Harness;
let db: Db;
let events = 0;

beforeAll(async () => {
  db = testDb();
  seedFollowupFixture(db, { measureTitle: HOSTILE });
  h = await startHarness(db, { BOT_LOCALE: 'en' });
});
afterAll(() => h.stop());
beforeEach(() => {
  h.fake.reset();
  clearFollowupTables(db);
});

async function deliver(event: Record<string, unknown>): Promise<void> {
  const body = eventBody(event, `EvR${++events}`);
  await (await fetch(h.url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, JSON_TYPE), body })).text();
}

/** Everything Slack reads as mrkdwn in a call: the top-level text and every mrkdwn text object. */
function mrkdwnOf(body: Record<string, any>): string {
  return [
    body.text ?? '',
    ...(JSON.stringify(body.blocks ?? []).match(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"/g) ?? []),
  ].join('\n');
}

describe('a hostile document title', () => {
  it('is escaped in the card (text and blocks), the DM and the thread post', async () => {
    await h.command(`assign ${FIXTURE.measureId} <@${ASSIGNEE}>`, { userId: CREATOR, channelId: CHANNEL });
    const f = listFollowups(db)[0]!;
    await deliver(
      mention(`<@UBOT> done ${f.id}`, {
        user: ASSIGNEE,
        ts: '1700000300.000100',
        threadTs: f.threadTs!,
        channel: CHANNEL,
      }),
    );
    await h.fake.waitFor('chat.update');
    const sent = [...h.fake.callsTo('chat.postMessage'), ...h.fake.callsTo('chat.update')];
    const card = sent.find((c) => c.method === 'chat.postMessage' && c.body.channel === CHANNEL && !c.body.thread_ts)!;
    const dm = sent.find((c) => c.body.channel === ASSIGNEE)!;
    expect(card.body.text).toContain('&lt;!channel&gt; &amp; &lt;https://evil|x&gt;');
    expect(dm.body.text).toContain('&lt;!channel&gt;');
    for (const c of sent) {
      expect(mrkdwnOf(c.body), c.method).not.toContain('<!channel>');
      expect(mrkdwnOf(c.body), c.method).not.toContain('<https://evil');
    }
  });
});

describe('after a Slack failure', () => {
  async function assignWhereTheBotIsNotYet(): Promise<string> {
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    const { reply } = await h.command(`assign ${FIXTURE.measureId} <@${ASSIGNEE}>`, {
      userId: CREATOR,
      channelId: 'C0LATER',
    });
    expect(reply.body.text).toContain('not_in_channel');
    expect(reply.body.text).toMatch(/Re-post/);
    expect(reply.body.text).not.toMatch(/try again/);
    return listFollowups(db)[0]!.id;
  }

  it('/measures followups offers Re-post; pressing it posts the card where it belongs, without a second follow-up', async () => {
    const id = await assignWhereTheBotIsNotYet();
    const list = await h.command('followups', { userId: ASSIGNEE });
    const repost = buttonsOf(list.reply.body.blocks).find((b) => b.actionId === ACTIONS.FOLLOWUP_REPOST);
    expect(repost).toMatchObject({ value: id });
    h.fake.reset();
    await h.post(
      interactivityBody(cardButton(ACTIONS.FOLLOWUP_REPOST, id, { user: CREATOR, channel: 'C0LATER' })),
      FORM,
    );
    const posts = await h.fake.waitFor('chat.postMessage', 2); // the card, then the assignee's DM (never sent before)
    expect(posts[0]!.body).toMatchObject({ channel: 'C0LATER' });
    expect(posts.some((p) => p.body.channel === ASSIGNEE)).toBe(true);
    expect(listFollowups(db)).toHaveLength(1);
    expect(getFollowup(db, id)).toMatchObject({
      slackError: null,
      channel: 'C0LATER',
      messageTs: posts[0]!.response!.ts,
    });
  });

  it('`@measures repost F1` does the same, and any change re-posts the card instead of updating a card that never was', async () => {
    const id = await assignWhereTheBotIsNotYet();
    h.fake.reset();
    await deliver(mention(`<@UBOT> done ${id}`, { user: ASSIGNEE, ts: '1700000400.000100', channel: 'C0LATER' }));
    // The card, then the assignee's DM (it was never sent: it follows the card).
    const posts = await h.fake.waitFor('chat.postMessage', 2);
    expect(posts.map((p) => p.body.channel)).toEqual(['C0LATER', ASSIGNEE]);
    expect(h.fake.callsTo('chat.update')).toEqual([]);
    expect(getFollowup(db, id)).toMatchObject({ status: 'done', slackError: null });

    h.fake.reset();
    await deliver(mention(`<@UBOT> repost ${id}`, { user: CREATOR, ts: '1700000400.000200', channel: 'C0LATER' }));
    const [said] = await h.fake.waitFor('chat.postEphemeral');
    expect(said!.body.text).toBe(`Follow-up ${id} posted again.`);
    expect(h.fake.callsTo('chat.postMessage').map((p) => p.body.channel)).toEqual(['C0LATER']);
  });
});

describe('mentions that look like follow-up commands but are searches', () => {
  it('`@measures due next 90d` outside a follow-up thread is not a "bad date" error', async () => {
    await deliver(
      mention('<@UBOT> due next 90d', { user: CREATOR, ts: '1700000500.000100', threadTs: '1700000500.000001' }),
    );
    await h.fake.waitFor('chat.postMessage');
    const answer = h.fake.callsTo('chat.postMessage').find((c) => c.body.thread_ts === '1700000500.000001');
    expect(answer).toBeDefined();
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
    // A public answer: no More / Share (More would replace a public message in place).
    const ids = buttonsOf(answer!.body.blocks).map((b) => b.actionId);
    expect(ids).not.toContain(ACTIONS.SEARCH_MORE);
    expect(ids).not.toContain(ACTIONS.SHARE_RESULTS);
  });
});

describe('private notes', () => {
  it('/measures show elsewhere shows state and assignee, not the note or blocked reason; in its channel it shows them', async () => {
    await h.command(`assign ${FIXTURE.measureId} <@${ASSIGNEE}> 2026-12-01 secret plan`, {
      userId: CREATOR,
      channelId: CHANNEL,
    });
    const id = listFollowups(db)[0]!.id;
    await deliver(
      mention(`<@UBOT> blocked ${id} budget frozen`, { user: ASSIGNEE, ts: '1700000600.000100', channel: CHANNEL }),
    );
    await h.fake.waitFor('chat.update');
    const elsewhere = JSON.stringify(
      (await h.command(`show ${FIXTURE.measureId}`, { userId: 'U0OTHER', channelId: 'C0OTHER' })).reply.body.blocks,
    );
    expect(elsewhere).toContain(id);
    expect(elsewhere).toContain(`<@${ASSIGNEE}>`);
    expect(elsewhere).not.toContain('secret plan');
    expect(elsewhere).not.toContain('budget frozen');
    const here = JSON.stringify(
      (await h.command(`show ${FIXTURE.measureId}`, { userId: 'U0OTHER', channelId: CHANNEL })).reply.body.blocks,
    );
    expect(here).toContain('budget frozen');
    const all = JSON.stringify(
      (await h.command('followups all', { userId: 'U0OTHER', channelId: 'C0OTHER' })).reply.body.blocks,
    );
    expect(all).not.toContain('budget frozen');
    expect(all).not.toContain('secret plan');
  });
});

describe('private notes in public answers', () => {
  it('`@measures show` by the assignee in another channel answers publicly without the note', async () => {
    await h.command(`assign ${FIXTURE.measureId} <@${ASSIGNEE}> 2026-12-01 secret plan`, {
      userId: CREATOR,
      channelId: CHANNEL,
    });
    const before = h.fake.callsTo('chat.postMessage').length;
    await deliver(
      mention(`<@UBOT> show ${FIXTURE.measureId}`, { user: ASSIGNEE, ts: '1700000700.000100', channel: 'C0PUBLIC' }),
    );
    await h.fake.waitFor('chat.postMessage', before + 1);
    const answer = h.fake.callsTo('chat.postMessage').find((c) => c.body.channel === 'C0PUBLIC')!;
    const shown = JSON.stringify(answer.body);
    expect(shown).toContain(listFollowups(db)[0]!.id);
    expect(shown).not.toContain('secret plan');
  });
});

describe('modal submissions that cannot be read', () => {
  it('answer inside the modal instead of throwing before ack', async () => {
    const bad = viewSubmission(
      { callback_id: VIEWS.FOLLOWUP_BLOCK_MODAL, private_metadata: 'not json' },
      { [REASON_BLOCK.block]: { [REASON_BLOCK.action]: { type: 'plain_text_input', value: 'x' } } },
      { user: CREATOR, viewId: 'VBAD' },
    );
    const res = await h.post(interactivityBody(bad), FORM);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      response_action: 'errors',
      errors: { [REASON_BLOCK.block]: expect.any(String) },
    });
    const assign = viewSubmission(
      { callback_id: VIEWS.ASSIGN_FOLLOWUP_MODAL, private_metadata: '{"itemId":5}' },
      {},
      { user: CREATOR, viewId: 'VBAD2' },
    );
    expect(JSON.parse((await h.post(interactivityBody(assign), FORM)).text)).toMatchObject({
      response_action: 'errors',
    });
  });
});
