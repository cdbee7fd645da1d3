/**
 * Keeps ids stable across re-ingests. Follow-ups point at measure, task and target ids, so an item that is
 * still there keeps its id even when its text changed a little or items were inserted before it (ids follow
 * content, not position). An incoming item takes the id of an old one, in this order:
 *   1. the same text;
 *   2. a similar text (bigram Dice ≥ SIMILARITY_THRESHOLD), compared only with the old items near where it is
 *      expected (MATCH_WINDOW around the position the nearest same-text neighbour implies), so the cost stays
 *      linear in the number of items;
 *   3. the same title (heading sentence);
 *   4. the same label, if the texts still share something (Dice ≥ LABEL_MATCH_MIN_SIMILARITY): a label alone
 *      does not make two different commitments the same one;
 * otherwise it gets its preferred id or a fresh one, never an id that was used before (old items that found no
 * match are retired: a follow-up on a vanished item must not silently move to a different one).
 */
import { type Bigrams, bigrams, dice } from './similarity.ts';

/** Texts at least this alike are the same item, lightly edited. */
export const SIMILARITY_THRESHOLD = 0.6;
/** With the same label, texts at least this alike are the same item, rewritten. */
export const LABEL_MATCH_MIN_SIMILARITY = 0.3;
/** Old items compared with each incoming one: this many either side of where it is expected. */
export const MATCH_WINDOW = 8;

export interface OldItem {
  id: string;
  label: string;
  title: string;
  text: string;
}

export interface IncomingItem {
  label: string;
  title: string;
  text: string;
  preferredId: string;
}

export type MatchedBy = 'same' | 'similar' | 'title' | 'label' | 'new';

export interface AssignedId {
  id: string;
  matchedBy: MatchedBy;
  /** Index of the old item whose id was kept; null for a new item. */
  previous: number | null;
}

/** Hands out ids no item has had: the preferred one if free, else fresh ones. */
export interface IdAllocator {
  /** Marks an id as in use (a kept id). */
  reserve(id: string): void;
  take(preferredId: string): string;
}

/**
 * @param taken ids that may not be handed out (the scope's current ids and its retired ones)
 * @param fresh the attempt-th alternative to a preferred id
 * @param family preferred ids that share one sequence of fresh ids (so the next free one is found without
 *   retrying every earlier attempt: linear even when every item prefers the same id)
 */
export function idAllocator(
  taken: (id: string) => boolean,
  fresh: (preferredId: string, attempt: number) => string,
  family: (preferredId: string) => string = (p) => p,
): IdAllocator {
  const used = new Set<string>();
  const nextAttempt = new Map<string, number>();
  const free = (id: string) => !used.has(id) && !taken(id);
  return {
    reserve: (id) => void used.add(id),
    take(preferredId) {
      let id = preferredId;
      if (!free(id)) {
        const key = family(preferredId);
        let attempt = nextAttempt.get(key) ?? 1;
        do id = fresh(preferredId, attempt++);
        while (!free(id));
        nextAttempt.set(key, attempt);
      }
      used.add(id);
      return id;
    },
  };
}

/** `abcd-4` → `abcd-4-b`, `abcd-4-c`… `abcd-4-z`, `abcd-4-b2`… */
export function suffixFresh(preferredId: string, attempt: number): string {
  const letters = 'bcdefghjkmnpqrstuvwxyz';
  const round = Math.floor((attempt - 1) / letters.length);
  return `${preferredId}-${letters[(attempt - 1) % letters.length]}${round > 0 ? round + 1 : ''}`;
}

interface Queue {
  items: number[];
  head: number;
}

/** First-in-first-out lists of old item indexes by key. */
function queues(keys: string[]): Map<string, Queue> {
  const m = new Map<string, Queue>();
  keys.forEach((k, i) => {
    const q = m.get(k);
    if (q) q.items.push(i);
    else m.set(k, { items: [i], head: 0 });
  });
  return m;
}

/** The first old item of the queue not matched yet (without taking it). */
function peek(q: Queue | undefined, matched: boolean[]): number | undefined {
  if (!q) return undefined;
  while (q.head < q.items.length && matched[q.items[q.head]!]) q.head++;
  return q.items[q.head];
}

export function assignIds(existing: OldItem[], incoming: IncomingItem[], allocator: IdAllocator): AssignedId[] {
  const result: (AssignedId | undefined)[] = new Array(incoming.length).fill(undefined);
  const oldMatched: boolean[] = new Array(existing.length).fill(false);
  const keep = (i: number, o: number, matchedBy: MatchedBy) => {
    result[i] = { id: existing[o]!.id, matchedBy, previous: o };
    oldMatched[o] = true;
  };

  // 1. Same text.
  const byText = queues(existing.map((e) => e.text));
  incoming.forEach((item, i) => {
    const o = peek(byText.get(item.text), oldMatched);
    if (o !== undefined) keep(i, o, 'same');
  });

  // 2. Similar text, near where the item is expected.
  const oldGrams: (Bigrams | undefined)[] = new Array(existing.length);
  const newGrams: (Bigrams | undefined)[] = new Array(incoming.length);
  const gramsOld = (o: number) => (oldGrams[o] ??= bigrams(existing[o]!.text));
  const gramsNew = (i: number) => (newGrams[i] ??= bigrams(incoming[i]!.text));
  const pairs: { i: number; o: number; score: number; distance: number }[] = [];
  let anchor: { i: number; o: number } | undefined;
  for (let i = 0; i < incoming.length; i++) {
    const r = result[i];
    if (r) {
      anchor = { i, o: r.previous! };
      continue;
    }
    const expected = anchor ? anchor.o + (i - anchor.i) : i;
    const from = Math.max(0, expected - MATCH_WINDOW);
    const to = Math.min(existing.length - 1, expected + MATCH_WINDOW);
    for (let o = from; o <= to; o++) {
      if (oldMatched[o]) continue;
      const score = dice(gramsNew(i), gramsOld(o));
      if (score >= SIMILARITY_THRESHOLD) pairs.push({ i, o, score, distance: Math.abs(o - expected) });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.distance - b.distance || a.i - b.i);
  for (const p of pairs) if (!result[p.i] && !oldMatched[p.o]) keep(p.i, p.o, 'similar');

  // 3. Same title.
  const byTitle = queues(existing.map((e) => e.title));
  incoming.forEach((item, i) => {
    if (result[i] || item.title.trim() === '') return;
    const o = peek(byTitle.get(item.title), oldMatched);
    if (o !== undefined) keep(i, o, 'title');
  });

  // 4. Same label, texts still related.
  const byLabel = queues(existing.map((e) => e.label));
  incoming.forEach((item, i) => {
    if (result[i]) return;
    const o = peek(byLabel.get(item.label), oldMatched);
    if (o !== undefined && dice(gramsNew(i), gramsOld(o)) >= LABEL_MATCH_MIN_SIMILARITY) keep(i, o, 'label');
  });

  for (const r of result) if (r) allocator.reserve(r.id);
  return incoming.map(
    (item, i) => result[i] ?? { id: allocator.take(item.preferredId), matchedBy: 'new', previous: null },
  );
}
