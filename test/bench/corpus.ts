import fs from 'node:fs';
import path from 'node:path';
import type { Segmenter } from '../../src/core/search/segmenter.ts';
import type { Db } from '../../src/db/open.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { silentLogger } from '../../src/lib/logger.ts';
import { ingestPaths } from '../../src/services/ingest-service.ts';
import { SEEDS_DIR, SHARED_DIR } from '../helpers/paths.ts';

/**
 * The benchmark's corpus: distinct text, so that segmentation and the index see what a real corpus of that size
 * holds (copies of the same 103 measures would be segmented once and compress into tiny doclists).
 * Real documents (the seeds and the State Council pages) are ingested once; their measures are the templates;
 * new measures recombine clauses drawn at random from all of them, keeping each template's structure (kind,
 * tasks, departments, targets). A fixed seed makes every run build the same corpus.
 */

export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'govcn-2019');

/** A small deterministic PRNG (mulberry32): the same corpus on every run and machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The real documents the corpus is built from: every seed and every corpus page the parser accepts. */
export function templateFiles(): string[] {
  const seeds = fs
    .readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(SEEDS_DIR, f));
  const pages = fs.existsSync(CORPUS_DIR)
    ? fs
        .readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.html'))
        .map((f) => path.join(CORPUS_DIR, f))
    : [];
  return [...seeds, ...pages].sort();
}

/** Ingests the template documents one by one (a page the parser refuses is skipped). */
export async function ingestTemplates(db: Db, segmenter: Segmenter): Promise<number> {
  let n = 0;
  for (const f of templateFiles()) {
    try {
      await ingestPaths({ db, logger: silentLogger, clock: fixedClock('2024-01-01T00:00:00Z'), segmenter }, [f]);
      n++;
    } catch {
      // not a document with measures (a reply letter, an approval): not a template
    }
  }
  return n;
}

/** Clauses of every template measure, punctuation kept: the pool new text is drawn from. */
export function clausePool(db: Db): string[] {
  const texts = db.prepare('SELECT text FROM measures').pluck().all() as string[];
  const pool: string[] = [];
  for (const t of texts) for (const c of t.split(/(?<=[，。；：！？])/)) if (c.trim().length >= 4) pool.push(c.trim());
  return pool;
}

/**
 * Fills `db` (migrated, empty) with `target` measures: each a template measure's structure with new text of as
 * many clauses drawn from the pool, and a new title (a clause of 4–20 characters). Returns the source text size
 * (UTF-8 bytes of the measures' titles, texts and section headings and the documents' titles).
 */
export function buildCorpus(
  db: Db,
  templates: Db,
  target: number,
  seed = 1,
): { measures: number; sourceBytes: number } {
  const rand = prng(seed);
  const pool = clausePool(templates);
  const titles = pool.map((c) => c.replace(/[，。；：！？]$/, '')).filter((c) => c.length >= 4 && c.length <= 20);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  type Row = Record<string, unknown>;
  const docs = templates.prepare('SELECT * FROM documents ORDER BY rowid').all() as Row[];
  const measuresOf = templates.prepare('SELECT * FROM measures WHERE document_id = ? ORDER BY position');
  const tasksOf = templates.prepare('SELECT * FROM tasks WHERE measure_id = ? ORDER BY position');
  const deptsOf = templates.prepare('SELECT * FROM task_departments WHERE task_id = ? ORDER BY position');
  const targetsOf = templates.prepare('SELECT * FROM targets WHERE task_id = ? ORDER BY position');
  const insert = (table: string, row: Row) =>
    db
      .prepare(
        `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row)
          .map(() => '?')
          .join(', ')})`,
      )
      .run(...Object.values(row));
  const tpl = docs.map((d) => ({
    doc: d,
    measures: (measuresOf.all(d.id) as Row[]).map((m) => ({
      m,
      tasks: (tasksOf.all(m.id) as Row[]).map((t) => ({
        t,
        depts: deptsOf.all(t.id) as Row[],
        targets: targetsOf.all(t.id) as Row[],
      })),
    })),
  }));
  let measures = 0;
  let sourceBytes = 0;
  db.transaction(() => {
    for (let round = 0; measures < target; round++) {
      for (const { doc, measures: ms } of tpl) {
        if (measures >= target) break;
        const docId = `${doc.id}-g${round}`;
        insert('documents', {
          ...doc,
          id: docId,
          file: `g${round}_${doc.file}`,
          content_hash: `${doc.content_hash}-${round}`,
        });
        sourceBytes += Buffer.byteLength(String(doc.title));
        for (const { m, tasks } of ms) {
          if (measures >= target) break;
          const clauses = Math.max(2, String(m.text).split(/(?<=[，。；：！？])/).length);
          const title = pick(titles);
          let text = `${title}。`;
          for (let i = 0; i < clauses; i++) text += pick(pool);
          const measureId = `${m.id}-g${round}`;
          insert('measures', {
            ...m,
            id: measureId,
            document_id: docId,
            title,
            text,
            content_hash: `${m.content_hash}-${round}`,
          });
          sourceBytes +=
            Buffer.byteLength(title) + Buffer.byteLength(text) + (m.section ? Buffer.byteLength(String(m.section)) : 0);
          // Each task the same share of the new text as of its template's, as a stretch of it (as parsed
          // tasks are: the measure split at its brackets).
          const templateChars = Array.from(String(m.text)).length;
          const newChars = Array.from(text).length;
          const scale = (x: number) => Math.min(newChars, Math.round((x / templateChars) * newChars));
          for (const { t, depts, targets } of tasks) {
            const taskId = `${t.id}-g${round}`;
            const from = t.text_from === null ? 0 : Number(t.text_from);
            const to = t.text_from === null ? templateChars : Number(t.text_to);
            insert('tasks', {
              ...t,
              id: taskId,
              measure_id: measureId,
              text: null,
              text_from: scale(from),
              text_to: scale(to),
            });
            for (const d of depts) insert('task_departments', { ...d, task_id: taskId });
            for (const g of targets) insert('targets', { ...g, id: `${g.id}-g${round}`, task_id: taskId });
          }
          measures++;
        }
      }
    }
  })();
  return { measures, sourceBytes };
}

/** A clause that may carry structure the parser reads (numbering, 一是, 问/答, dates, responsibility). */
const STRUCTURAL =
  /[0-9０-９（）()〔〕【】：:]|[一二三四五六七八九十]是|[一二三四五六七八九十][、.．]|问|答|负责|牵头|配合|第|年|月|日|前/;

/** How far into a seed file its title and 文号 stand. */
const HEAD_LINES = 12;

/**
 * Copy `k` of a seed's lines as a document of its own: the ingest refuses two versions of one document (same
 * title or 文号) in one run, so every copy after the first gets its own 文号 and a title marked with its number
 * (every seed's title names 消费).
 */
function distinctCopy(lines: string[], k: number): string[] {
  if (k === 0) return lines;
  let titled = false;
  return lines.map((line, i) => {
    const numbered = line.replace(
      /〔(\d{4})〕(\d+)号/g,
      (_m, y: string, n: string) => `〔${y}〕${Number(n) + 1000 * k}号`,
    );
    if (titled || i >= HEAD_LINES || !numbered.includes('消费')) return numbered;
    titled = true;
    const at = numbered.lastIndexOf('消费') + 2;
    return `${numbered.slice(0, at)}（第${k + 1}份）${numbered.slice(at)}`;
  });
}

/**
 * Document files of distinct text for the ingest benchmark: each seed file with every plain clause (one that
 * carries nothing the parser reads) replaced by a plain clause drawn from the pool. Returns the total size in
 * bytes.
 */
export function writeIngestFiles(dir: string, pool: string[], copies: number, seed = 2): number {
  const rand = prng(seed);
  const plain = pool.filter((c) => c.length >= 8 && !STRUCTURAL.test(c) && /[，；]$/.test(c));
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'));
  let bytes = 0;
  for (let k = 0; k < copies; k++) {
    for (const f of seeds) {
      const lines = fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split('\n');
      const out = lines.map((line) =>
        line
          .split(/(?<=[，；])/)
          .map((c, i) =>
            i > 0 && c.length >= 8 && !STRUCTURAL.test(c) && /[，；]$/.test(c)
              ? plain[Math.floor(rand() * plain.length)]!
              : c,
          )
          .join(''),
      );
      const content = distinctCopy(out, k).join('\n');
      fs.writeFileSync(path.join(dir, `c${k}_${f}`), content);
      bytes += Buffer.byteLength(content);
    }
  }
  return bytes;
}
