import { NON_WORD_RUN, normalizeForSearch } from './normalize.ts';
import { charTokens, segmentQuery } from './segment.ts';
import type { Segmenter } from './segmenter.ts';
import { QueryTooLongError, SearchInputError } from './errors.ts';
import { aliasAlternatives } from './department-aliases.ts';

/**
 * Turns what a person typed into FTS5 MATCH strings. User text never reaches FTS syntax as such: it is
 * normalised, segmented into word tokens, and every token is written as a double-quoted string (inner quotes
 * doubled), so `OR`, `NEAR(`, `*`, `^`, `:` or `'; DROP TABLE` are only ever words to look for.
 */

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 32;
/** Queries of at most this many letters/digits always also search the exact-substring column. */
export const SHORT_QUERY_CHARS = 2;

export interface ParsedQuery {
  /** Normalised query text (what the terms were cut from). */
  normalized: string;
  /** Word terms (query-time segmentation), unique, in order; ANDed. */
  terms: string[];
  /** For each term (same index), other spellings of a department alias as word lists (发改委 → 发展/改革); mostly empty. */
  alternatives: string[][][];
  /** Letters/digits of each whitespace- or punctuation-separated chunk; each chunk is one exact phrase. */
  chunks: string[][];
  /** True for 1–2 character queries, which the word index alone serves badly. */
  short: boolean;
}

export function isBlankQuery(raw: string): boolean {
  return raw.trim() === '';
}

export function parseQuery(raw: string, segmenter: Segmenter): ParsedQuery {
  const length = Array.from(raw.trim()).length;
  if (length > MAX_QUERY_CHARS) throw new QueryTooLongError(length, MAX_QUERY_CHARS);
  const normalized = normalizeForSearch(raw).trim();
  const chunks = normalized
    .split(NON_WORD_RUN)
    .filter(Boolean)
    .map((c) => charTokens(c));
  const terms = [...new Set(segmentQuery(segmenter, normalized))];
  if (terms.length === 0 || chunks.length === 0) {
    throw new SearchInputError('no_terms', 'The search has no words or numbers to look for. Try a key word such as 冷链 or 5G基站.');
  }
  if (terms.length > MAX_QUERY_TERMS) {
    throw new SearchInputError('too_many_terms', `The search has more than ${MAX_QUERY_TERMS} words; please use a few key words.`);
  }
  const letters = chunks.reduce((n, c) => n + c.length, 0);
  const alternatives = terms.map((t) => aliasAlternatives(t, segmenter));
  return { normalized, terms, alternatives, chunks, short: letters <= SHORT_QUERY_CHARS };
}

/** An FTS5 string literal: the only way user text enters a MATCH expression. */
export function ftsString(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

const WORD_COLUMNS = '{title departments body}';

/**
 * Every term must appear as a word in the title, departments or body. A term that names a department by an
 * alias (人社, 发改委) may instead match the department's full name in the departments column.
 */
export function wordMatch(q: ParsedQuery): string {
  return q.terms
    .map((t, i) => {
      const own = `${WORD_COLUMNS} : ${ftsString(t)}`;
      const alts = (q.alternatives[i] ?? []).map((words) => `departments : (${words.map(ftsString).join(' AND ')})`);
      return alts.length === 0 ? own : `(${[own, ...alts].join(' OR ')})`;
    })
    .join(' AND ');
}

/**
 * wordMatch limited to the heading columns: every term in the title or the departments (aliases as in
 * wordMatch). The first tier of a broad query (BROAD_QUERY_MATCHES).
 */
export function headingMatch(q: ParsedQuery): string {
  return q.terms
    .map((t, i) => {
      const own = `{title departments} : ${ftsString(t)}`;
      const alts = (q.alternatives[i] ?? []).map((words) => `departments : (${words.map(ftsString).join(' AND ')})`);
      return alts.length === 0 ? own : `(${[own, ...alts].join(' OR ')})`;
    })
    .join(' AND ');
}

/** Every chunk must appear as an exact run of characters (a phrase over the one-character column). */
export function charMatch(q: ParsedQuery): string {
  return q.chunks.map((c) => `chars : ${ftsString(c.join(' '))}`).join(' AND ');
}

/** Word matches unioned with exact-substring matches. */
export function wordOrCharMatch(q: ParsedQuery): string {
  return `(${wordMatch(q)}) OR (${charMatch(q)})`;
}

/**
 * What to mark in snippets: each chunk as typed, and each word term of two or more characters (a lone 的 or 人
 * cut from a longer query would light up the whole text).
 */
export function highlightNeedles(q: ParsedQuery): string[] {
  const aliases = q.alternatives.flatMap((alts) => alts.map((words) => words.join('')));
  return [...new Set([...q.chunks.map((c) => c.join('')), ...q.terms.filter((t) => Array.from(t).length >= 2), ...aliases])];
}
