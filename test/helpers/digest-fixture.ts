import type { ParsedDepartment, ParsedTarget, Precision } from '../../src/core/model.ts';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { claimDigestSlot, markDigestPosted } from '../../src/repo/digest-repo.ts';
import { type DocumentToStore, replaceDocument } from '../../src/repo/documents-writer.ts';
import { indexMeasures } from '../../src/repo/search-index-repo.ts';
import { testDb } from './db.ts';
import { testSegmenter } from './segmenter.ts';

/**
 * The seeds' Tianjin document (004_…, 天津市加快发展新型消费实施方案, expires 2025-12-31) reduced to what the digest
 * reads: its 7 dated targets with their ids, due dates, precision, quantities and departments as the index
 * stores them. Written through the real writer so the digest's joins run against real rows.
 */

interface TargetSpec {
  taskId: string;
  label: string;
  text: string;
  due: string;
  precision: Precision;
  periodStart?: string;
  quantity: string | null;
  departments: ParsedDepartment[];
}

const lead = (name: string): ParsedDepartment => ({ name, role: 'lead' });
const co = (name: string): ParsedDepartment => ({ name, role: 'co' });

export const TIANJIN_TARGETS: TargetSpec[] = [
  {
    taskId: 'z8wv-1.5',
    label: '（一）',
    text: '到2023年实现市级体育场馆智能化管理全覆盖',
    due: '2023-12-31',
    precision: 'year',
    quantity: '全覆盖',
    departments: [lead('市体育局')],
  },
  {
    taskId: 'z8wv-1.8',
    label: '（一）',
    text: '到2021年实现品牌连锁便利店中心城区全覆盖，24小时便利店占比达到50%以上',
    due: '2021-12-31',
    precision: 'year',
    quantity: '全覆盖',
    departments: [lead('市商务局')],
  },
  {
    taskId: 'z8wv-2.1',
    label: '（二）',
    text: '到2023年地铁站点覆盖率达50%',
    due: '2023-12-31',
    precision: 'year',
    quantity: '50%',
    departments: [lead('市商务局'), co('市工业和信息化局'), co('市委网信办')],
  },
  {
    taskId: 'z8wv-2.2',
    label: '（二）',
    text: '“十四五”期间举办各类大型“网农对接”活动不少于20场，线上交易额突破5亿元',
    due: '2025-12-31',
    precision: 'period',
    periodStart: '2021-01-01',
    quantity: '不少于20场',
    departments: [lead('市农业农村委'), co('市商务局'), co('市交通运输委')],
  },
  {
    taskId: 'z8wv-4.1',
    label: '（四）',
    text: '到2022年底累计建成5G基站5万个',
    due: '2022-12-31',
    precision: 'year',
    quantity: '5万个',
    departments: [lead('市工业和信息化局'), co('市发展改革委'), co('市通信管理局')],
  },
  {
    taskId: 'z8wv-5.5',
    label: '（五）',
    text: '到2022年支持和培育10家农产品供应链企业',
    due: '2022-12-31',
    precision: 'year',
    quantity: '10家',
    departments: [lead('市商务局'), co('市农业农村委')],
  },
  {
    taskId: 'z8wv-6.1',
    label: '（六）',
    text: '2022年实现项目总体完工',
    due: '2022-12-31',
    precision: 'year',
    quantity: null,
    departments: [lead('市商务局')],
  },
];

export const targetIdOf = (taskId: string) => `${taskId}.t1`;
export const measureIdOf = (taskId: string) => taskId.slice(0, taskId.lastIndexOf('.'));

export interface DocSpec {
  id: string;
  file: string;
  title: string;
  region: string | null;
  expiresOn: string | null;
  targets: TargetSpec[];
}

export const TIANJIN: DocSpec = {
  id: 'z8wv',
  file: '004_f12b47b876523609.txt',
  title: '天津市加快发展新型消费实施方案（征求意见稿）',
  region: '天津市',
  expiresOn: '2025-12-31',
  targets: TIANJIN_TARGETS,
};

/** Stores a document whose every target sits in its own measure (`<doc>-<n>`) and task (`<doc>-<n>.<m>`). */
export function insertDocument(db: Db, spec: DocSpec): void {
  const measures = new Map<string, TargetSpec[]>();
  for (const t of spec.targets) {
    const measureId = measureIdOf(t.taskId);
    measures.set(measureId, [...(measures.get(measureId) ?? []), t]);
  }
  const doc: DocumentToStore = {
    id: spec.id,
    file: spec.file,
    contentHash: 'h',
    ingestedAt: '2025-01-01T00:00:00.000Z',
    doc: {
      title: spec.title,
      kind: 'policy',
      region: spec.region,
      regionPath: spec.region ? [spec.region] : [],
      issuer: null,
      docNumber: null,
      publishedOn: null,
      effectiveOn: null,
      expiresOn: spec.expiresOn,
      authors: [],
      notes: [],
      measures: [],
    },
    measures: [...measures.entries()].map(([measureId, targets], mi) => ({
      id: measureId,
      contentHash: 'h',
      measure: {
        kind: 'measure',
        section: null,
        label: targets[0]!.label,
        ordinal: mi + 1,
        title: targets[0]!.text.slice(0, 10),
        text: targets.map((t) => t.text).join('；'),
        author: null,
        tasks: [],
      },
      tasks: targets.map((t) => {
        const target: ParsedTarget = {
          text: t.text,
          due: t.due,
          precision: t.precision,
          periodStart: t.periodStart ?? null,
          quantity: t.quantity,
        };
        return {
          id: t.taskId,
          contentHash: 'h',
          task: {
            text: t.text,
            responsibility: null,
            departments: t.departments,
            departmentsIncomplete: false,
            targets: [target],
          },
          targets: [{ id: targetIdOf(t.taskId), target }],
        };
      }),
    })),
  };
  // Indexed as ingest indexes it, so searches and `/measures due` lists see it.
  db.transaction(() => {
    replaceDocument(db, doc);
    indexMeasures(
      db,
      doc.measures.map((m) => m.id),
      testSegmenter,
    );
  })();
}

/** Inserts a follow-up row directly (the follow-up service is another feature; the digest only reads rows). */
export function insertFollowup(
  db: Db,
  f: {
    id: string;
    targetId: string | null;
    taskId: string | null;
    measureId: string;
    assignee: string;
    status: string;
    closedAt?: string | null;
  },
): void {
  const seq = Number(f.id.replace(/\D/g, ''));
  db.prepare(
    `INSERT INTO followups (id, seq, measure_id, task_id, target_id, assignee, created_by, status, created_at, updated_at, closed_at)
     VALUES (?, ?, ?, ?, ?, ?, 'U0CREATOR', ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', ?)`,
  ).run(f.id, seq, f.measureId, f.taskId, f.targetId, f.assignee, f.status, f.closedAt ?? null);
}

/** A follow-up on the target of `taskId` (its measure and target ids follow from the task id), closed as done. */
export function insertDoneFollowup(
  db: Db,
  f: { id: string; taskId: string; assignee: string; closedAt: string },
): void {
  insertFollowup(db, {
    id: f.id,
    measureId: measureIdOf(f.taskId),
    taskId: f.taskId,
    targetId: targetIdOf(f.taskId),
    assignee: f.assignee,
    status: 'done',
    closedAt: f.closedAt,
  });
}

/** A fresh in-memory database (real migrations) holding the Tianjin document. */
export function tianjinTestDb(): Db {
  const db = testDb();
  insertDocument(db, TIANJIN);
  return db;
}

/** Opens (creating and migrating) a database file and stores the Tianjin document in it; the caller closes it. */
export function openTianjinDbFile(file: string): Db {
  const db = openDatabase(file);
  migrate(db);
  insertDocument(db, TIANJIN);
  return db;
}

/**
 * Claims a DIGEST_CHANNELS channel's slot (subscription `env:<channel>`) with the digest service's 3 attempts;
 * a claim older than `staleBeforeIso` (the slot itself unless given) may be taken over.
 */
export function claimChannelSlot(
  db: Db,
  c: { channel: string; slot: string; asOf: string; nowIso: string; staleBeforeIso?: string },
): boolean {
  return claimDigestSlot(db, {
    subscription: `env:${c.channel}`,
    channel: c.channel,
    slot: c.slot,
    asOf: c.asOf,
    nowIso: c.nowIso,
    maxAttempts: 3,
    staleBeforeIso: c.staleBeforeIso ?? c.slot,
  });
}

/** A digest claimed and posted (ts 1.1) to a channel at `postedAt`: where "done since the last digest" starts. */
export function recordPostedDigest(db: Db, p: { channel: string; slot: string; asOf: string; postedAt: string }): void {
  claimChannelSlot(db, { channel: p.channel, slot: p.slot, asOf: p.asOf, nowIso: p.postedAt });
  markDigestPosted(db, `env:${p.channel}`, p.slot, '1.1', p.postedAt);
}
