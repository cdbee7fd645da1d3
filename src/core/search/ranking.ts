import type { ItemKind } from '../model.ts';

/**
 * bm25 column weights for measure_fts (title, departments, body, chars, facets), in column order: a term in a
 * measure's heading says more about it than one in its body; responsible departments sit between. The
 * one-character column only serves exact-substring recall, so its matches rank below word matches. Facets are
 * filters, not relevance: they weigh nothing.
 */
export const COLUMN_WEIGHTS = { title: 10, departments: 4, body: 1, chars: 0.5, facets: 0 } as const;

/** The SQL ranking expression (lower is better, as bm25 returns it). */
export const BM25_SQL = `bm25(measure_fts, ${Object.values(COLUMN_WEIGHTS).join(', ')})`;

/**
 * A prior by item kind: the numbered measures of a policy are what the team tracks, so they rank above Q&A
 * answers and commentary proposals that discuss the same words (answers are also three times longer on
 * average and mention many topics in passing).
 */
export const KIND_WEIGHTS = { measure: 1, answer: 0.5, proposal: 0.5 } as const;

/**
 * Index rowids are `seq * KIND_SLOTS + kind class`, so FTS5 knows each row's kind prior without a join and
 * ranks the top k by itself (migrations/005). The class of a kind never changes meaning: append new kinds.
 */
export const KIND_CLASSES = ['measure', 'answer', 'proposal'] as const satisfies readonly ItemKind[];
export const KIND_SLOTS = 4;

export function kindClass(kind: ItemKind): number {
  return KIND_CLASSES.indexOf(kind);
}

/** The ranking expression over measure_fts: bm25 scaled by the kind prior read from the rowid, lower is better. */
export const RANK_SQL = `${BM25_SQL} * (CASE measure_fts.rowid % ${KIND_SLOTS} ${KIND_CLASSES.map(
  (k, i) => `WHEN ${i} THEN ${KIND_WEIGHTS[k]}`,
).join(' ')} ELSE 1 END)`;

/**
 * Above this many matches a query is too broad to rank every match by bm25 within a Slack reply (2–4 µs per
 * match, the most for 1–2 character queries whose exact-substring matches are unioned in: 4,600 matches of 就业
 * took 17 ms at 100k measures): its pages list the matches in a title first, then those in the departments,
 * then the rest, each tier ranked by bm25 among itself. Title matches lead a broad query's bm25 order anyway
 * (the title weighs most): on 150 title words at 100k measures, the 31 with 1,000–3,000 matches kept their first
 * page but for one or two of eight measures in 3 of them, all title matches either way, and took 28% less time
 * than with every match ranked.
 */
export const BROAD_QUERY_MATCHES = 1_000;

/**
 * Broad queries count their matches up to this many and then say "10,000+": an exact count of 40,000 matches
 * costs more than ranking the page shown, and nobody pages that far.
 */
export const COUNTED_MATCHES = 10_000;

/** Below this many word matches, exact-substring matches are unioned in (segmenter gaps, rare words). */
export const FEW_WORD_HITS = 10;

/** bm25 as a positive score, higher is better, rounded for display. */
export function toScore(bm25: number): number {
  return Math.round(-bm25 * 1000) / 1000 || 0;
}

/** A group of a query's matches that is ranked among itself (the repository's pageTiers). */
export type MatchTier = 'title' | 'heading' | 'words' | 'union';

/**
 * The tiers a query's matches are listed in, narrowest first, each ranked on its own: a broad query's terms in
 * the title, then in the title or departments; then the word matches; then, where exact substrings are added,
 * the matches that are not words (bm25 over the union would spend most of its time on the one-character
 * phrase, and would rank a dense run of characters above the word). `wordCount` is null when words were not
 * counted alone; `counted` is every match (the union where substrings are added); both stop at
 * COUNTED_MATCHES + 1. The union tier is left out only when it is known to add nothing.
 *
 * @example matchTiers({ substrings: true, wordCount: 1560, counted: 1560 }) // ['words']
 * @example matchTiers({ substrings: true, wordCount: 5, counted: 12 }) // ['words', 'union']
 */
export function matchTiers(c: { substrings: boolean; wordCount: number | null; counted: number }): MatchTier[] {
  const broad: MatchTier[] = c.counted > BROAD_QUERY_MATCHES ? ['title', 'heading'] : [];
  if (!c.substrings) return [...broad, 'words'];
  if (c.wordCount === 0) return [...broad, 'union'];
  const unionAdds = c.wordCount === null || c.wordCount > COUNTED_MATCHES || c.counted > c.wordCount;
  return [...broad, 'words', ...(unionAdds ? (['union'] as const) : [])];
}
