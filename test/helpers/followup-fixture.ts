import { webApi } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Followup } from '../../src/core/followups/model.ts';
import { retryingWrite } from '../../src/db/busy-retry.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { deleteDocument, replaceDocument } from '../../src/repo/documents-writer.ts';
import { insertFollowup } from '../../src/repo/followups-repo.ts';
import { followupStrings } from '../../src/slack/followups/strings.ts';
import { testDb } from './db.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';

/**
 * One small indexed document for follow-up tests: measure abcd-4 (冷链物流) with task abcd-4.1 and target
 * abcd-4.1.t1 due 2026-12-31, and measure abcd-5 without dated targets.
 */
export const FIXTURE = {
  documentId: 'abcd',
  measureId: 'abcd-4',
  taskId: 'abcd-4.1',
  targetId: 'abcd-4.1.t1',
  targetDue: '2026-12-31',
  measureTitle: '加快发展冷链物流',
  otherMeasureId: 'abcd-5',
} as const;

/** `measureTitle` overrides abcd-4's title (e.g. a hostile one: titles come from documents, i.e. untrusted). */
export function seedFollowupFixture(db: Db, opts: { measureTitle?: string } = {}): void {
  db.transaction(() =>
    replaceDocument(db, {
      id: FIXTURE.documentId,
      file: 'fixture.txt',
      contentHash: 'h',
      ingestedAt: '2026-11-01T00:00:00.000Z',
      doc: {
        title: '关于促进消费的若干措施',
        kind: 'policy',
        region: '天津市',
        regionPath: ['天津市'],
        issuer: null,
        docNumber: null,
        publishedOn: '2026-01-01',
        effectiveOn: null,
        expiresOn: null,
        authors: [],
        notes: [],
        measures: [],
      },
      measures: [
        {
          id: FIXTURE.measureId,
          contentHash: 'm4',
          measure: {
            kind: 'measure',
            section: null,
            label: '（四）',
            ordinal: 4,
            title: opts.measureTitle ?? FIXTURE.measureTitle,
            text: '到2026年底建成冷库10座。（市商务局负责）',
            author: null,
            tasks: [],
          },
          tasks: [
            {
              id: FIXTURE.taskId,
              contentHash: 't1',
              task: {
                text: '到2026年底建成冷库10座。',
                responsibility: '市商务局负责',
                departments: [{ name: '市商务局', role: 'lead' }],
                departmentsIncomplete: false,
                targets: [],
              },
              targets: [
                {
                  id: FIXTURE.targetId,
                  target: {
                    text: '到2026年底建成冷库10座',
                    due: FIXTURE.targetDue,
                    precision: 'year',
                    periodStart: null,
                    quantity: '10座',
                  },
                },
              ],
            },
          ],
        },
        {
          id: FIXTURE.otherMeasureId,
          contentHash: 'm5',
          measure: {
            kind: 'measure',
            section: null,
            label: '（五）',
            ordinal: 5,
            title: '繁荣夜间经济',
            text: '繁荣夜间经济。',
            author: null,
            tasks: [],
          },
          tasks: [],
        },
      ],
    }),
  )();
}

/**
 * Stores, through the real repository, a follow-up on a whole measure (no task, target, due date, note or dedupe
 * key) that was made in thread `threadTs` of `channel`: what a document's revision or removal must tell.
 */
export function insertMeasureFollowup(
  db: Db,
  f: { measureId: string; assignee: string; createdBy: string; channel: string; threadTs: string },
  nowIso: string,
): Followup {
  const input = { ...f, taskId: null, targetId: null, due: null, note: null, dedupeKey: null };
  return insertFollowup(db, input, nowIso).followup;
}

/** Simulates a re-ingest that dropped the whole document. */
export function dropFixture(db: Db): void {
  deleteDocument(db, FIXTURE.documentId);
}

/** The Slack-free service deps the follow-up tests share: a fixed clock (2026-11-22 09:00 Shanghai) and one admin. */
export const FIXTURE_NOW = '2026-11-22T01:00:00Z';
export const FIXTURE_TODAY = '2026-11-22';
export const FIXTURE_ADMIN = 'U0ADMIN';

export function followupTestDeps(db: Db, locale: 'zh' | 'en' = 'en') {
  return {
    db,
    clock: fixedClock(FIXTURE_NOW),
    logger: silentLogger,
    timeZone: 'Asia/Shanghai',
    config: { SLACK_ADMIN_USERS: [FIXTURE_ADMIN] },
    strings: followupStrings[locale],
    write: retryingWrite(),
  };
}

/** A WebClient pointed at a fake Slack, without retries (a failure is a failure). */
export function fakeClient(fake: FakeSlack): webApi.WebClient {
  return new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
}

/** A seeded database and a started fake Slack, reset before each test: the common setup of follow-up tests. */
export function useFollowupWorld(opts: { measureTitle?: string } = {}): { readonly db: Db; readonly fake: FakeSlack } {
  const world = {} as { db: Db; fake: FakeSlack };
  beforeAll(async () => {
    world.fake = await startFakeSlack();
  });
  afterAll(() => world.fake.stop());
  // Blame the test that sent a payload Slack would reject, not the whole file at stop().
  afterEach(() => world.fake.assertNoViolations());
  beforeEach(() => {
    world.fake.reset();
    world.db = testDb();
    seedFollowupFixture(world.db, opts);
  });
  return world;
}
