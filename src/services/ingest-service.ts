import os from 'node:os';
import path from 'node:path';
import { documentIdCandidates, hashText } from '../core/ids.ts';
import {
  type DocumentChanges,
  type OldMeasure,
  planRevision,
  type RevisionPlan,
} from '../core/ingest/plan-revision.ts';
import {
  findRevisionOf,
  type IndexedDocument,
  type RevisionMatch,
  revisionDocNumber,
  revisionTitle,
} from '../core/ingest/revision-of.ts';
import type { ParsedDocument, ParseNote, SourceFile } from '../core/model.ts';
import { ParseError } from '../core/parse/errors.ts';
import { parseText, readDocument } from '../core/parse/index.ts';
import { refusalOf } from '../core/parse/refusal.ts';
import type { IndexColumnsOf } from '../core/search/segment.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { sleepSync, withBusyRetrySync } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import type { Clock } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { yieldToEventLoop } from '../lib/yield.ts';
import { type DocumentRow, documentIdTaken, listDocuments, listMeasures, listTasks } from '../repo/documents-repo.ts';
import {
  bumpDocumentsGeneration,
  type DocumentToStore,
  readDocumentsGeneration,
  replaceDocument,
} from '../repo/documents-writer.ts';
import {
  type FollowupOnItem,
  followupsOnMeasures,
  insertNotice,
  isRetiredId,
  markOrphan,
  retiredIdsOf,
  retireIds,
} from '../repo/revisions-repo.ts';
import { indexStoredDocument, removeMeasuresFromIndex } from '../repo/search-index-repo.ts';
import { collectFiles, type FileProblem, FileReadError, readRegularFile, type SkippedFile } from './ingest-files.ts';
import { acquireIngestLease, type HeldLease, IngestBusyError } from './ingest-lease.ts';
import { ensureSearchIndexFresh } from './search-service.ts';
import { type SegmentingAhead, segmentingAhead } from './segmenting-ahead.ts';

export type { DocumentChanges, MeasureChange, MeasureRef } from '../core/ingest/plan-revision.ts';
export { collectFiles, type SkippedFile } from './ingest-files.ts';
export { IngestBusyError } from './ingest-lease.ts';

/** What a document indexed from SEEDS_DIR at first start records as its adder. */
export const SEEDS_ADDED_BY = 'seeds';

/** Documents larger than this are refused before they are read (a policy document is tens of kilobytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/**
 * Consecutive documents are written in one transaction while their measures add up to at most this many (a
 * larger document goes alone). FTS5 writes a new index segment at each commit and merges segments later, so a
 * commit per small document cost more than its rows; 500 measures hold the lock for tens of milliseconds.
 */
const GROUP_MEASURES = 500;

/** Where the group of documents starting at `from` ends (exclusive): at least one document, then while they fit. */
function groupEnd(plans: FilePlan[], from: number): number {
  let measures = 0;
  let end = from;
  while (end < plans.length) {
    const n = plans[end]!.write?.store.measures.length ?? 0;
    if (end > from && measures + n > GROUP_MEASURES) break;
    measures += n;
    end++;
  }
  return end;
}

/** After a write that held the lock this long, pause WRITER_GAP_MS so waiting writers (the bot) get in. */
const LONG_WRITE_MS = 250;
const WRITER_GAP_MS = 50;

/**
 * How long an ingest keeps waiting for other writers: for the lock (each attempt), and in all for replanning
 * while another ingest keeps writing documents (each replan means the other one made progress).
 */
const WRITE_WAIT_MS = 10 * 60_000;

export interface IngestDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  /** Cuts the measures it indexes (the segmenter searches use, so the index matches them). */
  segmenter: Segmenter;
}

export interface IngestOptions {
  /** Who adds the documents: a Slack user id, or the OS user for the CLI. Recorded on documents new to the index. */
  addedBy?: string;
  /**
   * How long to wait (synchronously) while another process's ingest holds the ingest lease; default
   * WRITE_WAIT_MS. The bot passes 0 and gets an IngestBusyError to report, instead of blocking its event loop.
   * An ingest of this process writing through the same connection is waited for without blocking (at most
   * QUEUE_WAIT_MS, then IngestBusyError): two files shared with the bot at once are both indexed.
   */
  waitForOtherIngestMs?: number;
  /**
   * Refuses a document with more measures than this (as too_large, unit measures). The bot sets it for uploads:
   * a document is written in one transaction, which in the bot's process holds every other request meanwhile.
   */
  maxMeasuresPerDocument?: number;
}

/** A follow-up whose measure changed or vanished in this ingest; a note for its thread is stored (revision_notices). */
export interface AffectedFollowup {
  followupId: string;
  measureId: string;
  change: 'changed' | 'removed';
  channel: string | null;
  threadTs: string | null;
}

export interface IngestedFile {
  file: string;
  documentId: string;
  title: string;
  kind: ParsedDocument['kind'];
  docNumber: string | null;
  region: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  status: 'added' | 'updated' | 'unchanged';
  measures: number;
  tasks: number;
  targets: number;
  /** What the parser was unsure of. */
  notes: ParseNote[];
  /** An indexed file with exactly the same content (the same document saved twice, e.g. as GBK): not indexed again. */
  duplicateOf?: string;
  /** The indexed document this file replaced, and how it was recognised (same file name, 文号 or title). */
  revisionOf?: { documentId: string; file: string; matchedBy: RevisionMatch };
  /** For an update: measures added, removed, changed, renumbered. */
  changes?: DocumentChanges;
  affectedFollowups: AffectedFollowup[];
}

export interface IngestResult {
  indexed: IngestedFile[];
  /** Files of a folder that were not indexed, each with the reason. */
  skipped: SkippedFile[];
}

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(readonly problems: FileProblem[]) {
    super(
      problems.length === 1
        ? problems[0]!.message
        : `${problems.length} files could not be indexed; nothing was changed:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
    );
  }
}

/**
 * A group of documents could not be written (a full disk, a constraint): it was rolled back, the documents
 * written before it stay indexed, and nothing after it was tried. Running the same ingest again finds the
 * written ones unchanged and adds the rest. Keeps the cause's SQLite `code`, so callers still recognise a
 * storage problem.
 */
export class IngestWriteError extends Error {
  override name = 'IngestWriteError';
  readonly code: unknown;
  /** The files of the group that failed (none of them was written). */
  readonly failedFiles: string[];
  constructor(
    cause: unknown,
    /** What was written before the failure. */
    readonly written: IngestedFile[],
    group: { prepared: { file: string } }[],
    after: number,
  ) {
    const files = group.map((g) => g.prepared.file);
    const one = files.length === 1;
    const shown = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
    super(
      `Could not write ${shown}${one ? '' : ' (written together)'}: ${(cause as Error)?.message ?? String(cause)}. ` +
        `${written.length} file(s) before ${one ? 'it' : 'them'} are indexed; ${one ? 'it' : 'they'} and the ` +
        `${after} after ${one ? 'it' : 'them'} are not: run the same ingest again to add them.`,
      { cause },
    );
    this.failedFiles = files;
    this.code = (cause as { code?: unknown } | null)?.code;
  }
}

interface Prepared {
  file: string;
  contentHash: string;
  doc: ParsedDocument;
}

/** The one place bytes become a ParsedDocument. */
async function prepare(source: SourceFile): Promise<Prepared> {
  const read = await readDocument(source, { maxBytes: MAX_DOCUMENT_BYTES });
  const doc = parseText({ file: source.file, text: read.text, format: read.format });
  // The hash covers the parse result, not only the bytes, so a parser improvement re-indexes on the next ingest.
  return { file: source.file, contentHash: hashText(JSON.stringify(doc)), doc };
}

interface FilePlan {
  prepared: Prepared;
  result: IngestedFile;
  /** Absent when nothing is written (unchanged, duplicate). */
  write?: {
    store: DocumentToStore;
    oldMeasureIds: string[];
    plan: RevisionPlan;
    documentTitle: string;
    oldMeasures: OldMeasure[];
  };
}

function counts(doc: ParsedDocument) {
  return {
    measures: doc.measures.length,
    tasks: doc.measures.reduce((n, m) => n + m.tasks.length, 0),
    targets: doc.measures.reduce((n, m) => n + m.tasks.reduce((k, t) => k + t.targets.length, 0), 0),
  };
}

function baseResult(p: Prepared, documentId: string, status: IngestedFile['status']): IngestedFile {
  const { doc } = p;
  return {
    file: p.file,
    documentId,
    title: doc.title,
    kind: doc.kind,
    docNumber: doc.docNumber,
    region: doc.region,
    publishedOn: doc.publishedOn,
    effectiveOn: doc.effectiveOn,
    expiresOn: doc.expiresOn,
    status,
    ...counts(doc),
    notes: doc.notes,
    affectedFollowups: [],
  };
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function loadOldMeasures(db: Db, documentId: string): OldMeasure[] {
  const measures = listMeasures(db, documentId);
  const tasks = listTasks(
    db,
    measures.map((m) => m.id),
  );
  const byMeasure = new Map<string, typeof tasks>();
  for (const t of tasks) pushTo(byMeasure, t.measureId, t);
  return measures.map((m) => ({
    id: m.id,
    kind: m.kind,
    label: m.label,
    title: m.title,
    text: m.text,
    tasks: (byMeasure.get(m.id) ?? []).map((t) => ({
      id: t.id,
      text: t.text,
      departments: t.departments,
      targets: t.targets,
    })),
  }));
}

/**
 * Decides what each file does to the index, reading only (no lock held): which document it revises, every id,
 * what changed, which follow-ups are affected. Problems a person can fix come back in `problems`.
 */
function planAll(
  db: Db,
  prepared: Prepared[],
  nowIso: string,
  addedBy: string,
): { plans: FilePlan[]; problems: FileProblem[] } {
  const documents = listDocuments(db);
  const toIndexed = (d: DocumentRow): IndexedDocument => d;
  const byFile = new Map(documents.map((d) => [d.file, d]));
  const byNumber = new Map<string, DocumentRow[]>();
  const byTitle = new Map<string, DocumentRow[]>();
  const byContent = new Map<string, DocumentRow>();
  for (const d of documents) {
    if (d.docNumber) pushTo(byNumber, revisionDocNumber(d.docNumber), d);
    pushTo(byTitle, revisionTitle(d.title), d);
    if (!byContent.has(d.contentHash)) byContent.set(d.contentHash, d);
  }
  const lookup = {
    byFile: (f: string) => byFile.get(f),
    byDocNumber: (n: string) => (byNumber.get(n) ?? []).map(toIndexed),
    byTitle: (t: string) => (byTitle.get(t) ?? []).map(toIndexed),
  };

  const plans: FilePlan[] = [];
  const problems: FileProblem[] = [];
  const claimedBy = new Map<string, string>();
  const newIds = new Set<string>();
  const batchByContent = new Map<string, { file: string; documentId: string }>();
  const batchByNumber = new Map<string, string>();
  const batchByTitle = new Map<string, string>();
  for (const p of prepared) {
    const revision = findRevisionOf(
      { file: p.file, kind: p.doc.kind, title: p.doc.title, region: p.doc.region, docNumber: p.doc.docNumber },
      lookup,
    );
    const target = revision ? byFile.get(revision.document.file)! : undefined;
    if (target) {
      const other = claimedBy.get(target.id);
      if (other) {
        problems.push({
          path: p.file,
          message: `${p.file} and ${other} are both versions of the indexed ${target.file} (same ${revision!.matchedBy === 'title' ? 'title' : '文号'}); index one at a time.`,
        });
        continue;
      }
      claimedBy.set(target.id, p.file);
    }
    if (target && target.contentHash === p.contentHash) {
      plans.push({
        prepared: p,
        result: {
          ...baseResult(p, target.id, 'unchanged'),
          ...(target.file !== p.file ? { duplicateOf: target.file } : {}),
        },
      });
      continue;
    }
    const twin = byContent.get(p.contentHash);
    if (!target && twin) {
      plans.push({ prepared: p, result: { ...baseResult(p, twin.id, 'unchanged'), duplicateOf: twin.file } });
      continue;
    }

    let docId = target?.id;
    if (!docId) {
      // Earlier files of this same batch are not in the index yet: recognise them the way an indexed document
      // would be, so one folder holding the .txt and the .docx of a plan never indexes it twice.
      const sameContent = batchByContent.get(p.contentHash);
      if (sameContent) {
        plans.push({
          prepared: p,
          result: { ...baseResult(p, sameContent.documentId, 'unchanged'), duplicateOf: sameContent.file },
        });
        continue;
      }
      const sameDocument =
        (p.doc.docNumber ? batchByNumber.get(`${p.doc.kind}|${revisionDocNumber(p.doc.docNumber)}`) : undefined) ??
        batchByTitle.get(`${p.doc.kind}|${revisionTitle(p.doc.title)}`);
      if (sameDocument) {
        problems.push({
          path: p.file,
          message: `${p.file} and ${sameDocument} are two versions of one document (same 文号 or title); index one of them, then the other as its revision.`,
        });
        continue;
      }
      docId = documentIdCandidates(p.file).find(
        (c) => !newIds.has(c) && !documentIdTaken(db, c) && !isRetiredId(db, c),
      );
      if (!docId) {
        problems.push({
          path: p.file,
          message: `${p.file}: no free document id could be made from this file name; rename the file.`,
        });
        continue;
      }
      newIds.add(docId);
      batchByContent.set(p.contentHash, { file: p.file, documentId: docId });
      if (p.doc.docNumber) batchByNumber.set(`${p.doc.kind}|${revisionDocNumber(p.doc.docNumber)}`, p.file);
      batchByTitle.set(`${p.doc.kind}|${revisionTitle(p.doc.title)}`, p.file);
    }
    const oldMeasures = target ? loadOldMeasures(db, docId) : [];
    const retired = target ? retiredIdsOf(db, docId) : new Set<string>();
    const plan = planRevision(docId, oldMeasures, p.doc, (id) => retired.has(id));
    plans.push({
      prepared: p,
      result: {
        ...baseResult(p, docId, target ? 'updated' : 'added'),
        ...(target && revision
          ? {
              revisionOf: { documentId: target.id, file: target.file, matchedBy: revision.matchedBy },
              changes: plan.changes,
            }
          : {}),
        // Filled in when the document is written (writePlan): follow-ups are read inside that transaction.
        affectedFollowups: [],
      },
      write: {
        store: {
          id: docId,
          file: p.file,
          contentHash: p.contentHash,
          ingestedAt: nowIso,
          addedBy,
          doc: p.doc,
          measures: plan.measures,
        },
        oldMeasureIds: oldMeasures.map((m) => m.id),
        plan,
        documentTitle: target?.title ?? p.doc.title,
        oldMeasures,
      },
    });
  }
  return { plans, problems };
}

/** The follow-ups on measures a revision removes or changes, as the ingest's result reports them. */
function affectedBy(followups: FollowupOnItem[], plan: RevisionPlan): AffectedFollowup[] {
  const removed = new Set(plan.changes.removed.map((m) => m.id));
  const changed = new Set(plan.changes.changed.map((m) => m.id));
  return followups
    .filter((f) => removed.has(f.measureId) || changed.has(f.measureId))
    .map((f) => ({
      followupId: f.id,
      measureId: f.measureId,
      change: removed.has(f.measureId) ? 'removed' : 'changed',
      channel: f.channel,
      threadTs: f.threadTs,
    }));
}

/**
 * A document's rows, its retired ids and what its follow-ups are told (its index rows come after: writeGroup).
 * The follow-ups are read here, inside the write transaction, not when planning: one assigned in between (the
 * bot answers other requests while an ingest waits for its cuts) is told of the change too.
 */
function writePlan(db: Db, fp: FilePlan, nowIso: string): void {
  const w = fp.write!;
  const { store, plan } = w;
  const followups = followupsOnMeasures(db, w.oldMeasureIds);
  fp.result.affectedFollowups = affectedBy(followups, plan);
  removeMeasuresFromIndex(db, w.oldMeasureIds);
  replaceDocument(db, store);
  retireIds(db, store.id, plan.retired, nowIso);
  const removed = new Map(plan.changes.removed.map((m) => [m.id, m]));
  const changed = new Map(plan.changes.changed.map((m) => [m.id, m]));
  for (const f of followups) {
    const gone = removed.get(f.measureId);
    if (gone) {
      markOrphan(db, {
        followupId: f.id,
        reason: 'measure_removed',
        documentId: store.id,
        documentTitle: w.documentTitle,
        measureLabel: gone.label,
        measureTitle: gone.title,
        at: nowIso,
      });
      insertNotice(db, {
        followupId: f.id,
        documentId: store.id,
        measureId: f.measureId,
        change: 'removed',
        detail: { documentTitle: store.doc.title, label: gone.label, title: gone.title },
        createdAt: nowIso,
      });
      continue;
    }
    const c = changed.get(f.measureId);
    if (c) {
      const itemGone = [f.taskId, f.targetId].some((id) => id !== null && c.retiredItems.includes(id));
      insertNotice(db, {
        followupId: f.id,
        documentId: store.id,
        measureId: f.measureId,
        change: 'changed',
        detail: { documentTitle: store.doc.title, ...c, itemGone },
        createdAt: nowIso,
      });
    }
  }
}

class StalePlan extends Error {}

function planOrThrow(db: Db, prepared: Prepared[], nowIso: string, addedBy: string): FilePlan[] {
  const { plans, problems } = planAll(db, prepared, nowIso, addedBy);
  if (problems.length > 0) throw new IngestError(problems);
  return plans;
}

/**
 * Indexes documents given as bytes and file names (a Slack upload, or files the caller read). Every source is
 * parsed first; if any fails, nothing is written and an IngestError lists each problem. Documents are then
 * written in short transactions, small ones a few together (GROUP_MEASURES), each whole or not at all.
 * An unchanged document is a no-op; a revision (same file name, 文号 or title) replaces the indexed version,
 * keeping the ids of measures still there (by content) and noting the change for affected follow-ups.
 *
 * Parsing, id planning and jieba segmentation happen before the write lock is taken; the lock is held only for
 * short transactions of row writes. Another ingest writing first makes the plan stale: it is redone, so two
 * ingests queue rather than fail.
 * @example (await ingestSources(deps, [{ file: 'plan.docx', bytes }], { addedBy: 'U123' })).indexed[0].documentId
 */
export function ingestSources(
  deps: IngestDeps,
  sources: SourceFile[],
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return ingestPrepared(deps, sources, opts, { skipped: [], problems: [] });
}

async function ingestPrepared(
  deps: IngestDeps,
  sources: SourceFile[],
  opts: IngestOptions,
  collected: { skipped: SkippedFile[]; problems: FileProblem[] },
): Promise<IngestResult> {
  const { skipped } = collected;
  const problems = [...collected.problems];
  const prepared: Prepared[] = [];
  const { db, segmenter } = deps;
  const ahead = segmentingAhead<Prepared>(segmenter);
  // A file whose parse is already indexed is usually unchanged: it is not cut ahead (the plan decides for sure).
  const indexedContent = new Set(listDocuments(db).map((d) => d.contentHash));
  try {
    for (const s of sources) {
      try {
        const p = await prepare(s);
        const limit = opts.maxMeasuresPerDocument;
        // A file already indexed (from the command line, say) is still found unchanged, whatever its size.
        if (limit !== undefined && p.doc.measures.length > limit && !indexedContent.has(p.contentHash)) {
          problems.push({
            path: s.file,
            message: `${s.file} has ${p.doc.measures.length} measures, over the ${limit} allowed here: split it, or index it with \`measures ingest\`.`,
            code: 'too_large',
            params: { unit: 'measures', size: p.doc.measures.length, limit },
          });
          ahead.stop();
          continue;
        }
        prepared.push(p);
        if (problems.length === 0 && !indexedContent.has(p.contentHash)) ahead.ask(p);
      } catch (err) {
        if (err instanceof ParseError)
          problems.push({ path: s.file, message: err.message, ...refusalOf(err, s, MAX_DOCUMENT_BYTES) });
        else problems.push({ path: s.file, message: `${s.file}: could not be read (${(err as Error).message}).` });
        ahead.stop();
      }
      // Lets a finished batch hand over and the next document's cutting start.
      await yieldToEventLoop();
    }
    const seen = new Set<string>();
    for (const p of prepared) {
      if (seen.has(p.file))
        problems.push({ path: p.file, message: `${p.file}: given twice; file names identify documents.` });
      seen.add(p.file);
    }
    if (problems.length > 0) throw new IngestError(problems);

    return await oneWriterAtATime(db, QUEUE_WAIT_MS, async () => {
      const lease = acquireIngestLease(db, opts.waitForOtherIngestMs ?? WRITE_WAIT_MS, (holder) =>
        deps.logger.info('another ingest is adding documents; waiting for it to finish', {
          host: holder.host,
          pid: holder.pid,
        }),
      );
      try {
        return await writeAll(deps, prepared, opts, lease, skipped, ahead);
      } finally {
        try {
          lease.release(db);
        } catch (err) {
          // What was written stands; the lease lapses after LEASE_MS (or as soon as this process has exited).
          deps.logger.warn('could not release the ingest lease', { error: (err as Error).message });
        }
      }
    });
  } finally {
    ahead.stop();
  }
}

/**
 * How long an ingest waits for the one ahead of it in this process (oneWriterAtATime) before it gives up with
 * IngestBusyError: an upload's write phase takes seconds, so this is only reached when something is stuck.
 */
const QUEUE_WAIT_MS = 2 * 60_000;

/** For each connection, when the write phases queued on it so far are done (oneWriterAtATime). */
const writingThrough = new WeakMap<Db, Promise<void>>();

/**
 * Runs ingests' write phases through one connection one after another, in the order they got there. An ingest
 * holds the lease across awaits (it waits for its cuts between groups), so a second one in the same process,
 * two people sharing files with the bot at once, would otherwise find the lease taken and be told to try again;
 * this one waits without holding the event loop, for at most `waitMs`. Other processes still meet the lease.
 */
async function oneWriterAtATime<T>(db: Db, waitMs: number, write: () => Promise<T>): Promise<T> {
  const before = writingThrough.get(db) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => {
    done = resolve;
  });
  // The next one waits for this one and, should this one give up waiting, for the one it waited for.
  writingThrough.set(
    db,
    before.then(() => mine),
  );
  try {
    if (!(await settlesWithin(before, waitMs))) throw new IngestBusyError({ host: os.hostname(), pid: process.pid });
    return await write();
  } finally {
    done();
  }
}

/** Whether `p` settles within `ms`. */
async function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([p.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function writeAll(
  deps: IngestDeps,
  prepared: Prepared[],
  opts: IngestOptions,
  lease: HeldLease,
  skipped: SkippedFile[],
  ahead: SegmentingAhead<Prepared>,
): Promise<IngestResult> {
  const { db, segmenter } = deps;
  // Brings the existing index up to the current dictionary first (its own transactions), so rows written below
  // are never mixed with rows segmented by an older dictionary.
  withBusyRetrySync(() => ensureSearchIndexFresh(db, deps.logger, segmenter), { totalMs: WRITE_WAIT_MS });
  const nowIso = deps.clock().toISOString();
  const addedBy = opts.addedBy ?? 'unknown';

  const results: IngestedFile[] = [];
  let generation = readDocumentsGeneration(db);
  const plan = (of: Prepared[]): FilePlan[] => {
    const planned = planOrThrow(db, of, nowIso, addedBy);
    ahead.only(new Set(planned.filter((fp) => fp.write).map((fp) => fp.prepared)));
    return planned;
  };
  let plans = plan(prepared);
  let replans = 0;
  const startedMs = Date.now();
  /**
   * Writes a group of documents in one transaction (StalePlan if another process wrote since planning): every
   * document's rows, then every document's index rows. In that order because FTS5 writes its pending rows out
   * as a segment of their own whenever a statement opens a savepoint (an upsert, a delete that fires a trigger),
   * which between documents would make a segment per document.
   */
  const writeGroup = (group: { fp: FilePlan; columns: IndexColumnsOf }[]): number => {
    let lockedAt = 0;
    generation = withBusyRetrySync(
      () =>
        db
          .transaction(() => {
            lockedAt = performance.now();
            if (readDocumentsGeneration(db) !== generation) throw new StalePlan();
            for (const { fp } of group) writePlan(db, fp, nowIso);
            for (const { fp, columns } of group) indexStoredDocument(db, fp.write!.store, columns);
            bumpDocumentsGeneration(db);
            lease.renew(db);
            return readDocumentsGeneration(db);
          })
          .immediate(),
      {
        totalMs: WRITE_WAIT_MS,
        onRetry: (n) => n === 1 && deps.logger.info('the index is being written by another process; waiting'),
      },
    );
    const lockHeldMs = Math.round(performance.now() - lockedAt);
    deps.logger.debug('documents written', { documents: group.length, lockHeldMs });
    return lockHeldMs;
  };
  // Short transactions, each a few consecutive documents (GROUP_MEASURES): the lock is never held long, so the
  // bot's writes get in between; each document is still written whole or not at all.
  for (let i = 0; i < plans.length; ) {
    const end = groupEnd(plans, i);
    // Cut before the write lock is taken, mostly while later files were still being parsed (segmentingAhead
    // bounds what is kept). A failed cut is a write failure: earlier groups may already be written.
    const writing = plans.slice(i, end).filter((fp) => fp.write);
    let lockHeldMs = 0;
    try {
      const columns = await Promise.all(writing.map((fp) => ahead.take(fp.prepared)));
      const group = writing.map((fp, k) => ({ fp, columns: columns[k]! }));
      await yieldToEventLoop();
      if (group.length > 0) lockHeldMs = writeGroup(group);
    } catch (err) {
      if (!(err instanceof StalePlan)) {
        throw new IngestWriteError(err, results, writing, plans.slice(end).filter((fp) => fp.write).length);
      }
      if (Date.now() - startedMs > WRITE_WAIT_MS) {
        throw new Error(
          `other processes kept writing documents for ${WRITE_WAIT_MS / 60_000} minutes; nothing more was indexed. Try again.`,
        );
      }
      replans++;
      // Another process (the bot removing a document) wrote since the plan was made: plan what is left again.
      deps.logger.info('another process changed the documents meanwhile; planning again', { replans });
      generation = readDocumentsGeneration(db);
      plans = plan(plans.slice(i).map((p) => p.prepared));
      i = 0;
      continue;
    }
    for (const fp of plans.slice(i, end)) results.push(fp.result);
    i = end;
    if (lockHeldMs > LONG_WRITE_MS && i < plans.length) sleepSync(WRITER_GAP_MS);
  }
  for (const r of results) {
    if (r.duplicateOf)
      deps.logger.warn(`${r.file} has the same content as ${r.duplicateOf}, which is indexed; not indexed again`, {
        id: r.documentId,
      });
    deps.logger.info(`indexed ${r.file}`, { id: r.documentId, status: r.status, measures: r.measures });
  }
  for (const f of skipped) deps.logger.warn(`skipped ${f.file}`, { reason: f.reason });
  return { indexed: results, skipped };
}

/** Reads files and folders (see ingest-files.ts) and indexes them with ingestSources; the skipped ones are listed. */
export function ingest(deps: IngestDeps, paths: string[], opts: IngestOptions = {}): Promise<IngestResult> {
  const { files, skipped, problems } = collectFiles(paths);
  const sources: SourceFile[] = [];
  for (const f of files) {
    try {
      sources.push({ file: path.basename(f), bytes: readRegularFile(f, MAX_DOCUMENT_BYTES) });
    } catch (err) {
      const message =
        err instanceof FileReadError
          ? err.message
          : `${path.basename(f)}: could not be read (${(err as Error).message}).`;
      problems.push({ path: f, message });
    }
  }
  return ingestPrepared(deps, sources, opts, { skipped, problems });
}

/** ingest, returning only what was indexed. */
export async function ingestPaths(
  deps: IngestDeps,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestedFile[]> {
  return (await ingest(deps, paths, opts)).indexed;
}
