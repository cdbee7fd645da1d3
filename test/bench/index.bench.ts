import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Db } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { indexMeasures } from '../../src/repo/search-index-repo.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { SEEDS_DIR, SHARED_DIR } from '../helpers/paths.ts';

/**
 * Index benchmark: ingest throughput over the seeds repeated, then search latency on the seeds' measures
 * replicated to TARGET_MEASURES (inserted in bulk, indexed through the same indexMeasures), beside a
 * LIKE '%…%' scan of the same table. Prints a markdown table for the README.
 */

const INGEST_COPIES = 8;
const TARGET_MEASURES = 100_000;
const INDEX_BATCH = 5_000;
const RUNS_PER_QUERY = 11;
const SHORT_QUERIES = ['冷', '券', '电商', '就业', '5G'];
const today = '2024-01-01';

function tempDb(name: string): { db: Db; file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-bench-'));
  const file = path.join(dir, name);
  const db = openDatabase(file);
  migrate(db);
  return { db, file, dir };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function timeRuns(fn: () => void, runs: number): number[] {
  fn(); // warm the statement cache and pages
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function benchIngest(): Promise<{ mb: number; seconds: number; mbPerSecond: number; files: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-seeds-'));
  let bytes = 0;
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
  for (let k = 0; k < INGEST_COPIES; k++) {
    for (const f of seeds) {
      const content = fs.readFileSync(path.join(SEEDS_DIR, f));
      fs.writeFileSync(path.join(dir, `c${k}_${f}`), content);
      bytes += content.length;
    }
  }
  const { db, dir: dbDir } = tempDb('ingest.db');
  // The first segmentation loads jieba's dictionaries (~1 s); keep that out of the throughput.
  searchMeasures(db, { query: '冷链', today });
  const t = performance.now();
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z') }, [dir]);
  const seconds = (performance.now() - t) / 1000;
  db.close();
  fs.rmSync(dbDir, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
  const mb = bytes / 1024 / 1024;
  return { mb, seconds, mbPerSecond: mb / seconds, files: seeds.length * INGEST_COPIES };
}

/** Copies the seeds' rows (documents → targets) until the measures table holds TARGET_MEASURES rows. */
async function replicate(db: Db): Promise<{ measures: number; insertSeconds: number; indexSeconds: number }> {
  await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z') }, [SEEDS_DIR]);
  const base = (db.prepare('SELECT COUNT(*) AS n FROM measures').get() as { n: number }).n;
  const copies = Math.ceil(TARGET_MEASURES / base) - 1;
  // Copy only the seed rows (rowid bounds keep each copy linear, not a scan of everything copied so far).
  const maxRowid = (table: string) => (db.prepare(`SELECT MAX(rowid) AS n FROM ${table}`).get() as { n: number }).n;
  const bound = {
    documents: maxRowid('documents'),
    measures: maxRowid('measures'),
    tasks: maxRowid('tasks'),
    task_departments: maxRowid('task_departments'),
    targets: maxRowid('targets'),
  };
  const t0 = performance.now();
  const newIds: string[] = [];
  db.transaction(() => {
    for (let k = 1; k <= copies; k++) {
      const sfx = `-r${k}`;
      db.prepare(
        `INSERT INTO documents (id, file, content_hash, title, kind, region, issuer, doc_number, published_on, effective_on,
           expires_on, authors, ingested_at)
         SELECT id || ?, 'r' || ? || '_' || file, content_hash, title, kind, region, issuer, doc_number, published_on,
           effective_on, expires_on, authors, ingested_at FROM documents WHERE rowid <= ?`,
      ).run(sfx, k, bound.documents);
      db.prepare(
        `INSERT INTO measures (id, document_id, position, kind, section, label, ordinal, title, text, author, content_hash)
         SELECT id || ?, document_id || ?, position, kind, section, label, ordinal, title, text, author, content_hash
         FROM measures WHERE rowid <= ?`,
      ).run(`~${k}`, sfx, bound.measures);
      db.prepare(
        `INSERT INTO tasks (id, measure_id, position, text, responsibility, departments_incomplete, content_hash)
         SELECT id || ?, measure_id || ?, position, text, responsibility, departments_incomplete, content_hash
         FROM tasks WHERE rowid <= ?`,
      ).run(`~${k}`, `~${k}`, bound.tasks);
      db.prepare(
        `INSERT INTO task_departments (task_id, position, name, role)
         SELECT task_id || ?, position, name, role FROM task_departments WHERE rowid <= ?`,
      ).run(`~${k}`, bound.task_departments);
      db.prepare(
        `INSERT INTO targets (id, task_id, position, text, due, precision, period_start, quantity)
         SELECT id || ?, task_id || ?, position, text, due, precision, period_start, quantity FROM targets WHERE rowid <= ?`,
      ).run(`~${k}`, `~${k}`, bound.targets);
    }
    for (const r of db.prepare('SELECT id FROM measures WHERE rowid > ? ORDER BY rowid').all(bound.measures) as { id: string }[]) newIds.push(r.id);
  })();
  const insertSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (let i = 0; i < newIds.length; i += INDEX_BATCH) {
    db.transaction(() => indexMeasures(db, newIds.slice(i, i + INDEX_BATCH)))();
  }
  const indexSeconds = (performance.now() - t1) / 1000;
  return { measures: base + newIds.length, insertSeconds, indexSeconds };
}

function likeBaseline(db: Db, query: string): void {
  const pattern = `%${query}%`;
  db.prepare('SELECT COUNT(*) AS n FROM measures WHERE title LIKE ? OR text LIKE ?').get(pattern, pattern);
  db.prepare('SELECT id FROM measures WHERE title LIKE ? OR text LIKE ? ORDER BY rowid LIMIT 10').all(pattern, pattern);
}

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

export default async function indexBench(): Promise<Record<string, unknown>> {
  const ingest = await benchIngest();

  const { db, file, dir } = tempDb('search.db');
  const rep = await replicate(db);
  const dbMb = fs.statSync(file).size / 1024 / 1024;

  const evalQueries = (JSON.parse(fs.readFileSync(path.join(SHARED_DIR, 'eval', 'queries.json'), 'utf8')) as { queries: { query: string }[] }).queries.map(
    (q) => q.query,
  );
  const groups = { 'eval queries': evalQueries, '1–2 character queries': SHORT_QUERIES };
  const rows: { group: string; fts: number[]; like: number[]; hits: number }[] = [];
  for (const [group, queries] of Object.entries(groups)) {
    const fts: number[] = [];
    const like: number[] = [];
    let hits = 0;
    for (const q of queries) {
      fts.push(...timeRuns(() => searchMeasures(db, { query: q, today, limit: 10 }), RUNS_PER_QUERY));
      like.push(...timeRuns(() => likeBaseline(db, q), Math.ceil(RUNS_PER_QUERY / 3)));
      hits += searchMeasures(db, { query: q, today, limit: 10 }).total;
    }
    rows.push({ group, fts: fts.sort((a, b) => a - b), like: like.sort((a, b) => a - b), hits: Math.round(hits / queries.length) });
  }
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const lines = [
    `| What | Result |`,
    `|---|---|`,
    `| Ingest (parse + store + index), seeds ×${INGEST_COPIES} = ${ingest.files} files, ${ingest.mb.toFixed(2)} MB | ${ingest.seconds.toFixed(2)} s, **${ingest.mbPerSecond.toFixed(2)} MB/s** |`,
    `| Index ${rep.measures.toLocaleString('en')} measures (bulk insert / segment + FTS) | ${rep.insertSeconds.toFixed(1)} s / ${rep.indexSeconds.toFixed(1)} s (${Math.round(rep.measures / (rep.insertSeconds + rep.indexSeconds)).toLocaleString('en')} measures/s), DB ${dbMb.toFixed(0)} MB |`,
    ...rows.map(
      (r) =>
        `| Search, ${r.group} (avg ${r.hits.toLocaleString('en')} matches): FTS5 p50 / p99 | **${fmt(percentile(r.fts, 50))} / ${fmt(percentile(r.fts, 99))} ms** (LIKE '%…%' scan: ${fmt(percentile(r.like, 50))} / ${fmt(percentile(r.like, 99))} ms) |`,
    ),
    `| Process RSS after the run | ${rssMb.toFixed(0)} MB |`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  return {
    ingestMbPerSecond: ingest.mbPerSecond,
    measures: rep.measures,
    indexSeconds: rep.indexSeconds,
    dbMb,
    search: Object.fromEntries(
      rows.map((r) => [r.group, { p50: percentile(r.fts, 50), p99: percentile(r.fts, 99), likeP50: percentile(r.like, 50), likeP99: percentile(r.like, 99), avgMatches: r.hits }]),
    ),
    rssMb,
  };
}
