import type { ParsedMeasure } from '../core/model.ts';
import { type IndexColumnsOf, indexColumnsAhead, indexColumnsWith, indexSourceOf } from '../core/search/segment.ts';
import type { Segmenter } from '../core/search/segmenter.ts';

/** What is cut: a parsed document's measures. */
interface Document {
  doc: { measures: ParsedMeasure[] };
}

/** The ingest's side of segmentingAhead: documents are asked for as they are parsed and taken as they are written. */
export interface SegmentingAhead<D extends Document> {
  /** Queues a document's cutting behind the ones asked for before. */
  ask(d: D): void;
  /** Documents not in `keep` (the plan writes nothing for them) are not cut, and what was cut is let go. */
  only(keep: Set<D>): void;
  /**
   * The document's columns, cut ahead if it was asked for, else now (still off the main thread, outside the
   * in-flight count: a document the plan writes that was not asked for, which is rare). Taking lets go of it:
   * a replan that writes it again cuts it again.
   */
  take(d: D): Promise<IndexColumnsOf>;
  /** Nothing queued is cut any more (the ingest failed or finished). */
  stop(): void;
}

/**
 * Documents being cut in the background at once, by all the ingests of this process that share a segmenter
 * (several uploads at once in the bot). Two, so a pool thread always has the next one when the main thread is
 * slow to turn the event loop (a batch is handed over, and the next one started, only on a turn); not more,
 * so the bot leaves libuv's other pool threads to file and DNS work.
 */
export const AHEAD_IN_FLIGHT = 2;

/** The batches in flight on one segmenter, and the queues waiting for one of them to finish. */
interface PoolUse {
  inFlight: number;
  waiting: Set<() => void>;
}

/** Per segmenter (one per process in the bot and the CLI), so concurrent ingests share AHEAD_IN_FLIGHT. */
const poolUse = new WeakMap<Segmenter, PoolUse>();

function poolUseOf(segmenter: Segmenter): PoolUse {
  let use = poolUse.get(segmenter);
  if (!use) {
    use = { inFlight: 0, waiting: new Set() };
    poolUse.set(segmenter, use);
  }
  return use;
}

/**
 * No more is cut ahead while the documents cut (or being cut) and not yet written hold this many measures:
 * their tokens are kept until written (a few KB a measure), and every file is parsed before anything is
 * written, so a large folder would otherwise keep all of its tokens at once.
 */
export const AHEAD_MEASURES = 20_000;

/**
 * Cuts documents' measures off the main thread (the segmenter's cutForIndexBatch), in the order asked, while
 * the main thread parses the files after them: the write lock is then taken with each document already cut.
 * The ingest yields to the event loop between documents so finished batches are handed over.
 */
export function segmentingAhead<D extends Document>(
  segmenter: Segmenter,
  limits: { inFlight: number; heldMeasures: number } = { inFlight: AHEAD_IN_FLIGHT, heldMeasures: AHEAD_MEASURES },
): SegmentingAhead<D> {
  const cut = (p: D) => indexColumnsAhead(segmenter, p.doc.measures.map(indexSourceOf));
  /** Asked for and not yet taken: `held` once its cutting started (its measures count against AHEAD_MEASURES). */
  const ahead = new Map<D, { columns: Promise<IndexColumnsOf>; held: boolean }>();
  // Read from `next` on (no shift(), which would make a folder of many files quadratic).
  const queue: ({ p: D; settle: (c: Promise<IndexColumnsOf>) => void } | undefined)[] = [];
  let next = 0;
  const pool = poolUseOf(segmenter);
  let heldMeasures = 0;
  let wanted: (p: D) => boolean = () => true;
  const release = (p: D) => {
    const entry = ahead.get(p);
    if (entry?.held) heldMeasures -= p.doc.measures.length;
    ahead.delete(p);
  };
  const pump = (): void => {
    while (next < queue.length) {
      const { p, settle } = queue[next]!;
      if (!wanted(p)) {
        // Handed over uncut, whatever the pool is doing; should a replan write it after all, take() cuts it then.
        queue[next++] = undefined;
        release(p);
        settle(Promise.resolve(indexColumnsWith(segmenter, Number.POSITIVE_INFINITY)));
        continue;
      }
      if (pool.inFlight >= limits.inFlight || heldMeasures >= limits.heldMeasures) break;
      // Let go of the entry, so a long folder's queue does not keep what was handed over.
      queue[next++] = undefined;
      pool.inFlight++;
      heldMeasures += p.doc.measures.length;
      ahead.get(p)!.held = true;
      const columns = cut(p);
      settle(columns);
      columns
        .catch(() => {})
        .finally(() => {
          pool.inFlight--;
          // Every queue on this segmenter may start one now, this one first.
          pump();
          for (const other of [...pool.waiting]) other();
        });
    }
    if (next < queue.length) pool.waiting.add(pump);
    else pool.waiting.delete(pump);
  };
  return {
    ask(p: D): void {
      const columns = new Promise<IndexColumnsOf>((resolve) => {
        queue.push({ p, settle: resolve });
      });
      // A failed cut is reported by take(); one never taken (the ingest stopped first) must not crash the bot.
      columns.catch(() => {});
      ahead.set(p, { columns, held: false });
      pump();
    },
    only(keep: Set<D>): void {
      wanted = (p) => keep.has(p);
      for (const [p, entry] of ahead) if (entry.held && !keep.has(p)) release(p);
      pump();
    },
    take(p: D): Promise<IndexColumnsOf> {
      const entry = ahead.get(p);
      if (!entry) return cut(p);
      if (entry.held) {
        release(p);
        pump();
      } else {
        // Still queued: it leaves the queue's count once it has started and been handed over.
        return entry.columns.finally(() => {
          release(p);
          pump();
        });
      }
      return entry.columns;
    },
    stop(): void {
      wanted = () => false;
      pump();
    },
  };
}
