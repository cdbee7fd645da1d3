import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { listIndexedDocuments } from '../../../src/services/document-service.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { testDb } from '../../helpers/db.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { type Harness, startHarness, TODAY, visibleText } from '../harness.ts';

/** Word and PDF files shared in the bot's DM go through the same readers as the command line. */

const s = stringsFor('zh');
const ADMIN = 'UADMIN01';
const DM = 'D0DMCHAN2';
const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');

let db: Db;
let h: Harness;
let seq = 0;

beforeAll(async () => {
  warmSegmenter(testSegmenter);
  db = testDb();
  h = await startHarness(db, { SLACK_ADMIN_USERS: ADMIN });
});
afterAll(async () => {
  await h.stop();
  db.close();
});
beforeEach(() => h.fake.reset());

async function share(fixture: string) {
  const id = `F0FMT${++seq}`;
  const ts = `1700500${seq}.000100`;
  h.fake.addFile({ id, name: fixture, bytes: fs.readFileSync(path.join(FORMATS, fixture)), shares: { [DM]: ts } });
  await h.event({ type: 'file_shared', channel_id: DM, file_id: id, user_id: ADMIN, file: { id }, event_ts: ts });
  await h.idle(15_000);
  const [answer] = h.fake.callsTo('chat.postMessage');
  expect(answer?.body.thread_ts).toBe(ts);
  return answer!.body;
}

describe('documents as teams get them', () => {
  it('a .docx of the Hunan plan is indexed with its 文号, region and 20 measures', async () => {
    const text = visibleText((await share('hunan.docx')).blocks);
    expect(text).toContain(s.docIndexedTitle('湖南省人民政府办公厅关于加快培育新型消费的实施意见'));
    expect(text).toContain('湘政办发〔2021〕38号');
    expect(text).toContain('湖南省');
    expect(text).toMatch(/\*举措\*\n20/);
  });

  it('a PDF of the Tianjin plan is indexed with its 19 measures', async () => {
    const text = visibleText((await share('tianjin.pdf')).blocks);
    expect(text).toContain(s.docIndexedTitle('天津市加快发展新型消费实施方案（征求意见稿）'));
    expect(text).toMatch(/\*举措\*\n19/);
  });

  it('a scanned PDF (no text layer) is refused with the reason, nothing written', async () => {
    const before = listIndexedDocuments(db, { today: TODAY }).total;
    const answer = await share('scanned.pdf');
    expect(answer.text).toContain('无法收录这份文件，索引没有任何改动');
    expect(answer.text).toContain('scanned.pdf 是扫描件，没有可读取的文字层');
    expect(listIndexedDocuments(db, { today: TODAY }).total).toBe(before);
  });
});
