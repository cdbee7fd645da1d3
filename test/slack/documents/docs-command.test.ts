import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/open.ts';
import { fixedClock } from '../../../src/lib/clock.ts';
import { silentLogger } from '../../../src/lib/logger.ts';
import { listMeasures } from '../../../src/repo/documents-repo.ts';
import { getFollowup } from '../../../src/repo/followups-repo.ts';
import { followupOrphan, listIndexedDocuments } from '../../../src/services/document-service.ts';
import { ingestSources } from '../../../src/services/ingest-service.ts';
import { ACTIONS } from '../../../src/slack/ids.ts';
import { stringsFor } from '../../../src/slack/strings.ts';
import { insertMeasureFollowup } from '../../helpers/followup-fixture.ts';
import { testSegmenter } from '../../helpers/segmenter.ts';
import { buttonPayload, FORM, interactivityBody } from '../../helpers/slack-request.ts';
import { buttonsOf, type Harness, NOW, SEEDS_DIR, seededDb, startHarness, TODAY, visibleText } from '../harness.ts';

const s = stringsFor('zh');
const ADMIN = 'U2147483697';
const TIANJIN = fs.readFileSync(path.join(SEEDS_DIR, '004_f12b47b876523609.txt'), 'utf8');
/** The 5 seeds plus 7 copies of the Tianjin plan under other titles (added by a Slack user): 12 documents. */
const COPIES = 7;

let db: Db;
let h: Harness;

beforeAll(async () => {
  db = await seededDb();
  const sources = Array.from({ length: COPIES }, (_, i) => ({
    file: `copy-${i + 1}.txt`,
    bytes: Buffer.from(TIANJIN.replace('天津市加快发展新型消费实施方案', `天津市新型消费方案副本${i + 1}`)),
  }));
  await ingestSources({ db, logger: silentLogger, clock: fixedClock(NOW), segmenter: testSegmenter }, sources, {
    addedBy: 'UWANG',
  });
  h = await startHarness(db, { SLACK_ADMIN_USERS: ADMIN });
});
afterAll(async () => {
  await h.stop();
  db.close();
});
beforeEach(() => h.fake.reset());

async function press(actionId: string, value: string, userId = ADMIN) {
  const responseUrl = h.fake.responseUrl();
  await h.post(interactivityBody(buttonPayload({ actionId, value, responseUrl, userId })), FORM);
  return h.fake.waitForPath(new URL(responseUrl).pathname);
}

describe('/measures docs', () => {
  it('lists 10 documents a page with title, id, measures, in force or expired, who added it and when; Next turns the page', async () => {
    const { reply } = await h.command('docs');
    const text = visibleText(reply.body.blocks);
    expect(text).toContain(s.docListTitle(12));
    expect(text).toContain(s.docPageOf(1, 10, 12));
    // A copy added from Slack shows its adder as a mention, with the day (Shanghai time) it was added.
    expect(text).toContain(s.docListMeta(19, s.status.in_force, '<@UWANG>', TODAY));
    const nav = buttonsOf(reply.body.blocks).filter((b) => b.actionId === ACTIONS.DOCS_PAGE);
    expect(nav).toEqual([{ actionId: ACTIONS.DOCS_PAGE, value: '10', label: s.docNext }]);
    expect(buttonsOf(reply.body.blocks).filter((b) => b.actionId === ACTIONS.SHOW_MEASURE)).toHaveLength(10);

    const next = await press(ACTIONS.DOCS_PAGE, '10');
    expect(next.body.replace_original).toBe(true);
    const page2 = visibleText(next.body.blocks);
    expect(page2).toContain(s.docPageOf(11, 12, 12));
    expect(page2.match(/^\d+\. \*/gm)).toHaveLength(2);
    expect(buttonsOf(next.body.blocks).filter((b) => b.actionId === ACTIONS.DOCS_PAGE)).toEqual([
      { actionId: ACTIONS.DOCS_PAGE, value: '0', label: s.docPrev },
    ]);
  });

  it('`docs 2` opens the second page; a forged page value is refused', async () => {
    const { reply } = await h.command('docs 2');
    expect(visibleText(reply.body.blocks)).toContain(s.docPageOf(11, 12, 12));
    // A page beyond the last says how many there are and shows the last one.
    const beyond = visibleText((await h.command('docs 9')).reply.body.blocks);
    expect(beyond).toContain(s.docOnlyPages(2));
    expect(beyond).toContain(s.docPageOf(11, 12, 12));
    const forged = await press(ACTIONS.DOCS_PAGE, '-5; DROP TABLE documents');
    expect(forged.body.text).toBe(s.expired);
  });
});

describe('/measures remove', () => {
  it('is for admins only', async () => {
    const { reply } = await h.command('remove abcd', { userId: 'UNOTADMIN' });
    expect(reply.body.text).toBe(s.docRemoveAdminsOnly);
  });

  it('asks first, then removes the document and keeps its follow-ups, marked, with a note in their threads', async () => {
    const doc = listIndexedDocuments(db, { today: TODAY, limit: 100 }).documents.find((d) => d.file === 'copy-3.txt')!;
    const measure = listMeasures(db, doc.id)[2]!;
    const f = insertMeasureFollowup(
      db,
      {
        measureId: measure.id,
        assignee: 'UWANG',
        createdBy: ADMIN,
        channel: 'C0FOLLOW',
        threadTs: '1700400000.000100',
      },
      NOW,
    );

    const { reply } = await h.command(`remove ${doc.id}`);
    expect(visibleText(reply.body.blocks)).toContain(doc.id);
    const [remove] = reply.body.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements : []));
    expect(remove).toMatchObject({ action_id: ACTIONS.REMOVE_DOCUMENT, value: doc.id, style: 'danger' });
    expect(remove.confirm.confirm.text).toBe(s.docRemoveDialogConfirm);
    // Nothing happened yet.
    expect(listIndexedDocuments(db, { today: TODAY, limit: 100 }).documents.map((d) => d.id)).toContain(doc.id);

    // A non-admin pressing the button (it was shown to an admin, but values are untrusted) changes nothing.
    const refused = await press(ACTIONS.REMOVE_DOCUMENT, doc.id, 'UNOTADMIN');
    expect(refused.body.text).toBe(s.docRemoveAdminsOnly);

    const done = await press(ACTIONS.REMOVE_DOCUMENT, doc.id);
    expect(done.body.replace_original).toBe(true);
    expect(done.body.text).toContain(doc.id);
    expect(done.body.text).toContain('1 个跟进已保留并标注');
    expect(listIndexedDocuments(db, { today: TODAY, limit: 100 }).documents.map((d) => d.id)).not.toContain(doc.id);
    expect(getFollowup(db, f.id)).toMatchObject({ measureId: measure.id, status: 'open' });
    expect(followupOrphan(db, f.id)).toMatchObject({ reason: 'document_removed', documentId: doc.id });
    await h.idle();
    const note = h.fake.callsTo('chat.postMessage').find((c) => c.body.thread_ts === '1700400000.000100');
    expect(note?.body).toMatchObject({ channel: 'C0FOLLOW' });
    expect(note!.body.text).toContain('已从索引中删除');
  });

  it('`remove <id> confirm` removes at once; an unknown id is named', async () => {
    const doc = listIndexedDocuments(db, { today: TODAY, limit: 100 }).documents.find((d) => d.file === 'copy-4.txt')!;
    const { reply } = await h.command(`remove ${doc.id} confirm`);
    expect(reply.body.text).toContain('已删除');
    expect(listIndexedDocuments(db, { today: TODAY, limit: 100 }).documents.map((d) => d.id)).not.toContain(doc.id);
    const again = await h.command(`remove ${doc.id}`);
    expect(again.reply.body.text).toBe(s.docRemoveNotFound(doc.id));
  });
});
