import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import type { Clock } from '../lib/clock.ts';
import type { ParsedDocument } from '../core/model.ts';
import { parseDocument } from '../core/parse/index.ts';
import { ParseError } from '../core/parse/errors.ts';
import { assignIds, suffixFresh } from '../core/ingest/assign-ids.ts';
import { documentIdCandidates, hashText, measureIdBase, taskId, targetId } from '../core/ids.ts';
import { documentIdTaken, findDocumentByContent, getDocumentByFile, listMeasures, listTasks } from '../repo/documents-repo.ts';
import { replaceDocument, type DocumentToStore } from '../repo/documents-writer.ts';
import { indexMeasures, removeMeasuresFromIndex } from '../repo/search-index-repo.ts';
import { ensureSearchIndexFresh } from './search-service.ts';
import type { Segmenter } from '../core/search/segmenter.ts';

/** Documents larger than this are refused before they are read (a policy document is tens of kilobytes). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.html', '.htm', '.md']);

export interface IngestDeps {
  db: Db;
  logger: Logger;
  clock: Clock;
  /** Segments the indexed text (the one searches use). */
  segmenter: Segmenter;
}

export interface IngestedFile {
  file: string;
  documentId: string;
  title: string;
  kind: ParsedDocument['kind'];
  status: 'added' | 'updated' | 'unchanged';
  measures: number;
  tasks: number;
  targets: number;
  /** Another indexed file with exactly the same content (the same document saved twice, e.g. as GBK). */
  duplicateOf?: string;
}

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(readonly problems: { path: string; message: string }[]) {
    super(
      problems.length === 1
        ? problems[0]!.message
        : `${problems.length} files could not be indexed; nothing was changed:\n${problems
            .map((p) => `  - ${p.message}`)
            .join('\n')}`,
    );
  }
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * Expands folders (non-recursively into their document files) and checks every path exists. Files in a folder
 * that are not documents are skipped and reported, never silently ignored.
 */
export function collectFiles(paths: string[]): { files: string[]; skipped: SkippedFile[]; problems: { path: string; message: string }[] } {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const problems: { path: string; message: string }[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      problems.push({ path: p, message: `${p}: no such file or folder.` });
      continue;
    }
    if (stat.isDirectory()) {
      const entries = fs.readdirSync(p, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.'));
      const inDir = entries
        .filter((e) => DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase()))
        .map((e) => path.join(p, e.name))
        .sort();
      for (const e of entries) {
        if (!DOCUMENT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
          skipped.push({ file: path.join(p, e.name), reason: 'not a .txt, .html, .htm or .md file' });
        }
      }
      if (inDir.length === 0) problems.push({ path: p, message: `${p}: the folder holds no .txt, .html, .htm or .md files.` });
      files.push(...inDir);
    } else {
      files.push(p);
    }
  }
  return { files, skipped, problems };
}

interface Prepared {
  file: string;
  contentHash: string;
  doc: ParsedDocument;
}

function prepare(filePath: string): Prepared {
  const file = path.basename(filePath);
  const size = fs.statSync(filePath).size;
  if (size > MAX_DOCUMENT_BYTES) {
    throw new ParseError(
      'too_large',
      `${file}: the file is ${(size / 1024 / 1024).toFixed(1)} MB; documents over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB are refused. Split it or check that it is the right file.`,
    );
  }
  const bytes = fs.readFileSync(filePath);
  const doc = parseDocument({ file, bytes }, { maxBytes: MAX_DOCUMENT_BYTES });
  // The hash covers the parse result, not only the bytes, so a parser improvement re-indexes on the next ingest.
  return { file, contentHash: hashText(JSON.stringify(doc)), doc };
}

function decideIds(db: Db, p: Prepared, now: string): DocumentToStore {
  const existingDoc = getDocumentByFile(db, p.file);
  let docId = existingDoc?.id;
  if (!docId) {
    docId = documentIdCandidates(p.file).find((c) => !documentIdTaken(db, c));
    if (!docId) throw new Error(`Could not find a free id for ${p.file}`);
  }
  const oldMeasures = existingDoc ? listMeasures(db, docId) : [];
  const measureIds = assignIds(
    oldMeasures.map((m) => ({ id: m.id, key: `${m.kind}:${m.label}`, hash: m.contentHash })),
    p.doc.measures.map((m) => ({
      key: `${m.kind}:${m.label}`,
      hash: hashText(JSON.stringify(m)),
      preferredId: measureIdBase(docId!, m.kind, m.ordinal),
    })),
    suffixFresh,
  );
  const oldTasks = listTasks(db, oldMeasures.map((m) => m.id));
  const measures = p.doc.measures.map((measure, mi) => {
    const measureId = measureIds[mi]!;
    const previous = oldTasks.filter((t) => t.measureId === measureId);
    const taskIds = assignIds(
      previous.map((t) => ({ id: t.id, key: String(t.position), hash: t.contentHash })),
      measure.tasks.map((t, ti) => ({ key: String(ti), hash: hashText(JSON.stringify(t)), preferredId: taskId(measureId, ti) })),
      (preferred, attempt) => `${preferred.replace(/\.\d+$/, '')}.${measure.tasks.length + previous.length + attempt}`,
    );
    const tasks = measure.tasks.map((task, ti) => {
      const id = taskIds[ti]!;
      const oldTargets = previous.find((t) => t.id === id)?.targets ?? [];
      const targetIds = assignIds(
        oldTargets.map((g) => ({ id: g.id, key: String(g.position), hash: hashText(`${g.text}|${g.due}`) })),
        task.targets.map((g, gi) => ({ key: String(gi), hash: hashText(`${g.text}|${g.due}`), preferredId: targetId(id, gi) })),
        (preferred, attempt) => `${id}.t${task.targets.length + oldTargets.length + attempt}`,
      );
      return {
        id,
        contentHash: hashText(JSON.stringify(task)),
        task,
        targets: task.targets.map((target, gi) => ({ id: targetIds[gi]!, target })),
      };
    });
    return { id: measureId, contentHash: hashText(JSON.stringify(measure)), measure, tasks };
  });
  return { id: docId, file: p.file, contentHash: p.contentHash, ingestedAt: now, doc: p.doc, measures };
}

/**
 * Indexes documents. All or nothing: every file is read and parsed first; if any fails, nothing is written and
 * an IngestError lists each problem. Re-ingesting an unchanged file is a no-op; a changed one is updated in
 * place, keeping the ids of measures that are still there.
 */
export function ingestPaths(deps: IngestDeps, paths: string[]): IngestedFile[] {
  return ingest(deps, paths).indexed;
}

/** ingestPaths, also reporting the files of a folder that were skipped because they are not documents. */
export function ingest(deps: IngestDeps, paths: string[]): { indexed: IngestedFile[]; skipped: SkippedFile[] } {
  const { files, skipped, problems } = collectFiles(paths);
  const prepared: Prepared[] = [];
  for (const f of files) {
    try {
      prepared.push(prepare(f));
    } catch (err) {
      if (err instanceof ParseError) problems.push({ path: f, message: err.message });
      else problems.push({ path: f, message: `${path.basename(f)}: could not be read (${(err as Error).message}).` });
    }
  }
  const seen = new Map<string, string>();
  for (const p of prepared) {
    if (seen.has(p.file)) problems.push({ path: p.file, message: `${p.file}: given twice (${seen.get(p.file)}); file names identify documents.` });
    seen.set(p.file, p.file);
  }
  if (problems.length > 0) throw new IngestError(problems);

  const now = deps.clock().toISOString();
  const results: IngestedFile[] = [];
  // IMMEDIATE takes the write lock up front: with the bot writing to the same file, a deferred transaction's
  // read-to-write upgrade could fail with SQLITE_BUSY despite the busy timeout.
  deps.db.transaction(() => {
    // Bring the existing index up to the current dictionary first (and record its fingerprint on a new
    // database), so rows written below are never mixed with rows segmented by an older dictionary.
    ensureSearchIndexFresh(deps.db, deps.logger, deps.segmenter);
    for (const p of prepared) {
      const existing = getDocumentByFile(deps.db, p.file);
      const counts = {
        measures: p.doc.measures.length,
        tasks: p.doc.measures.reduce((n, m) => n + m.tasks.length, 0),
        targets: p.doc.measures.reduce((n, m) => n + m.tasks.reduce((k, t) => k + t.targets.length, 0), 0),
      };
      if (existing && existing.contentHash === p.contentHash) {
        results.push({ file: p.file, documentId: existing.id, title: p.doc.title, kind: p.doc.kind, status: 'unchanged', ...counts });
        continue;
      }
      const toStore = decideIds(deps.db, p, now);
      if (existing) removeMeasuresFromIndex(deps.db, listMeasures(deps.db, existing.id).map((m) => m.id));
      replaceDocument(deps.db, toStore);
      indexMeasures(deps.db, toStore.measures.map((m) => m.id), deps.segmenter);
      results.push({
        file: p.file,
        documentId: toStore.id,
        title: p.doc.title,
        kind: p.doc.kind,
        status: existing ? 'updated' : 'added',
        ...counts,
        ...(() => {
          const twin = findDocumentByContent(deps.db, p.contentHash, p.file);
          return twin ? { duplicateOf: twin } : {};
        })(),
      });
    }
  }).immediate();
  for (const r of results) {
    if (r.duplicateOf) deps.logger.warn(`${r.file} has the same content as ${r.duplicateOf}, which is also indexed`, { id: r.documentId });
  }
  for (const r of results) deps.logger.info(`indexed ${r.file}`, { id: r.documentId, status: r.status, measures: r.measures });
  for (const f of skipped) deps.logger.warn(`skipped ${f.file}`, { reason: f.reason });
  return { indexed: results, skipped };
}
