import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { listFollowups } from '../../../src/repo/followups-repo.ts';
import { ASSIGN_BLOCKS } from '../../../src/slack/followups/modals.ts';
import { ACTIONS, SHORTCUTS, VIEWS } from '../../../src/slack/ids.ts';
import { testDb } from '../../helpers/db.ts';
import { FIXTURE, seedFollowupFixture } from '../../helpers/followup-fixture.ts';
import { FORM, interactivityBody } from '../../helpers/slack-request.ts';
import { type Harness, startHarness } from '../harness.ts';
import { ASSIGNEE, CHANNEL, CREATOR, cardButton, viewSubmission } from './payloads.ts';
import { clearFollowupTables } from './steps.ts';

let h: Harness;
let db: Db;

beforeAll(async () => {
  db = testDb();
  seedFollowupFixture(db);
  h = await startHarness(db, { BOT_LOCALE: 'en' });
});
afterAll(() => h.stop());
beforeEach(() => {
  h.fake.reset();
  clearFollowupTables(db);
});

const values = (assignee: string, due: string | null, note: string | null) => ({
  [ASSIGN_BLOCKS.assignee.block]: {
    [ASSIGN_BLOCKS.assignee.action]: { type: 'users_select', selected_user: assignee },
  },
  [ASSIGN_BLOCKS.due.block]: { [ASSIGN_BLOCKS.due.action]: { type: 'datepicker', selected_date: due } },
  [ASSIGN_BLOCKS.note.block]: { [ASSIGN_BLOCKS.note.action]: { type: 'plain_text_input', value: note } },
});

describe('assigning from a button', () => {
  it('opens the modal at once with the target due date, then creates one follow-up in the message thread', async () => {
    const press = await h.post(
      interactivityBody(
        cardButton(ACTIONS.ASSIGN_FOLLOWUP, FIXTURE.targetId, { user: CREATOR, messageTs: '1700000000.000500' }),
      ),
      FORM,
    );
    expect(press.status).toBe(200);
    const [open] = await h.fake.waitFor('views.open');
    const view = open!.body.view;
    expect(view.callback_id).toBe(VIEWS.ASSIGN_FOLLOWUP_MODAL);
    expect(JSON.parse(view.private_metadata)).toEqual({
      itemId: FIXTURE.targetId,
      channel: CHANNEL,
      threadTs: '1700000000.000500',
    });
    const due = view.blocks.find((b: any) => b.block_id === ASSIGN_BLOCKS.due.block);
    expect(due.element.initial_date).toBe(FIXTURE.targetDue);

    const submission = interactivityBody(
      viewSubmission(view, values(ASSIGNEE, '2026-12-15', 'check <the> cold chain & storage'), {
        user: CREATOR,
        viewId: 'V1',
      }),
    );
    expect((await h.post(submission, FORM)).status).toBe(200);
    // A double submit (same view id) must not create a second follow-up or a second card.
    expect((await h.post(submission, FORM)).status).toBe(200);

    const posts = await h.fake.waitFor('chat.postMessage', 2);
    // A positive signal instead of a sleep: no request is in flight any more, so the double submit was handled.
    await h.idle();
    const card = h.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
    expect(card).toHaveLength(1);
    expect(card[0]!.body.thread_ts).toBe('1700000000.000500');
    expect(JSON.stringify(card[0]!.body.blocks)).toContain('check &lt;the&gt; cold chain &amp; storage');
    expect(card[0]!.body.metadata).toMatchObject({
      event_type: 'measures_item',
      event_payload: { measureId: FIXTURE.measureId, targetId: FIXTURE.targetId },
    });
    const dm = posts.filter((c) => c.body.channel === ASSIGNEE);
    expect(dm).toHaveLength(1);
    expect(dm[0]!.body.text).toContain('https://'); // the permalink from chat.getPermalink
    expect(h.fake.callsTo('chat.getPermalink')[0]!.body).toMatchObject({
      channel: CHANNEL,
      message_ts: listFollowups(db)[0]!.messageTs,
    });

    const rows = listFollowups(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      assignee: ASSIGNEE,
      createdBy: CREATOR,
      due: '2026-12-15',
      targetId: FIXTURE.targetId,
      channel: CHANNEL,
      threadTs: '1700000000.000500',
      note: 'check <the> cold chain & storage',
      slackError: null,
    });
  });

  it('from a private (ephemeral) result inside a thread, the follow-up stays in that thread', async () => {
    const press = cardButton(ACTIONS.ASSIGN_FOLLOWUP, FIXTURE.targetId, { user: CREATOR });
    // Slack's shape for a button on an ephemeral message: no `message`, the thread only in the container.
    const { message: _message, ...rest } = press as typeof press & { message?: unknown };
    const body = {
      ...rest,
      container: {
        type: 'message',
        message_ts: '1700000000.000777',
        channel_id: CHANNEL,
        is_ephemeral: true,
        thread_ts: '1700000000.000700',
      },
    };
    await h.post(interactivityBody(body), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({
      itemId: FIXTURE.targetId,
      channel: CHANNEL,
      threadTs: '1700000000.000700',
    });

    await h.post(
      interactivityBody(
        viewSubmission(open!.body.view, values(ASSIGNEE, null, null), { user: CREATOR, viewId: 'VE1' }),
      ),
      FORM,
    );
    const [card] = await h.fake.waitFor('chat.postMessage');
    expect(card!.body).toMatchObject({ channel: CHANNEL, thread_ts: '1700000000.000700' });
  });

  it('from a private result outside a thread, the bot posts a parent message in the channel', async () => {
    const press = cardButton(ACTIONS.ASSIGN_FOLLOWUP, FIXTURE.targetId, { user: CREATOR });
    const { message: _message, ...rest } = press as typeof press & { message?: unknown };
    await h.post(
      interactivityBody({
        ...rest,
        container: { type: 'message', message_ts: '1700000000.000778', channel_id: CHANNEL, is_ephemeral: true },
      }),
      FORM,
    );
    const [open] = await h.fake.waitFor('views.open');
    expect(JSON.parse(open!.body.view.private_metadata)).toEqual({
      itemId: FIXTURE.targetId,
      channel: CHANNEL,
      threadTs: null,
    });
  });

  it('a message shortcut whose modal cannot open answers on its response_url', async () => {
    const responseUrl = h.fake.responseUrl();
    h.fake.failNext('views.open', 'expired_trigger_id');
    const shortcut = {
      type: 'message_action',
      callback_id: SHORTCUTS.ASSIGN_FOLLOWUP_MESSAGE,
      trigger_id: 'trig.s9',
      token: 'x',
      action_ts: '1.3',
      team: { id: 'T0G9PQBBK', domain: 'testteam' },
      user: { id: CREATOR, name: 'c' },
      channel: { id: CHANNEL, name: 'policy' },
      message: { type: 'message', user: 'U0SOMEONE', ts: '1700000000.000901', text: '谁来跟进？' },
      response_url: responseUrl,
    };
    await h.post(interactivityBody(shortcut), FORM);
    const reply = await h.fake.waitForPath(new URL(responseUrl).pathname);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/went wrong/) });
  });

  it('shows an unknown typed id on the field (message shortcut on a plain message)', async () => {
    const shortcut = {
      type: 'message_action',
      callback_id: SHORTCUTS.ASSIGN_FOLLOWUP_MESSAGE,
      trigger_id: 'trig.s1',
      token: 'x',
      action_ts: '1.2',
      team: { id: 'T0G9PQBBK', domain: 'testteam' },
      user: { id: CREATOR, name: 'c' },
      channel: { id: CHANNEL, name: 'policy' },
      message: {
        type: 'message',
        user: 'U0SOMEONE',
        ts: '1700000000.000900',
        thread_ts: '1700000000.000800',
        text: '谁来跟进冷链？',
      },
      response_url: 'http://127.0.0.1:1/unused',
    };
    expect((await h.post(interactivityBody(shortcut), FORM)).status).toBe(200);
    const [open] = await h.fake.waitFor('views.open');
    const view = open!.body.view;
    expect(JSON.parse(view.private_metadata)).toEqual({
      itemId: null,
      channel: CHANNEL,
      threadTs: '1700000000.000800',
    });
    const bad = await h.post(
      interactivityBody(
        viewSubmission(
          view,
          {
            ...values(ASSIGNEE, null, null),
            [ASSIGN_BLOCKS.item.block]: { [ASSIGN_BLOCKS.item.action]: { type: 'plain_text_input', value: 'zzzz-9' } },
          },
          { user: CREATOR, viewId: 'V2' },
        ),
      ),
      FORM,
    );
    expect(JSON.parse(bad.text)).toMatchObject({
      response_action: 'errors',
      errors: { [ASSIGN_BLOCKS.item.block]: expect.stringContaining('zzzz-9') },
    });
    expect(listFollowups(db)).toHaveLength(0);
    await h.post(
      interactivityBody(
        viewSubmission(
          view,
          {
            ...values(ASSIGNEE, null, null),
            [ASSIGN_BLOCKS.item.block]: {
              [ASSIGN_BLOCKS.item.action]: { type: 'plain_text_input', value: FIXTURE.measureId.toUpperCase() },
            },
          },
          { user: CREATOR, viewId: 'V2' },
        ),
      ),
      FORM,
    );
    await h.fake.waitFor('chat.postMessage', 1);
    expect(listFollowups(db)[0]).toMatchObject({
      measureId: FIXTURE.measureId,
      threadTs: '1700000000.000800',
      due: null,
    });
  });
});

describe('/measures assign and /measures followups', () => {
  it('creates a follow-up with a parent message in the channel and lists it', async () => {
    const { reply } = await h.command(`assign ${FIXTURE.targetId} <@${ASSIGNEE}|wang> 2026-12-01 storage first`, {
      userId: CREATOR,
      channelId: CHANNEL,
    });
    expect(reply.body.text).toContain('F1');
    const parent = h.fake.callsTo('chat.postMessage').find((c) => c.body.channel === CHANNEL)!;
    expect(parent.body.thread_ts).toBeUndefined();
    expect(listFollowups(db)[0]).toMatchObject({
      due: '2026-12-01',
      note: 'storage first',
      threadTs: expect.any(String),
      channel: CHANNEL,
    });

    const mine = await h.command('followups', { userId: ASSIGNEE });
    expect(JSON.stringify(mine.reply.body.blocks)).toContain('F1');
    const theirs = await h.command(`followups <@${ASSIGNEE}>`, { userId: CREATOR });
    expect(JSON.stringify(theirs.reply.body.blocks)).toContain('F1');
    const overdue = await h.command('followups overdue', { userId: CREATOR });
    expect(JSON.stringify(overdue.reply.body.blocks)).not.toContain('F1');
    // A word that is no scope (a typo, a name Slack did not turn into a mention) gets the usage, not a list.
    const typo = await h.command('followups wang', { userId: CREATOR });
    expect(JSON.stringify(typo.reply.body)).not.toContain('F1');
    expect(JSON.stringify(typo.reply.body)).toContain('/measures followups [mine');
  });

  it('reports a Slack failure but keeps the follow-up', async () => {
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    const { reply } = await h.command(`assign ${FIXTURE.measureId} <@${ASSIGNEE}>`, {
      userId: CREATOR,
      channelId: 'C0NOTMEMBER',
    });
    expect(reply.body.text).toContain('not_in_channel');
    expect(listFollowups(db)[0]).toMatchObject({
      id: 'F1',
      slackError: 'not_in_channel',
      measureId: FIXTURE.measureId,
    });
  });

  it('refuses an unknown id without creating anything', async () => {
    const { reply } = await h.command(`assign nope-1 <@${ASSIGNEE}>`, { userId: CREATOR });
    expect(reply.body.text).toContain('nope-1');
    expect(listFollowups(db)).toHaveLength(0);
  });
});
