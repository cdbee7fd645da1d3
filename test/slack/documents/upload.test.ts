import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { listMeasures } from '../../../src/repo/documents-repo.ts';
import { getFollowup } from '../../../src/repo/followups-repo.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { listIndexedDocuments } from '../../../src/services/document-service.ts';
import { MAX_DOCUMENT_BYTES } from '../../../src/services/ingest-service.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { testDb } from '../../helpers/db.ts';
import { insertMeasureFollowup } from '../../helpers/followup-fixture.ts';
import { numberedPlan } from '../../helpers/numbered-plan.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { eventBody, JSON_TYPE } from '../../helpers/slack-request.ts';
import { buttonsOf, type Harness, SEEDS_DIR, startHarness, TODAY, visibleText } from '../harness.ts';

/**
 * A document shared with the bot, end to end: a signed event → files.info and the download at the fake (bot
 * token checked) → the real ingest into a real database → the answer in the file's thread.
 */

const s = stringsFor('zh');
const ADMIN = 'UADMIN01';
const INGESTER = 'UINGEST01';
const STRANGER = 'USTRANGER';
const DM = 'D0DMCHAN1';
const CHANNEL = 'C0POLICY1';
/** The Tianjin plan (seed 004): its title, region, 19 measures, no 文号, in force until 2025-12-31. */
const TIANJIN = fs.readFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'));
const TIANJIN_TITLE = '天津市加快发展新型消费实施方案（征求意见稿）';

let db: Db;
let h: Harness;
let seq = 0;

beforeAll(async () => {
  // jieba's dictionary loads once per worker (seconds on a busy machine): here, not inside the first test.
  warmSegmenter(testSegmenter);
  db = testDb();
  h = await startHarness(db, { SLACK_ADMIN_USERS: ADMIN, INGEST_USERS: INGESTER });
});
afterAll(async () => {
  await h.stop();
  db.close();
});
beforeEach(() => h.fake.reset());

/** Registers a file at the fake and shares it in the bot's DM; resolves once the bot has finished with it. */
async function shareInDm(name: string, bytes: Uint8Array, user = ADMIN, extra: { size?: number } = {}) {
  const id = `F0FILE${++seq}`;
  const ts = `1700000${seq}.000100`;
  h.fake.addFile({ id, name, bytes, shares: { [DM]: ts }, ...extra });
  await h.event({ type: 'file_shared', channel_id: DM, file_id: id, user_id: user, file: { id }, event_ts: ts });
  await h.idle(15_000);
  return { id, ts };
}

const answers = () => h.fake.callsTo('chat.postMessage');
const documentCount = () => listIndexedDocuments(db, { today: TODAY }).total;

describe('a file shared in the bot DM', () => {
  it('is downloaded with the bot token, indexed, and answered in its thread with what was indexed', async () => {
    const { ts } = await shareInDm('tianjin-plan.txt', TIANJIN);
    const download = h.fake.callsTo('file_download');
    expect(download).toHaveLength(1);
    expect(download[0]!.body.authorization).toBe('Bearer xoxb-test-token');

    const [answer] = answers();
    expect(answer!.body).toMatchObject({ channel: DM, thread_ts: ts });
    const text = visibleText(answer!.body.blocks);
    expect(text).toContain(s.docIndexedTitle(TIANJIN_TITLE));
    expect(text).toContain('天津市');
    expect(text).toMatch(/\*举措\*\n19/);
    expect(text).toContain(s.status.in_force);
    expect(text).toMatch(/\*文号\*\n—/);
    const docId = listIndexedDocuments(db, { today: TODAY }).documents[0]!.id;
    expect(buttonsOf(answer!.body.blocks)).toContainEqual({
      actionId: ACTIONS.SHOW_MEASURE,
      value: docId,
      label: s.docShowDocument,
    });
    expect(listIndexedDocuments(db, { today: TODAY }).documents[0]).toMatchObject({
      title: TIANJIN_TITLE,
      addedBy: ADMIN,
      measures: 19,
    });
  });

  it('the same file again is recognised: "already indexed as …", nothing added', async () => {
    const before = documentCount();
    await shareInDm('tianjin-plan.txt', TIANJIN, INGESTER);
    const text = visibleText(answers()[0]!.body.blocks);
    expect(text).toContain('已经收录过了');
    expect(text).toContain(TIANJIN_TITLE);
    // Saved under another name: recognised by content.
    h.fake.reset();
    await shareInDm('copy of the plan.txt', TIANJIN, INGESTER);
    expect(visibleText(answers()[0]!.body.blocks)).toContain(s.docSameContentAs('tianjin-plan.txt'));
    expect(documentCount()).toBe(before);
  });

  it('lists what the parser was unsure of: a measure without a responsible unit', async () => {
    const text = TIANJIN.toString('utf8')
      .replace('天津市加快发展新型消费实施方案', '天津市责任单位缺失测试方案')
      .replace(/(（十九）注重新闻宣传政策解读。[^\n]*?)（市委宣传部[^）]*）/, '$1');
    await shareInDm('no-units.txt', Buffer.from(text));
    const shown = visibleText(answers()[0]!.body.blocks);
    expect(shown).toContain('解析时不确定的地方');
    expect(shown).toMatch(/• \*未写明责任单位\* · （十九）/);
  });

  it('a retried event is acted on once', async () => {
    const id = `F0RETRY${++seq}`;
    const text = TIANJIN.toString('utf8').replace('天津市加快发展新型消费实施方案', '天津市促进消费重复投递测试方案');
    h.fake.addFile({ id, name: 'retry.txt', bytes: Buffer.from(text), shares: { [DM]: '1700009999.000100' } });
    const body = eventBody(
      { type: 'file_shared', channel_id: DM, file_id: id, user_id: ADMIN, file: { id }, event_ts: '1700009999.000100' },
      'EvRETRY1',
    );
    const before = documentCount();
    await h.post(body, JSON_TYPE);
    await h.idle();
    await h.post(body, JSON_TYPE);
    await h.idle();
    expect(h.fake.callsTo('file_download')).toHaveLength(1);
    expect(answers()).toHaveLength(1);
    expect(documentCount()).toBe(before + 1);
  });

  it('someone not allowed to add documents gets a polite refusal, and nothing is fetched', async () => {
    const before = documentCount();
    await shareInDm('other.txt', Buffer.from(TIANJIN.toString('utf8').replace('天津市', '北京市')), STRANGER);
    expect(h.fake.callsTo('files.info')).toHaveLength(0);
    expect(h.fake.callsTo('file_download')).toHaveLength(0);
    const [refusal] = h.fake.callsTo('chat.postEphemeral');
    expect(refusal!.body).toMatchObject({ user: STRANGER, text: s.docNotAllowed });
    expect(documentCount()).toBe(before);
  });

  it('a file that is not a document is explained, with nothing written', async () => {
    const before = documentCount();
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3,
    ]);
    await shareInDm('scan.png', png);
    const text = answers()[0]!.body.text as string;
    expect(text).toContain('无法收录这份文件，索引没有任何改动');
    expect(text).toContain('scan.png');
    // A text file with no numbered measures in it.
    h.fake.reset();
    await shareInDm('notes.txt', Buffer.from('会议纪要\n\n今天讨论了一些事情，没有编号的举措。\n'));
    expect(answers()[0]!.body.text).toContain('notes.txt');
    expect(documentCount()).toBe(before);
  });

  it('a file over the size limit is refused before downloading when Slack reports its size, and while reading when it does not', async () => {
    const before = documentCount();
    await shareInDm('huge.txt', Buffer.from('x'), ADMIN, { size: MAX_DOCUMENT_BYTES + 1 });
    expect(h.fake.callsTo('file_download')).toHaveLength(0);
    expect(answers()[0]!.body.text).toContain('超过 5.0 MB 的上限');
    h.fake.reset();
    await shareInDm('huge-but-reported-small.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1), ADMIN, { size: 10 });
    expect(h.fake.callsTo('file_download')).toHaveLength(1);
    expect(answers()[0]!.body.text).toContain('超过 5.0 MB 的上限');
    expect(documentCount()).toBe(before);
  });

  it('a download refused by Slack (its sign-in page instead of the file) is explained', async () => {
    h.fake.botToken = 'xoxb-some-other-token';
    try {
      await shareInDm('tianjin-again.txt', TIANJIN);
    } finally {
      h.fake.botToken = 'xoxb-test-token';
    }
    expect(answers()[0]!.body.text).toContain(s.docDownloadFailed('tianjin-again.txt'));
  });

  it('files shared in a channel without an @mention are left alone', async () => {
    h.fake.addFile({ id: 'F0CHANNEL', name: 'x.txt', bytes: TIANJIN, shares: { [CHANNEL]: '1700000000.000900' } });
    await h.event({
      type: 'file_shared',
      channel_id: CHANNEL,
      file_id: 'F0CHANNEL',
      user_id: ADMIN,
      file: { id: 'F0CHANNEL' },
      event_ts: '1',
    });
    await h.idle();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});

/** Tianjin with （十八）'s lead unit changed and （十九） dropped. */
function revised(): Buffer {
  const text = TIANJIN.toString('utf8')
    .replace('（市发展改革委牵头，相关部门按职责分工负责）', '（市统计局牵头，相关部门按职责分工负责）')
    .replace(/\n（十九）注重新闻宣传政策解读。[^\n]*/, '');
  return Buffer.from(text);
}

describe('a revision, uploaded in a channel with an @mention', () => {
  const REV = 'rev-plan.txt';
  let docId = '';

  it('the first version is indexed from the mention, answered in the message thread', async () => {
    const fresh = TIANJIN.toString('utf8').replace('天津市加快发展新型消费实施方案', '天津市新型消费修订测试方案');
    h.fake.addFile({ id: 'F0REV1', name: REV, bytes: Buffer.from(fresh), shares: { [CHANNEL]: '1700100000.000100' } });
    await h.event({
      type: 'app_mention',
      user: INGESTER,
      text: '<@W23456789> 新文件',
      ts: '1700100000.000100',
      channel: CHANNEL,
      event_ts: '1700100000.000100',
      files: [{ id: 'F0REV1' }],
    });
    await h.idle();
    const [answer] = answers();
    expect(answer!.body).toMatchObject({ channel: CHANNEL, thread_ts: '1700100000.000100' });
    expect(visibleText(answer!.body.blocks)).toContain(s.docIndexedTitle('天津市新型消费修订测试方案（征求意见稿）'));
    docId = listIndexedDocuments(db, { today: TODAY }).documents.find((d) => d.file === REV)!.id;
  });

  it('the revision tells the uploader what changed and replies in every affected follow-up thread', async () => {
    const follow = (measureId: string, threadTs: string) =>
      insertMeasureFollowup(
        db,
        { measureId, assignee: 'UWANG', createdBy: ADMIN, channel: 'C0FOLLOW', threadTs },
        '2023-03-01T02:00:00Z',
      );
    const measures = listMeasures(db, docId);
    const eighteen = measures.find((m) => m.label === '（十八）')!;
    const nineteen = measures.find((m) => m.label === '（十九）')!;
    const onChanged = follow(eighteen.id, '1700200000.000100');
    const onRemoved = follow(nineteen.id, '1700200000.000200');
    const unaffected = follow(measures.find((m) => m.label === '（三）')!.id, '1700200000.000300');

    const text = revised().toString('utf8').replace('天津市加快发展新型消费实施方案', '天津市新型消费修订测试方案');
    h.fake.addFile({ id: 'F0REV2', name: REV, bytes: Buffer.from(text), shares: { [CHANNEL]: '1700300000.000100' } });
    await h.event({
      type: 'app_mention',
      user: INGESTER,
      text: '<@W23456789> 修订版',
      ts: '1700300000.000100',
      channel: CHANNEL,
      event_ts: '1700300000.000100',
      files: [{ id: 'F0REV2' }],
    });
    await h.idle();

    const inThread = (ts: string) => answers().filter((c) => c.body.channel === 'C0FOLLOW' && c.body.thread_ts === ts);
    expect(inThread(onChanged.threadTs!)).toHaveLength(1);
    expect(inThread(onChanged.threadTs!)[0]!.body.text).toContain('（十八）');
    expect(inThread(onChanged.threadTs!)[0]!.body.text).toContain('市统计局');
    expect(inThread(onRemoved.threadTs!)).toHaveLength(1);
    expect(inThread(onRemoved.threadTs!)[0]!.body.text).toContain('删除了举措 （十九）');
    expect(inThread(unaffected.threadTs!)).toHaveLength(0);

    const answer = answers().find((c) => c.body.channel === CHANNEL)!;
    expect(answer.body.thread_ts).toBe('1700300000.000100');
    const shown = visibleText(answer.body.blocks);
    expect(shown).toContain(s.docUpdatedTitle('天津市新型消费修订测试方案（征求意见稿）'));
    expect(shown).toContain(s.docRemovedMeasures(`（十九） \`${nineteen.id}\``));
    // The bracket is part of the measure's text, so its text changed as well as its units.
    expect(shown).toContain(`（十八） \`${eighteen.id}\` (内容/责任单位)`);
    expect(buttonsOf(answer.body.blocks)).toContainEqual({
      actionId: ACTIONS.SHOW_MEASURE,
      value: eighteen.id,
      label: s.docShowMeasure('（十八）'),
    });
    expect(shown).toContain(s.docFollowupsTold(2));
    // The follow-ups are still there, on their ids.
    expect(getFollowup(db, onChanged.id)!.measureId).toBe(eighteen.id);
    expect(getFollowup(db, onRemoved.id)!.measureId).toBe(nineteen.id);
  });
});

describe('a document shared after a search', () => {
  it('is found by the same /measures search asked again (the answer is not reused across the write)', async () => {
    const before = await h.command('氢能重卡');
    expect(visibleText(before.reply.body.blocks)).not.toContain('*氢能重卡*');
    const plan = numberedPlan('关于开展氢能重卡示范的实施方案', 3, (k) => `开展氢能重卡示范运营第${k}批`);
    await shareInDm('hydrogen-plan.txt', Buffer.from(plan));
    const after = await h.command('氢能重卡');
    const text = visibleText(after.reply.body.blocks);
    expect(text).toContain('*氢能重卡*');
    expect(text).toContain(s.resultsCount(3, 1, 3));
  });
});
