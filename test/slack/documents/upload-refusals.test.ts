import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { warmSegmenter } from '../../../src/search/jieba-segmenter.ts';
import { listIndexedDocuments } from '../../../src/services/document-service.ts';
import { MAX_UPLOAD_MEASURES } from '../../../src/slack/documents/add-shared-file.ts';
import { testDb } from '../../helpers/db.ts';
import { numberedPlan } from '../../helpers/numbered-plan.ts';
import { REPO_ROOT } from '../../helpers/paths.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { type Harness, startHarness, TODAY } from '../harness.ts';

/** A refused upload is explained in the bot's language (BOT_LOCALE), not in the parser's English. */

const ADMIN = 'UADMIN01';
const DM = 'D0DMCHAN3';
const FORMATS = path.join(REPO_ROOT, 'test/core/parse/fixtures/formats');
const SCANNED = fs.readFileSync(path.join(FORMATS, 'scanned.pdf'));
const OFD = fs.readFileSync(path.join(FORMATS, 'sample.ofd'));
/** A reply letter (复函): it answers a request and has no numbered items, so it holds no measures. */
const REPLY = Buffer.from(
  [
    '国务院办公厅关于同意以某市名义申办运动会的复函',
    '某省人民政府：',
    '你省来函收悉。同意以某市名义申办运动会。',
    '国务院办公厅',
    '2004年4月27日',
  ].join('\n'),
);

/** A compendium one measure over what the bot indexes from Slack (the command line takes it). */
const HUGE = Buffer.from(
  numberedPlan('关于推进消费试点城市建设的实施方案', MAX_UPLOAD_MEASURES + 1, (k) => `推进第${k}项试点建设`),
);

let seq = 0;

function suite(
  locale: 'zh' | 'en',
  expected: Record<'scan' | 'reply' | 'wps' | 'ofd' | 'huge', string[]>,
  never: string[],
) {
  describe(`a refused upload with BOT_LOCALE=${locale}`, () => {
    let db: Db;
    let h: Harness;
    beforeAll(async () => {
      warmSegmenter(testSegmenter);
      db = testDb();
      h = await startHarness(db, { SLACK_ADMIN_USERS: ADMIN, BOT_LOCALE: locale });
    });
    afterAll(async () => {
      await h.stop();
      db.close();
    });
    beforeEach(() => h.fake.reset());

    async function share(name: string, bytes: Uint8Array): Promise<string> {
      const id = `F0REF${++seq}`;
      const ts = `1700700${seq}.000100`;
      h.fake.addFile({ id, name, bytes, shares: { [DM]: ts } });
      await h.event({ type: 'file_shared', channel_id: DM, file_id: id, user_id: ADMIN, file: { id }, event_ts: ts });
      await h.idle(15_000);
      const [answer] = h.fake.callsTo('chat.postMessage');
      expect(answer?.body.thread_ts).toBe(ts);
      return answer!.body.text as string;
    }

    const cases: Array<[string, keyof typeof expected, string, Uint8Array]> = [
      ['a scanned PDF', 'scan', 'scanned.pdf', SCANNED],
      ['a reply letter (复函) with no numbered items', 'reply', 'reply.txt', REPLY],
      ['a WPS file', 'wps', 'plan.wps', Buffer.from('not read')],
      ['an OFD document', 'ofd', 'sample.ofd', OFD],
      [`a plan of ${MAX_UPLOAD_MEASURES + 1} measures`, 'huge', 'compendium.txt', HUGE],
    ];
    for (const [about, key, name, bytes] of cases) {
      it(`${about} is explained in its language, nothing written`, async () => {
        const text = await share(name, bytes);
        for (const part of expected[key]) expect(text).toContain(part);
        for (const part of never) expect(text).not.toContain(part);
        expect(listIndexedDocuments(db, { today: TODAY }).total).toBe(0);
      });
    }
  });
}

suite(
  'zh',
  {
    scan: [
      '无法收录这份文件，索引没有任何改动',
      'scanned.pdf 是扫描件，没有可读取的文字层',
      '请上传带文字的 PDF 或 Word 文件',
    ],
    reply: ['reply.txt 是复函，本身没有编号的条目，没有可收录的举措', '请上传它所答复或印发的政策文件'],
    wps: ['plan.wps 是 WPS 格式文件，无法读取', '存为 Word（.docx）或导出为 PDF'],
    ofd: ['sample.ofd 是 OFD 版式文档，无法读取', 'PDF 版本'],
    huge: ['compendium.txt 有 5,001 条举措，超过在 Slack 中收录的上限（5,000 条', 'measures ingest'],
  },
  // The parser's English sentences.
  ['was read', 'text layer', 'cannot read', 'Upload'],
);

suite(
  'en',
  {
    scan: ['could not be indexed; nothing was changed', 'scanned.pdf is a scan', 'no text layer'],
    reply: ['reply.txt is a reply letter (复函) with no numbered items of its own', 'no measures to index'],
    wps: ['plan.wps is a WPS Office file', 'save it as Word (.docx)'],
    ofd: ['sample.ofd is an OFD document', 'PDF version'],
    huge: ['compendium.txt has 5,001 numbered items, over the 5,000 the bot indexes from Slack', 'measures ingest'],
  },
  ['是扫描件', '复函，', '无法读取'],
);
