import type { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { FollowupChange } from '../../../src/core/followups/transitions.ts';
import { getFollowup, listEvents } from '../../../src/repo/followups-repo.ts';
import { assignFollowup, changeFollowup } from '../../../src/services/followup-service.ts';
import { publishChange, publishCreated } from '../../../src/slack/followups/publisher.ts';
import type { SlackClient } from '../../../src/slack/web-api.ts';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import { FIXTURE, fakeClient, followupTestDeps, useFollowupWorld } from '../../helpers/followup-fixture.ts';

const world = useFollowupWorld();
const CHANNEL = 'C0POLICY1';
const THREAD = '1700000000.000100';
const CREATOR = 'U0CREATOR';
const ASSIGNEE = 'U0ASSIGNEE';

const deps = () => followupTestDeps(world.db);

/**
 * The fake Slack, except that a chat.postMessage to one of `failDmsTo` (a DM: channel = user id) is answered
 * with `error` — by the fake itself, so the app sees Slack's real error shape. Channel posts still succeed.
 */
function clientFailingDms(fake: FakeSlack, failDmsTo: string[], error = 'cannot_dm_bot'): SlackClient {
  const real: webApi.WebClient = fakeClient(fake);
  const chat = Object.create(real.chat) as webApi.WebClient['chat'];
  chat.postMessage = ((args: { channel: string }) => {
    if (failDmsTo.includes(args.channel)) fake.failNext('chat.postMessage', error);
    return real.chat.postMessage(args as never);
  }) as webApi.WebClient['chat']['postMessage'];
  return { chat, views: real.views };
}

function assign(assignee = ASSIGNEE) {
  const o = assignFollowup(deps(), {
    itemId: FIXTURE.targetId,
    assignee,
    actor: CREATOR,
    note: null,
    where: { channel: CHANNEL, threadTs: THREAD },
    dedupeKey: null,
    today: '2026-11-22',
  });
  if (!o.ok) throw new Error(o.error);
  return o.followup;
}

function change(id: string, c: FollowupChange, actor = CREATOR) {
  const o = changeFollowup(deps(), { followupId: id, change: c, actor });
  if (!o.ok) throw new Error(o.error);
  return o;
}

const channelPosts = () => world.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
/** Cards are the channel posts with blocks (thread notes are text only). */
const cards = () => channelPosts().filter((c) => Array.isArray(c.body.blocks));

describe('publishing follow-ups', () => {
  it('posts the card in its thread, DMs the assignee, then updates that card in place on a change', async () => {
    const f = assign();
    expect(await publishCreated(deps(), fakeClient(world.fake), f)).toBeNull();
    const posted = getFollowup(world.db, f.id)!;
    expect(posted).toMatchObject({
      channel: CHANNEL,
      threadTs: THREAD,
      messageTs: expect.any(String),
      slackError: null,
    });
    expect(cards()).toHaveLength(1);
    expect(world.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === ASSIGNEE)).toHaveLength(1);

    expect(await publishChange(deps(), fakeClient(world.fake), change(f.id, { kind: 'start' }, ASSIGNEE))).toBeNull();
    const [update] = world.fake.callsTo('chat.update');
    expect(update!.body).toMatchObject({ channel: CHANNEL, ts: posted.messageTs });
    expect(cards()).toHaveLength(1);
    expect(channelPosts().at(-1)!.body).toMatchObject({ thread_ts: THREAD });
  });

  it('a failed card post flags the follow-up, sends no DM, and the next change posts the card instead of updating', async () => {
    const f = assign();
    world.fake.failNext('chat.postMessage', 'not_in_channel');
    expect(await publishCreated(deps(), fakeClient(world.fake), f)).toEqual({ kind: 'card', error: 'not_in_channel' });
    expect(getFollowup(world.db, f.id)).toMatchObject({ slackError: 'not_in_channel', messageTs: null });
    expect(world.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === ASSIGNEE)).toHaveLength(0);

    world.fake.reset();
    expect(
      await publishChange(deps(), fakeClient(world.fake), change(f.id, { kind: 'due', due: '2027-01-15' })),
    ).toBeNull();
    expect(world.fake.callsTo('chat.update')).toHaveLength(0);
    expect(cards()).toHaveLength(1);
    // The card went out only now, so the assignee hears about it now.
    expect(world.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === ASSIGNEE)).toHaveLength(1);
    expect(getFollowup(world.db, f.id)).toMatchObject({ slackError: null, messageTs: cards()[0]!.response!.ts });
  });

  it('a failed DM to the assignee is history only: the card is not re-posted by the next change but updated', async () => {
    const f = assign();
    const client = clientFailingDms(world.fake, [ASSIGNEE]);
    expect(await publishCreated(deps(), client, f)).toEqual({ kind: 'dm', error: 'cannot_dm_bot', user: ASSIGNEE });
    const posted = getFollowup(world.db, f.id)!;
    expect(posted.slackError).toBeNull();
    expect(listEvents(world.db, [f.id]).at(-1)).toMatchObject({
      action: 'slack_error',
      actor: 'system',
      detail: { kind: 'dm', error: 'cannot_dm_bot', to: ASSIGNEE },
    });

    expect(await publishChange(deps(), client, change(f.id, { kind: 'start' }, ASSIGNEE))).toBeNull();
    expect(cards()).toHaveLength(1);
    expect(world.fake.callsTo('chat.update').map((c) => c.body.ts)).toEqual([posted.messageTs]);
  });

  it('a failed DM to a new assignee leaves the updated card alone, and later changes still update it', async () => {
    const f = assign();
    await publishCreated(deps(), fakeClient(world.fake), f);
    const messageTs = getFollowup(world.db, f.id)!.messageTs;
    const client = clientFailingDms(world.fake, ['U0NEW']);
    expect(await publishChange(deps(), client, change(f.id, { kind: 'reassign', assignee: 'U0NEW' }))).toEqual({
      kind: 'dm',
      error: 'cannot_dm_bot',
      user: 'U0NEW',
    });
    expect(getFollowup(world.db, f.id)).toMatchObject({ slackError: null, assignee: 'U0NEW' });

    await publishChange(deps(), client, change(f.id, { kind: 'done' }, 'U0NEW'));
    expect(cards()).toHaveLength(1);
    expect(world.fake.callsTo('chat.update').map((c) => c.body.ts)).toEqual([messageTs, messageTs]);
  });

  it('a failed card update flags the follow-up: the next change re-posts the card', async () => {
    const f = assign();
    await publishCreated(deps(), fakeClient(world.fake), f);
    world.fake.failNext('chat.update', 'message_not_found');
    expect(await publishChange(deps(), fakeClient(world.fake), change(f.id, { kind: 'start' }, ASSIGNEE))).toEqual({
      kind: 'card',
      error: 'message_not_found',
    });
    expect(getFollowup(world.db, f.id)!.slackError).toBe('message_not_found');

    await publishChange(deps(), fakeClient(world.fake), change(f.id, { kind: 'done' }, ASSIGNEE));
    expect(cards()).toHaveLength(2);
    expect(getFollowup(world.db, f.id)).toMatchObject({ slackError: null, messageTs: cards()[1]!.response!.ts });
  });

  it('a failed note in the thread is history only; the card is still updated', async () => {
    const f = assign();
    await publishCreated(deps(), fakeClient(world.fake), f);
    world.fake.failNext('chat.postMessage', 'ratelimited');
    expect(await publishChange(deps(), fakeClient(world.fake), change(f.id, { kind: 'start' }, ASSIGNEE))).toEqual({
      kind: 'note',
      error: 'ratelimited',
    });
    expect(world.fake.callsTo('chat.update')).toHaveLength(1);
    expect(getFollowup(world.db, f.id)!.slackError).toBeNull();
    expect(listEvents(world.db, [f.id]).at(-1)).toMatchObject({
      action: 'slack_error',
      detail: { kind: 'note', error: 'ratelimited' },
    });
  });
});
