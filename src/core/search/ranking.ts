/**
 * bm25 column weights for measure_fts (title, departments, body, chars): a term in a measure's heading says
 * more about it than one in its body; responsible departments sit between. The one-character column only
 * serves exact-substring recall, so its matches rank below word matches.
 */
export const COLUMN_WEIGHTS = { title: 10, departments: 4, body: 1, chars: 0.5 } as const;

/** The SQL ranking expression (lower is better, as bm25 returns it). */
export const BM25_SQL = `bm25(measure_fts, ${COLUMN_WEIGHTS.title}, ${COLUMN_WEIGHTS.departments}, ${COLUMN_WEIGHTS.body}, ${COLUMN_WEIGHTS.chars})`;

/**
 * A prior by item kind: the numbered measures of a policy are what the team tracks, so they rank above Q&A
 * answers and commentary proposals that discuss the same words (answers are also three times longer on
 * average and mention many topics in passing).
 */
export const KIND_WEIGHTS = { measure: 1, answer: 0.5, proposal: 0.5 } as const;

/** The ranking expression over `m` (measures): bm25 scaled by the kind prior, lower is better. */
export const RANK_SQL = `${BM25_SQL} * (CASE m.kind WHEN 'answer' THEN ${KIND_WEIGHTS.answer} WHEN 'proposal' THEN ${KIND_WEIGHTS.proposal} ELSE ${KIND_WEIGHTS.measure} END)`;

/** Below this many word matches, exact-substring matches are unioned in (segmenter gaps, rare words). */
export const FEW_WORD_HITS = 10;

/** bm25 as a positive score, higher is better, rounded for display. */
export function toScore(bm25: number): number {
  return Math.round(-bm25 * 1000) / 1000 || 0;
}
