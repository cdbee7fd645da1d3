import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { searchMeasures } from '../../../src/services/search-service.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { MAX_BLOCKS_PER_MESSAGE, MAX_COMMAND_TEXT, RESULTS_PAGE_SIZE } from '../../../src/slack/kit/limits.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { eventBody, FORM, JSON_TYPE, slashCommandBody } from '../../helpers/slack-request.ts';
import { buttonsOf, type Harness, seededDb, startHarness, TODAY, visibleText } from '../harness.ts';

const s = stringsFor('zh');
let db: Db;
let h: Harness;

beforeAll(async () => {
  db = await seededDb();
  h = await startHarness(db);
});
afterAll(async () => {
  await h.stop();
  db.close();
});
beforeEach(() => h.fake.reset());

describe('/measures search over signed HTTP', () => {
  it('answers a keyword search ephemerally with the same hits the search service finds, matches in bold', async () => {
    const expected = searchMeasures(db, { query: '冷链', limit: RESULTS_PAGE_SIZE, today: TODAY }, testSegmenter);
    expect(expected.total).toBeGreaterThan(0);
    const { status, reply } = await h.command('冷链');
    expect(status).toBe(200);
    expect(reply.body.response_type).toBe('ephemeral');
    const text = visibleText(reply.body.blocks);
    expect(reply.body.blocks[0]).toMatchObject({ type: 'header', text: { text: expect.stringContaining('冷链') } });
    expect(text).toContain(s.resultsCount(expected.total, 1, expected.hits.length));
    for (const hit of expected.hits) expect(text).toContain(`\`${hit.measureId}\``);
    expect(text).toContain('*冷链*');
    const details = buttonsOf(reply.body.blocks)
      .filter((b) => b.actionId === ACTIONS.SHOW_MEASURE)
      .map((b) => b.value);
    expect(details).toEqual(expected.hits.map((x) => x.measureId));
    expect(reply.body.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE);
    expect(typeof reply.body.text).toBe('string');
  });

  it('applies filters typed as words (地区:, in-force)', async () => {
    const expected = searchMeasures(
      db,
      {
        query: '消费',
        filters: { region: '天津' },
        limit: RESULTS_PAGE_SIZE,
        today: TODAY,
      },
      testSegmenter,
    );
    const { reply } = await h.command('消费 地区:天津');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.resultsCount(expected.total, expected.total ? 1 : 0, expected.hits.length));
    expect(text).toContain(`${s.filterNames.region}: 天津`);
    const unfiltered = searchMeasures(db, { query: '消费', limit: 1, today: TODAY }, testSegmenter);
    expect(expected.total).toBeLessThan(unfiltered.total);
  });

  it('dept <name> lists the measures that department is responsible for', async () => {
    const expected = searchMeasures(
      db,
      {
        query: '',
        filters: { department: '商务局' },
        limit: RESULTS_PAGE_SIZE,
        today: TODAY,
      },
      testSegmenter,
    );
    expect(expected.total).toBeGreaterThan(0);
    const { reply } = await h.command('dept 商务局');
    expect(visibleText(reply.body.blocks)).toContain(s.resultsCount(expected.total, 1, expected.hits.length));
    expect(visibleText(reply.body.blocks)).toContain('商务局');
  });

  it('due <year | month | next Nd> lists measures with targets due in the window', async () => {
    const year = searchMeasures(
      db,
      {
        query: '',
        filters: { dueFrom: '2023-01-01', dueTo: '2023-12-31' },
        limit: RESULTS_PAGE_SIZE,
        today: TODAY,
      },
      testSegmenter,
    );
    expect(year.total).toBeGreaterThan(0);
    const { reply } = await h.command('due 2023');
    expect(visibleText(reply.body.blocks)).toContain(s.resultsCount(year.total, 1, year.hits.length));
    // The digest's unit, counted apart from the search: every dated target due in 2023.
    const due2023 = db
      .prepare("SELECT COUNT(*) AS n FROM targets WHERE due BETWEEN '2023-01-01' AND '2023-12-31'")
      .get() as { n: number };
    expect(due2023.n).toBeGreaterThanOrEqual(year.total);
    expect(visibleText(reply.body.blocks)).toContain(s.resultsTargetsDue(due2023.n));
    const next = searchMeasures(
      db,
      {
        query: '',
        filters: { dueFrom: TODAY, dueTo: '2023-05-30' },
        limit: RESULTS_PAGE_SIZE,
        today: TODAY,
      },
      testSegmenter,
    );
    const { reply: r2 } = await h.command('due next 90d');
    expect(visibleText(r2.body.blocks)).toContain(
      next.total === 0 ? s.resultsCount(0, 0, 0) : s.resultsCount(next.total, 1, next.hits.length),
    );
    const { reply: bad } = await h.command('due someday');
    expect(visibleText(bad.body.blocks)).toContain(s.badDue);
  });

  it('help, and empty text, show the usage', async () => {
    for (const text of ['help', '', '帮助']) {
      const { reply } = await h.command(text);
      expect(reply.body.blocks[0].text.text).toBe(s.helpTitle);
      const shownText = visibleText(reply.body.blocks);
      // Examples name a measure that exists and dates still ahead, never a made-up id or a past date.
      const shown = /show ([a-z2-9]+-[qp]?\d+)/.exec(shownText)?.[1];
      expect(shown, shownText).toBeDefined();
      expect(db.prepare('SELECT 1 FROM measures WHERE id = ?').get(shown)).toBeDefined();
      expect(shownText).not.toContain('abcd');
      expect(shownText).not.toMatch(/\{(id|doc|date)\}/);
      for (const [date] of text.matchAll(/\d{4}-\d{2}-\d{2}/g)) expect(date > TODAY, date).toBe(true);
    }
  });
});

describe('what a new user types', () => {
  it('a mistyped subcommand is answered with "did you mean", not searched', async () => {
    const { reply } = await h.command('shwo pyk7-1');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.didYouMean('shwo', 'show', 'shwo pyk7-1'));
    expect(text).not.toContain(s.resultsCount(0, 0, 0));
  });

  it('a bare id shows that item', async () => {
    const id = (db.prepare('SELECT id FROM measures LIMIT 1').get() as { id: string }).id;
    const { reply } = await h.command(id);
    expect(visibleText(reply.body.blocks)).toContain(`\`${id}\``);
    expect(visibleText(reply.body.blocks)).toContain(s.source);
  });

  it('/measures done F2 says where follow-ups are changed', async () => {
    for (const text of ['done F2', 'blocked 等待数据 F2']) {
      const { reply } = await h.command(text);
      expect(visibleText(reply.body.blocks)).toContain(s.followupInThread(text));
    }
  });

  it('shows a commentary proposal and a Q&A answer as such, not as the team’s tasks', async () => {
    const { reply } = await h.command('show 3x4n-p1');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.tasksHeading.proposal);
    expect(text).not.toContain(`*${s.tasks}*`);
    const { reply: qa } = await h.command('show a4bd-q1');
    expect(visibleText(qa.body.blocks)).toContain(s.kinds.answer);
    expect(visibleText(qa.body.blocks)).not.toContain(`*${s.tasks}*`);
  });

  it('shows filters in the reader’s language, never raw values', async () => {
    const { reply } = await h.command('类型:qa 年:overdue');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(`${s.filterNames.kind}: ${s.kinds.answer}`);
    expect(text).toContain(`${s.filterNames.due}: ${s.overdue}`);
    expect(text).not.toMatch(/: (qa|overdue)\b/);
  });

  it('says when a query uses syntax it does not support, and what was searched', async () => {
    const { reply } = await h.command('NEAR(冷链 物流)');
    expect(visibleText(reply.body.blocks)).toContain(s.unsupportedSyntax('NEAR(…)'));
  });
});

describe('deadlines in results', () => {
  it('read as the document states them: a plan period, not a made-up range', async () => {
    const { reply } = await h.command('网农对接');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain('“十四五”期间 (2021–2025)');
    expect(text).not.toContain('2025–2025');
  });
});

describe('detail view', () => {
  it('show <id> gives full text, tasks, targets past or not as of today, source document and action buttons', async () => {
    const hit = searchMeasures(
      db,
      {
        query: '',
        filters: { dueFrom: '2022-01-01', dueTo: '2025-12-31' },
        limit: 1,
        today: TODAY,
      },
      testSegmenter,
    ).hits[0]!;
    const { reply } = await h.command(`show ${hit.measureId.toUpperCase()}`);
    const text = visibleText(reply.body.blocks);
    expect(reply.body.blocks[0].text.text).toContain(hit.title.slice(0, 20));
    for (const t of hit.targets) {
      // deadlines read as the document states them (2023年底前), marked past or not as of today
      expect(text).toContain(`${s.duePhrase(t)}（${t.due < TODAY ? `⚠️ ${s.overdue}` : ''}`);
    }
    expect(text).toMatch(/\d{4}年底前/);
    expect(text).toContain(s.source);
    const buttons = buttonsOf(reply.body.blocks);
    expect(buttons).toContainEqual(expect.objectContaining({ actionId: ACTIONS.SHARE_MEASURE, value: hit.measureId }));
  });

  it('the Details button answers with the detail view; unknown and malformed ids get a clear message', async () => {
    const hit = searchMeasures(db, { query: '冷链', limit: 1, today: TODAY }, testSegmenter).hits[0]!;
    const { status } = await h.press(ACTIONS.SHOW_MEASURE, hit.measureId);
    expect(status).toBe(200);
    const [r] = await h.fake.waitFor('response_url');
    expect(r!.body.replace_original).toBe(false);
    expect(visibleText(r!.body.blocks)).toContain(`\`${hit.measureId}\``);

    const { reply: missing } = await h.command('show zzzz-99');
    const missingText = visibleText(missing.body.blocks);
    expect(missingText).toContain('zzzz-99');
    expect(missingText).not.toContain('abcd');
    const example = /形如 `([a-z2-9]+-[qp]?\d+)`/.exec(missingText)?.[1];
    expect(db.prepare('SELECT 1 FROM measures WHERE id = ?').get(example)).toBeDefined();
    // An item its document does not have: how many it has, and which ids.
    const doc = hit.documentId;
    const ids = (
      db.prepare('SELECT id FROM measures WHERE document_id = ? ORDER BY position').all(doc) as { id: string }[]
    ).map((r) => r.id);
    const { reply: beyond } = await h.command(`show ${doc}-999`);
    expect(visibleText(beyond.body.blocks)).toContain(
      s.notInDocument(`${doc}-999`, doc, ids.length, ids[0]!, ids.at(-1)!),
    );
    const { reply: bad } = await h.command('show <!channel>');
    expect(visibleText(bad.body.blocks)).toContain('&lt;!channel&gt;');
    expect(JSON.stringify(bad.body)).not.toContain('<!channel>');
  });
});

describe('pagination and sharing', () => {
  it('"next page" replaces the message with the following hits', async () => {
    const all = searchMeasures(db, { query: '消费', limit: 100, today: TODAY }, testSegmenter);
    expect(all.total).toBeGreaterThan(RESULTS_PAGE_SIZE);
    const { reply } = await h.command('消费');
    const more = buttonsOf(reply.body.blocks).find((b) => b.actionId === ACTIONS.SEARCH_MORE)!;
    expect(more.label).toBe(s.more(all.total - RESULTS_PAGE_SIZE));
    h.fake.reset();
    await h.press(ACTIONS.SEARCH_MORE, more.value);
    const [page2] = await h.fake.waitFor('response_url');
    expect(page2!.body.replace_original).toBe(true);
    const text = visibleText(page2!.body.blocks);
    const to = Math.min(all.total, RESULTS_PAGE_SIZE * 2);
    expect(text).toContain(s.resultsCount(all.total, RESULTS_PAGE_SIZE + 1, to));
    for (const hit of all.hits.slice(RESULTS_PAGE_SIZE, to)) expect(text).toContain(`\`${hit.measureId}\``);
    // …and a previous page, back to the first.
    expect(buttonsOf(reply.body.blocks).some((b) => b.actionId === ACTIONS.SEARCH_PREVIOUS)).toBe(false);
    const previous = buttonsOf(page2!.body.blocks).find((b) => b.actionId === ACTIONS.SEARCH_PREVIOUS)!;
    expect(previous.label).toBe(s.previous);
    h.fake.reset();
    await h.press(ACTIONS.SEARCH_PREVIOUS, previous.value);
    const [page1] = await h.fake.waitFor('response_url');
    expect(visibleText(page1!.body.blocks)).toContain(s.resultsCount(all.total, 1, RESULTS_PAGE_SIZE));
  });

  it('a tampered button value is refused politely', async () => {
    await h.press(ACTIONS.SEARCH_MORE, '{"source":"search","args":"x","offset":-5}');
    const [r] = await h.fake.waitFor('response_url');
    expect(r!.body.text).toBe(s.expired);
  });

  it('"Share in channel" posts the page publicly as the bot, without buttons, naming who shared', async () => {
    const { reply } = await h.command('冷链');
    const share = buttonsOf(reply.body.blocks).find((b) => b.actionId === ACTIONS.SHARE_RESULTS)!;
    h.fake.reset();
    await h.press(ACTIONS.SHARE_RESULTS, share.value, { channelId: 'C0SHARE' });
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C0SHARE');
    expect(buttonsOf(post!.body.blocks)).toEqual([]);
    expect(visibleText(post!.body.blocks)).toContain(s.sharedBy('U2147483697'));
    expect(h.fake.callsTo('response_url')).toEqual([]);
  });

  it('the same search asked again shows the same page, buttons and all, after a share of it', async () => {
    const first = await h.command('冷链');
    const share = buttonsOf(first.reply.body.blocks).find((b) => b.actionId === ACTIONS.SHARE_RESULTS)!;
    await h.press(ACTIONS.SHARE_RESULTS, share.value, { channelId: 'C0SHARE' });
    await h.fake.waitFor('chat.postMessage');
    const again = await h.command('冷链');
    expect(again.reply.body.blocks).toEqual(first.reply.body.blocks);
    expect(buttonsOf(again.reply.body.blocks).map((b) => b.actionId)).toContain(ACTIONS.SHARE_RESULTS);
  });

  it('when the bot is not in the channel, shares through response_url in_channel and tells the user', async () => {
    h.fake.failNext('chat.postMessage', 'not_in_channel');
    const hit = searchMeasures(db, { query: '冷链', limit: 1, today: TODAY }, testSegmenter).hits[0]!;
    await h.press(ACTIONS.SHARE_MEASURE, hit.measureId);
    const posts = await h.fake.waitFor('response_url', 2);
    expect(posts[0]!.body.response_type).toBe('in_channel');
    expect(visibleText(posts[0]!.body.blocks)).toContain(`\`${hit.measureId}\``);
    expect(posts[1]!.body).toMatchObject({ response_type: 'ephemeral', text: s.notInChannelShared });
  });

  it('a rate-limited chat.postMessage is retried after Retry-After', async () => {
    h.fake.rateLimitNext('chat.postMessage', 1);
    const hit = searchMeasures(db, { query: '冷链', limit: 1, today: TODAY }, testSegmenter).hits[0]!;
    await h.press(ACTIONS.SHARE_MEASURE, hit.measureId);
    const posts = await h.fake.waitFor('chat.postMessage', 2, 8000);
    expect(posts[1]!.body.channel).toBe(posts[0]!.body.channel);
    expect(h.fake.callsTo('response_url')).toEqual([]);
  }, 15_000);
});

describe('request verification', () => {
  it('rejects a forged signature and a 10-minute-old timestamp with 401, and does nothing', async () => {
    const body = slashCommandBody({ text: '冷链', responseUrl: h.fake.responseUrl() });
    expect((await h.post(body, FORM, { signature: `v0=${'a'.repeat(64)}` })).status).toBe(401);
    expect((await h.post(body, FORM, { timestampSec: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    // A valid request afterwards, answered: had the rejected ones done anything, it would have arrived by now.
    const sentinel = await h.command('help');
    const answers = h.fake.calls.filter((c) => c.method === 'response_url' || c.method === 'command_ack');
    expect(answers.map((c) => c.path)).toEqual([new URL(sentinel.responseUrl).pathname]);
  });

  it('serves GET /healthz with JSON', async () => {
    const res = await fetch(`http://127.0.0.1:${h.port}/healthz`);
    expect(res.status).toBe(200);
    const json = (await res.json()) as { ok: boolean; documents: number };
    expect(json.ok).toBe(true);
    expect(json.documents).toBeGreaterThan(0);
  });
});

describe('hostile input', () => {
  it('<!channel> and forged links are escaped, never pinging or linking', async () => {
    const { reply } = await h.command('<!channel> <https://evil.example|gov.cn> 冷链 & more');
    // Everything Slack reads as mrkdwn: the top-level text and every mrkdwn object (plain_text cannot ping).
    const mrkdwn = [
      reply.body.text,
      ...JSON.stringify(reply.body.blocks).match(/"type":"mrkdwn","text":"[^"]*"/g)!,
    ].join('\n');
    expect(mrkdwn).not.toContain('<!channel>');
    expect(mrkdwn).not.toContain('<https://evil');
    // Slack's own tokens (<!channel>, <@U…>) are not keywords and are dropped; other text is echoed escaped.
    expect(reply.body.text).not.toContain('channel');
    expect(reply.body.text).toContain('&lt;https://evil.example|gov.cn&gt; 冷链 &amp; more');
  });

  it('FTS and SQL syntax are searched as text, not executed', async () => {
    for (const q of ['"冷链" OR NEAR(a b) * title:x', "'; DROP TABLE measures; --", '冷链 AND ) (', '^*"']) {
      const { status, reply } = await h.command(q);
      expect(status).toBe(200);
      expect(reply.body.text).not.toBe(s.genericError);
    }
    expect((db.prepare('SELECT COUNT(*) AS n FROM measures').get() as { n: number }).n).toBeGreaterThan(0);
  });

  it('4,000 characters are refused with a readable message', async () => {
    const { status, reply } = await h.command('冷'.repeat(4000));
    expect(status).toBe(200);
    expect(visibleText(reply.body.blocks)).toBe(s.tooLong(MAX_COMMAND_TEXT));
  });
});

describe('events', () => {
  it('@mention answers in the thread', async () => {
    const { status } = await h.event({
      type: 'app_mention',
      user: 'U2147483697',
      text: '<@W23456789> 冷链',
      ts: '1515449522.000016',
      channel: 'C0THREAD',
      event_ts: '1515449522.000016',
      thread_ts: '1515449000.000001',
    });
    expect(status).toBe(200);
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C0THREAD', thread_ts: '1515449000.000001' });
    expect(visibleText(post!.body.blocks)).toContain('*冷链*');
  });

  it('a mention delivered twice (same event_id) is answered once', async () => {
    const mention = {
      type: 'app_mention',
      user: 'U1',
      text: '<@W23456789> 冷链',
      ts: '1.2',
      channel: 'C1',
      event_ts: '1.2',
    };
    await h.post(eventBody(mention, 'EvTWICE'), JSON_TYPE);
    await h.post(eventBody(mention, 'EvTWICE'), JSON_TYPE);
    await h.fake.waitFor('chat.postMessage');
    // A positive signal: a later event's answer (the Home tab) has arrived, and still only one answer.
    await h.event({ type: 'app_home_opened', user: 'U0SENTINEL', channel: 'D1', tab: 'home', event_ts: '1.9' });
    await h.fake.waitFor('views.publish');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a retry whose first delivery never arrived is answered', async () => {
    await h.event(
      { type: 'app_mention', user: 'U1', text: '<@W23456789> 冷链', ts: '1.3', channel: 'C1', event_ts: '1.3' },
      { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    );
    const [post] = await h.fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C1', thread_ts: '1.3' });
  });

  it('app_home_opened publishes the Home tab', async () => {
    await h.event({ type: 'app_home_opened', user: 'U2147483697', channel: 'D1', tab: 'home', event_ts: '1.3' });
    const [pub] = await h.fake.waitFor('views.publish');
    expect(pub!.body.user_id).toBe('U2147483697');
    expect(pub!.body.view.type).toBe('home');
    expect(pub!.body.view.blocks.length).toBeLessThanOrEqual(100);
  });
});
