import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { runRevisionNoticeJob } from '../../src/jobs/revision-notice-job.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { listMeasures } from '../../src/repo/documents-repo.ts';
import { ingestSources } from '../../src/services/ingest-service.ts';
import { createSlackClient } from '../../src/slack/web-api.ts';
import { testDb } from '../helpers/db.ts';
import { type FakeSlack, startFakeSlack } from '../helpers/fake-slack.ts';
import { insertMeasureFollowup } from '../helpers/followup-fixture.ts';
import { SEEDS_DIR } from '../helpers/paths.ts';
import { testSegmenter } from '../helpers/segmenter.ts';

const TIANJIN = fs.readFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'), 'utf8');
let fake: FakeSlack;

beforeAll(async () => {
  fake = await startFakeSlack();
});
afterAll(async () => {
  await fake.stop();
});

describe('revision-notes job', () => {
  it('posts the notes a command-line revision left for follow-up threads, once', async () => {
    const db = testDb();
    const deps = { db, logger: silentLogger, clock: fixedClock('2023-03-01T02:00:00Z'), segmenter: testSegmenter };
    const [first] = (await ingestSources(deps, [{ file: 'tj.txt', bytes: Buffer.from(TIANJIN) }])).indexed;
    const nineteen = listMeasures(db, first!.documentId).find((m) => m.label === '（十九）')!;
    insertMeasureFollowup(
      db,
      {
        measureId: nineteen.id,
        assignee: 'UWANG',
        createdBy: 'UADMIN',
        channel: 'C0FOLLOW',
        threadTs: '1700600000.000100',
      },
      '2023-03-01T02:00:00Z',
    );
    const revised = TIANJIN.replace(/\n（十九）注重新闻宣传政策解读。[^\n]*/, '');
    await ingestSources(deps, [{ file: 'tj.txt', bytes: Buffer.from(revised) }]);

    const client = createSlackClient('xoxb-test-token', fake.apiUrl, { retries: 0 });
    const job = { ...deps, client, config: loadConfig({ LOG_LEVEL: 'silent' }) };
    expect((await runRevisionNoticeJob(job)).posted).toHaveLength(1);
    const [note] = fake.callsTo('chat.postMessage');
    expect(note!.body).toMatchObject({ channel: 'C0FOLLOW', thread_ts: '1700600000.000100' });
    expect(note!.body.text).toContain('（十九）');
    expect((await runRevisionNoticeJob(job)).posted).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    db.close();
  });
});
