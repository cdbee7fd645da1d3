import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { getFollowup, listEvents, listFollowups } from '../../../src/repo/followups-repo.ts';
import { DUE_BLOCK, REASON_BLOCK } from '../../../src/slack/followups/modals.ts';
import { ACTIONS, VIEWS } from '../../../src/slack/ids.ts';
import { testDb } from '../../helpers/db.ts';
import { FIXTURE, seedFollowupFixture } from '../../helpers/followup-fixture.ts';
import { eventBody, FORM, interactivityBody, JSON_TYPE, signedHeaders } from '../../helpers/slack-request.ts';
import { botUserId, type Harness, SIGNING_SECRET, startHarness } from '../harness.ts';
import { ASSIGNEE, CHANNEL, CREATOR, cardButton, mention, STRANGER, viewSubmission } from './payloads.ts';
import { clearFollowupTables, shareFixtureMeasure } from './steps.ts';

/** The bot's message about measure abcd-4 in CHANNEL: a detail view shared with "Share in channel" (beforeEach). */
let PARENT = '';

let h: Harness;
let db: Db;
/** The bot's user id, as auth.test reports it (Bolt strips mentions of it). */
let botId = '';

beforeAll(async () => {
  db = testDb();
  seedFollowupFixture(db);
  h = await startHarness(db, { BOT_LOCALE: 'en' });
  botId = await botUserId(h);
});
afterAll(() => h.stop());
beforeEach(async () => {
  h.fake.reset();
  clearFollowupTables(db);
  const shared = await shareFixtureMeasure(h);
  expect(shared.body.channel).toBe(CHANNEL);
  PARENT = shared.response!.ts as string;
  h.fake.reset();
});

async function deliver(event: Record<string, unknown>, eventId: string, retryNum?: number): Promise<number> {
  const body = eventBody(event, eventId);
  const headers: Record<string, string> = signedHeaders(SIGNING_SECRET, body, JSON_TYPE);
  if (retryNum)
    Object.assign(headers, { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': 'http_timeout' });
  const res = await fetch(h.url, { method: 'POST', headers, body });
  await res.text();
  return res.status;
}

async function assignInThread(): Promise<string> {
  await deliver(
    mention(`<@${botId}> assign <@${ASSIGNEE}|wang> 2026-12-20 please check`, {
      user: CREATOR,
      ts: '1700000100.000200',
      threadTs: PARENT,
    }),
    'EvASSIGN1',
  );
  await h.fake.waitFor('chat.postMessage', 2);
  await h.idle();
  return listFollowups(db)[0]!.id;
}

describe('follow-ups in a thread', () => {
  it('an app_mention delivered twice (the second a retry) makes one follow-up and one message', async () => {
    const event = mention(`<@${botId}> assign <@${ASSIGNEE}|wang> 2026-12-20 please check`, {
      user: CREATOR,
      ts: '1700000100.000200',
      threadTs: PARENT,
    });
    expect(await deliver(event, 'EvTWICE')).toBe(200);
    await h.fake.waitFor('chat.postMessage', 2);
    expect(await deliver(event, 'EvTWICE', 1)).toBe(200);
    await h.idle();
    expect(listFollowups(db)).toHaveLength(1);
    // The id was left out: the item came from the shared detail view the thread hangs off.
    expect(listFollowups(db)[0]).toMatchObject({
      measureId: FIXTURE.measureId,
      targetId: null,
      due: '2026-12-20',
      note: 'please check',
      threadTs: PARENT,
    });
    const inThread = h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(inThread).toHaveLength(1);
    expect(inThread[0]!.body.thread_ts).toBe(PARENT);
  });

  it('the assignee marks it done by mention: a note in the thread and the card updated', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await deliver(mention(`<@${botId}> done`, { user: ASSIGNEE, ts: '1700000100.000300', threadTs: PARENT }), 'EvDONE');
    const [update] = await h.fake.waitFor('chat.update');
    expect(update!.body.ts).toBe(getFollowup(db, id)!.messageTs);
    expect(JSON.stringify(update!.body.blocks)).toContain('Done');
    const note = h.fake.callsTo('chat.postMessage').find((c) => c.body.thread_ts === PARENT)!;
    expect(note.body.text).toContain(`<@${ASSIGNEE}>`);
    expect(getFollowup(db, id)).toMatchObject({ status: 'done', closedAt: expect.any(String) });
    expect(listEvents(db, [id]).map((e) => [e.actor, e.action])).toEqual([
      [CREATOR, 'created'],
      [ASSIGNEE, 'status'],
    ]);
  });

  it('a stranger gets a polite ephemeral no and nothing changes', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await deliver(
      mention(`<@${botId}> blocked not my job`, { user: STRANGER, ts: '1700000100.000400', threadTs: PARENT }),
      'EvSTRANGER',
    );
    const [eph] = await h.fake.waitFor('chat.postEphemeral');
    expect(eph!.body).toMatchObject({ channel: CHANNEL, user: STRANGER, thread_ts: PARENT });
    expect(eph!.body.text).toMatch(/only the assignee/);
    expect(getFollowup(db, id)!.status).toBe('open');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);

    // The same refusal for a button press on the card.
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_DONE, id, { user: STRANGER, threadTs: PARENT })), FORM);
    await h.fake.waitFor('chat.postEphemeral', 2);
    expect(getFollowup(db, id)!.status).toBe('open');
  });

  it('buttons: start, blocked (reason in a modal), due and reassign by mention', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_START, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    await h.fake.waitFor('chat.update');
    expect(getFollowup(db, id)!.status).toBe('in_progress');
    // A double click: the second press changes nothing and says nothing.
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_START, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    await h.idle();
    expect(h.fake.callsTo('chat.update')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);

    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.body.view.callback_id).toBe(VIEWS.FOLLOWUP_BLOCK_MODAL);
    const res = await h.post(
      interactivityBody(
        viewSubmission(
          open!.body.view,
          {
            [REASON_BLOCK.block]: { [REASON_BLOCK.action]: { type: 'plain_text_input', value: 'waiting for budget' } },
          },
          { user: CREATOR, viewId: 'VB1' },
        ),
      ),
      FORM,
    );
    expect(res.status).toBe(200);
    await h.fake.waitFor('chat.update', 2);
    expect(getFollowup(db, id)).toMatchObject({ status: 'blocked', blockedReason: 'waiting for budget' });

    await deliver(
      mention(`<@${botId}> due 2027-01-15`, { user: ASSIGNEE, ts: '1700000100.000500', threadTs: PARENT }),
      'EvDUE',
    );
    await h.fake.waitFor('chat.update', 3);
    expect(getFollowup(db, id)!.due).toBe('2027-01-15');

    await deliver(
      mention(`<@${botId}> reassign <@U0NEWPERSON>`, { user: CREATOR, ts: '1700000100.000600', threadTs: PARENT }),
      'EvREASSIGN',
    );
    await h.fake.waitFor('chat.update', 4);
    await h.idle();
    expect(getFollowup(db, id)!.assignee).toBe('U0NEWPERSON');
    expect(h.fake.callsTo('chat.postMessage').some((c) => c.body.channel === 'U0NEWPERSON')).toBe(true);
    expect(listEvents(db, [id]).map((e) => e.action)).toEqual(['created', 'status', 'status', 'due', 'reassign']);
  });

  it('a stranger pressing Blocked is told no privately, without a modal; a modal submitted by a stranger is refused inside it', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: STRANGER, threadTs: PARENT })), FORM);
    const [eph] = await h.fake.waitFor('chat.postEphemeral');
    expect(eph!.body).toMatchObject({ channel: CHANNEL, user: STRANGER, thread_ts: PARENT });
    expect(eph!.body.text).toMatch(/only the assignee/);
    await h.idle();
    expect(h.fake.callsTo('views.open')).toHaveLength(0);

    // The modal the assignee opened, submitted by someone else (permissions can change while it is open).
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    const res = await h.post(
      interactivityBody(
        viewSubmission(
          open!.body.view,
          { [REASON_BLOCK.block]: { [REASON_BLOCK.action]: { type: 'plain_text_input', value: 'x' } } },
          { user: STRANGER, viewId: 'VB2' },
        ),
      ),
      FORM,
    );
    expect(JSON.parse(res.text)).toMatchObject({
      response_action: 'errors',
      errors: { [REASON_BLOCK.block]: expect.stringMatching(/only the assignee/) },
    });
    expect(getFollowup(db, id)!.status).toBe('open');
  });

  it('a Blocked modal opened from the Home tab re-publishes Home with the change', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: ASSIGNEE, home: true })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({
      followupId: id,
      fromHome: true,
      channel: null,
      threadTs: null,
    });
    await h.post(
      interactivityBody(
        viewSubmission(
          open!.body.view,
          {
            [REASON_BLOCK.block]: { [REASON_BLOCK.action]: { type: 'plain_text_input', value: 'waiting for budget' } },
          },
          { user: ASSIGNEE, viewId: 'VH1' },
        ),
      ),
      FORM,
    );
    const [pub] = await h.fake.waitFor('views.publish');
    expect(pub!.body.user_id).toBe(ASSIGNEE);
    expect(getFollowup(db, id)!.status).toBe('blocked');
    expect(JSON.stringify(pub!.body.view.blocks)).toMatch(/Blocked/);
  });

  it('a problem after a Change-due modal from the thread is told in that thread, not by DM', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_DUE, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(JSON.parse(open!.body.view.private_metadata)).toMatchObject({
      followupId: id,
      fromHome: false,
      channel: CHANNEL,
      threadTs: PARENT,
    });
    h.fake.failNext('chat.update', 'message_not_found');
    await h.post(
      interactivityBody(
        viewSubmission(
          open!.body.view,
          { [DUE_BLOCK.block]: { [DUE_BLOCK.action]: { type: 'datepicker', selected_date: '2027-02-01' } } },
          { user: ASSIGNEE, viewId: 'VD1' },
        ),
      ),
      FORM,
    );
    const [eph] = await h.fake.waitFor('chat.postEphemeral');
    expect(eph!.body).toMatchObject({ channel: CHANNEL, user: ASSIGNEE, thread_ts: PARENT });
    expect(eph!.body.text).toContain('message_not_found');
    await h.idle();
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === ASSIGNEE)).toHaveLength(0);
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
    expect(getFollowup(db, id)!.due).toBe('2027-02-01');
  });

  it('a search starting with a follow-up word is still a search inside a follow-up thread', async () => {
    const id = await assignInThread();
    h.fake.reset();
    for (const [text, n] of [
      ['due next 28d', 1],
      ['期限 2026年', 2],
      ['完成 情况', 3],
    ] as const) {
      await deliver(
        mention(`<@${botId}> ${text}`, { user: CREATOR, ts: `1700000100.00070${n}`, threadTs: PARENT }),
        `EvSEARCH${n}`,
      );
      await h.idle();
      expect(h.fake.callsTo('chat.postEphemeral'), text).toHaveLength(0);
      const answers = h.fake.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === PARENT);
      expect(answers, text).toHaveLength(n);
    }
    expect(getFollowup(db, id)).toMatchObject({ status: 'open', due: '2026-12-20' });
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);
  });

  it('a failure after ack is answered on the response_url, not swallowed', async () => {
    const id = await assignInThread();
    for (const actionId of [ACTIONS.FOLLOWUP_DONE, ACTIONS.FOLLOWUP_BLOCK]) {
      h.fake.reset();
      const responseUrl = h.fake.responseUrl();
      // A tampered value longer than Slack allows: the handler refuses to parse it.
      const press = {
        ...cardButton(actionId, id + 'x'.repeat(2001), { user: ASSIGNEE, threadTs: PARENT }),
        response_url: responseUrl,
      };
      await h.post(interactivityBody(press), FORM);
      const reply = await h.fake.waitForPath(new URL(responseUrl).pathname);
      expect(reply.body, actionId).toMatchObject({
        response_type: 'ephemeral',
        replace_original: false,
        text: expect.stringMatching(/went wrong/),
      });
    }
    h.fake.reset();
    const responseUrl = h.fake.responseUrl();
    h.fake.failNext('views.open', 'expired_trigger_id');
    await h.post(
      interactivityBody({
        ...cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: ASSIGNEE, threadTs: PARENT }),
        response_url: responseUrl,
      }),
      FORM,
    );
    expect((await h.fake.waitForPath(new URL(responseUrl).pathname)).body.response_type).toBe('ephemeral');
    expect(getFollowup(db, id)!.status).toBe('open');
  });

  it('publishes the Home tab with my follow-ups and their buttons; a press there re-publishes it', async () => {
    const id = await assignInThread();
    h.fake.reset();
    await deliver(
      { type: 'app_home_opened', user: ASSIGNEE, channel: 'D0HOME', tab: 'home', event_ts: '1700000200.000100' },
      'EvHOME',
    );
    await h.fake.waitFor('views.publish');
    const [pub] = h.fake.callsTo('views.publish');
    expect(pub!.body.user_id).toBe(ASSIGNEE);
    const blocks = JSON.stringify(pub!.body.view.blocks);
    expect(blocks).toContain(id);
    expect(blocks).toContain(ACTIONS.FOLLOWUP_DONE);
    expect(pub!.body.view.blocks.length).toBeLessThanOrEqual(100);

    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_DONE, id, { user: ASSIGNEE, home: true })), FORM);
    await h.fake.waitFor('views.publish', 2);
    expect(getFollowup(db, id)!.status).toBe('done');
    const after = JSON.stringify(h.fake.callsTo('views.publish')[1]!.body.view.blocks);
    expect(after).not.toContain(`"${id}"`); // done follow-ups leave "my follow-ups"
  });
});
