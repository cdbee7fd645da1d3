import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BLOCKED_REASON_CHARS, MAX_NOTE_CHARS } from '../../../src/core/followups/limits.ts';
import type { Db } from '../../../src/db/open.ts';
import { getFollowup, listFollowups } from '../../../src/repo/followups-repo.ts';
import { HEALTH_PATH } from '../../../src/slack/app.ts';
import { REASON_BLOCK } from '../../../src/slack/followups/modals.ts';
import { ACTIONS, VIEWS } from '../../../src/slack/ids.ts';
import { testDb } from '../../helpers/db.ts';
import { seedFollowupFixture } from '../../helpers/followup-fixture.ts';
import { eventBody, FORM, interactivityBody, JSON_TYPE, signedHeaders } from '../../helpers/slack-request.ts';
import { botUserId, type Harness, SIGNING_SECRET, startHarness } from '../harness.ts';
import { ASSIGNEE, CREATOR, cardButton, mention, viewSubmission } from './payloads.ts';
import { clearFollowupTables, shareFixtureMeasure } from './steps.ts';

/**
 * Free text is capped by the service on every path (a forged modal or a long @mention too), and a database
 * that cannot be written is told to the user, and to /healthz, instead of "something went wrong" or silence.
 */

let PARENT = '';
let h: Harness;
let db: Db;
let botId = '';
let seq = 0;

beforeAll(async () => {
  db = testDb();
  seedFollowupFixture(db);
  h = await startHarness(db, { BOT_LOCALE: 'en' });
  botId = await botUserId(h);
});
afterAll(() => h.stop());
beforeEach(async () => {
  db.pragma('query_only = OFF');
  db.pragma('max_page_count = 1073741823');
  h.fake.reset();
  clearFollowupTables(db);
  PARENT = (await shareFixtureMeasure(h)).response!.ts as string;
  await h.idle();
  h.fake.reset();
});

async function say(text: string, user = CREATOR): Promise<void> {
  seq++;
  const body = eventBody(
    mention(`<@${botId}> ${text}`, { user, ts: `1700000200.${String(seq).padStart(6, '0')}`, threadTs: PARENT }),
    `EvLIM${seq}`,
  );
  const res = await fetch(h.url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, JSON_TYPE), body });
  expect(res.status).toBe(200);
  await res.text();
  await h.idle();
}

const ephemerals = () => h.fake.callsTo('chat.postEphemeral').map((c) => c.body.text as string);

async function assignInThread(): Promise<string> {
  await say(`assign <@${ASSIGNEE}|wang> 2026-12-20 please check`);
  await h.fake.waitFor('chat.postMessage', 1);
  h.fake.reset();
  return listFollowups(db)[0]!.id;
}

describe('length limits on every path', () => {
  it('an @mention assign with a 100,000-character note is refused with the limit, and nothing is stored', async () => {
    await say(`assign <@${ASSIGNEE}|wang> 2026-12-20 ${'备'.repeat(100_000)}`);
    expect(listFollowups(db)).toHaveLength(0);
    expect(ephemerals()).toEqual([expect.stringContaining(`at most ${MAX_NOTE_CHARS} characters`)]);
  });

  it('a note of exactly the limit is kept whole', async () => {
    await say(`assign <@${ASSIGNEE}|wang> 2026-12-20 ${'备'.repeat(MAX_NOTE_CHARS)}`);
    expect(listFollowups(db)[0]!.note).toBe('备'.repeat(MAX_NOTE_CHARS));
  });

  it('an @mention blocked with a 100,000-character reason is refused and the follow-up stays as it was', async () => {
    const id = await assignInThread();
    await say(`blocked ${'x'.repeat(100_000)}`, ASSIGNEE);
    expect(getFollowup(db, id)).toMatchObject({ status: 'open', blockedReason: null });
    expect(ephemerals()).toEqual([expect.stringContaining(`at most ${MAX_BLOCKED_REASON_CHARS} characters`)]);
  });

  it('a forged Blocked modal with a 45,000-character reason is answered inside the modal and not stored', async () => {
    const id = await assignInThread();
    await h.post(interactivityBody(cardButton(ACTIONS.FOLLOWUP_BLOCK, id, { user: ASSIGNEE, threadTs: PARENT })), FORM);
    const [open] = await h.fake.waitFor('views.open');
    expect(open!.body.view.callback_id).toBe(VIEWS.FOLLOWUP_BLOCK_MODAL);
    const values = {
      [REASON_BLOCK.block]: { [REASON_BLOCK.action]: { type: 'plain_text_input', value: 'y'.repeat(45_000) } },
    };
    const res = await h.post(
      interactivityBody(viewSubmission(open!.body.view, values, { user: ASSIGNEE, viewId: 'VLONG' })),
      FORM,
    );
    expect(JSON.parse(res.text)).toMatchObject({
      response_action: 'errors',
      errors: { [REASON_BLOCK.block]: expect.stringContaining(`at most ${MAX_BLOCKED_REASON_CHARS}`) },
    });
    await h.idle();
    expect(getFollowup(db, id)).toMatchObject({ status: 'open', blockedReason: null });
  });
});

describe('a database that cannot be written', () => {
  const health = async () => {
    const res = await fetch(`http://127.0.0.1:${h.port}${HEALTH_PATH}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('/healthz says ok while it can be written, and 503 with the problem when it is full or read-only', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { ok: true, database: 'ok' } });
    // No free pages either (a migration that rebuilds a table leaves some): the file is exactly full.
    db.exec('VACUUM');
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`);
    expect(await health()).toMatchObject({
      status: 503,
      body: { ok: false, database: 'full', error: expect.stringMatching(/free some space/) },
    });
    db.pragma('max_page_count = 1073741823');
    db.pragma('query_only = ON');
    expect(await health()).toMatchObject({ status: 503, body: { ok: false, database: 'readonly' } });
    db.pragma('query_only = OFF');
    expect((await health()).status).toBe(200);
  });

  it('an @mention assign is answered: the index cannot be written, nothing was saved', async () => {
    db.pragma('query_only = ON');
    await say(`assign <@${ASSIGNEE}|wang> 2026-12-20 please check`);
    db.pragma('query_only = OFF');
    expect(listFollowups(db)).toHaveLength(0);
    expect(ephemerals()).toEqual([expect.stringMatching(/index cannot be written.*nothing was saved/)]);
  });

  it('a follow-up button is answered the same way on its response_url', async () => {
    const id = await assignInThread();
    db.pragma('query_only = ON');
    const url = h.fake.responseUrl();
    const payload = {
      ...cardButton(ACTIONS.FOLLOWUP_START, id, { user: ASSIGNEE, threadTs: PARENT }),
      response_url: url,
    };
    await h.post(interactivityBody(payload), FORM);
    const reply = await h.fake.waitForPath(new URL(url).pathname);
    db.pragma('query_only = OFF');
    expect(reply.body.text).toMatch(/index cannot be written/);
    expect(getFollowup(db, id)!.status).toBe('open');
  });
});
