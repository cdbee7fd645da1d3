import { aliasAlternatives } from './department-aliases.ts';
import { QueryTooLongError, SearchInputError } from './errors.ts';
import { NON_WORD_RUN, normalizeForSearch } from './normalize.ts';
import { charTokens, segmentQuery } from './segment.ts';
import type { Segmenter } from './segmenter.ts';

/**
 * The keyword part of the query language, and its FTS5 MATCH strings. Words are ANDed; `OR` (or `|`) between
 * two words or phrases accepts either; `-word` (or `NOT word`) excludes; `"…"` (also “…” 「…」) is an exact
 * phrase; `AND` is accepted and changes nothing. Syntax FTS5 has and this does not (`NEAR(…)`, `word*`, `^word`)
 * is reported in `unsupported` and its words searched as plain words.
 *
 * User text never reaches FTS syntax as such: it is normalised, segmented into word tokens, and every token is
 * written as a double-quoted string (inner quotes doubled), so `NEAR(`, `*`, `^`, `:` or `'; DROP TABLE` are
 * only ever words to look for. The operators are read here, from the text, and written by this module.
 */

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 32;
/** Queries of at most this many letters/digits always also search the exact-substring column. */
export const SHORT_QUERY_CHARS = 2;

/** One word or phrase of the query, segmented. */
export interface QueryPart {
  /** Word terms (query-time segmentation), unique, in order; ANDed. Empty for a phrase. */
  terms: string[];
  /** For each term (same index), other spellings of a department alias as word lists (发改委 → 发展/改革). */
  alternatives: string[][][];
  /** Letters/digits of each punctuation-separated chunk; each chunk is one exact run of characters. */
  chunks: string[][];
  /** A quoted phrase: matched only as an exact run of characters. */
  phrase: boolean;
}

export interface ParsedQuery {
  /** Normalised query text (what the terms were cut from). */
  normalized: string;
  /** ANDed; each clause accepts any of its parts (more than one where the query said OR). */
  clauses: QueryPart[][];
  /** Words and phrases no match may contain (`-word`, `NOT word`). */
  excluded: QueryPart[];
  /** Every term of the clauses, unique, in order. */
  terms: string[];
  /** For each of `terms` (same index), department alias spellings; mostly empty. */
  alternatives: string[][][];
  /** Every chunk of the clauses. */
  chunks: string[][];
  /** True for 1–2 character queries, which the word index alone serves badly. */
  short: boolean;
  /** Operators of other search syntaxes that were read as plain words (`NEAR(…)`, `word*`, `^word`). */
  unsupported: string[];
}

export function isBlankQuery(raw: string): boolean {
  return raw.trim() === '';
}

/** A word or phrase as typed, before segmentation. */
interface RawItem {
  text: string;
  phrase: boolean;
  negated: boolean;
}

const OPEN_QUOTE: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };
const OR_WORDS = new Set(['OR', '|']);
const AND_WORDS = new Set(['AND', '&']);
const NOT_WORDS = new Set(['NOT']);

/**
 * Splits the typed text into words, phrases and OR marks. A lone `-` or an operator at the end is ignored,
 * as is an unclosed quote's quotation mark (the rest is the phrase).
 */
function tokenize(text: string): { items: (RawItem | 'or')[]; unsupported: Set<string> } {
  const items: (RawItem | 'or')[] = [];
  const unsupported = new Set<string>();
  let negateNext = false;
  let i = 0;
  const chars = Array.from(text);
  while (i < chars.length) {
    const ch = chars[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const negatedQuote = ch === '-' && chars[i + 1] !== undefined && Object.hasOwn(OPEN_QUOTE, chars[i + 1]!);
    const open = negatedQuote ? chars[i + 1]! : ch;
    if (Object.hasOwn(OPEN_QUOTE, open)) {
      const close = OPEN_QUOTE[open]!;
      let j = i + (negatedQuote ? 2 : 1);
      let phrase = '';
      while (j < chars.length && chars[j] !== close) phrase += chars[j++];
      items.push({ text: phrase, phrase: true, negated: negatedQuote || negateNext });
      negateNext = false;
      i = j + 1;
      continue;
    }
    let word = '';
    while (i < chars.length && !/\s/.test(chars[i]!) && !(word !== '' && Object.hasOwn(OPEN_QUOTE, chars[i]!))) {
      word += chars[i++];
    }
    if (OR_WORDS.has(word)) {
      items.push('or');
      continue;
    }
    if (AND_WORDS.has(word)) continue;
    if (NOT_WORDS.has(word)) {
      negateNext = true;
      continue;
    }
    let negated = negateNext;
    negateNext = false;
    if (word.startsWith('-')) {
      negated = true;
      word = word.slice(1);
    }
    if (/^NEAR[(/]/i.test(word)) {
      unsupported.add('NEAR(…)');
      word = word.slice(4);
    }
    if (/[\p{L}\p{N}]\*$/u.test(word)) unsupported.add('*');
    if (/^\^[\p{L}\p{N}]/u.test(word)) unsupported.add('^');
    if (word !== '') items.push({ text: word, phrase: false, negated });
  }
  return { items, unsupported };
}

function toPart(item: RawItem, segmenter: Segmenter): QueryPart | null {
  const normalized = normalizeForSearch(item.text).trim();
  const chunks = item.phrase
    ? [charTokens(normalized)].filter((c) => c.length > 0)
    : normalized
        .split(NON_WORD_RUN)
        .filter(Boolean)
        .map((c) => charTokens(c));
  if (chunks.length === 0) return null;
  const terms = item.phrase ? [] : [...new Set(segmentQuery(segmenter, normalized))];
  if (!item.phrase && terms.length === 0) return null;
  const alternatives = terms.map((t) => withoutSubsumed(t, aliasAlternatives(t, segmenter)));
  return { terms, alternatives, chunks, phrase: item.phrase };
}

/**
 * Drops the alias spellings that add no match: those holding every word of the term alone or of a shorter
 * spelling (商务 → 商务/和/投资/促进; 发展/和/改革 beside 发展/改革). Each would still cost bm25 a pass over
 * every row of each of its words (和 is in most rows).
 */
function withoutSubsumed(term: string, spellings: string[][]): string[][] {
  const kept: string[][] = [];
  const covers = (shorter: string[], words: string[]) => shorter.every((w) => words.includes(w));
  for (const words of [...spellings].sort((a, b) => a.length - b.length)) {
    if (!covers([term], words) && !kept.some((k) => covers(k, words))) kept.push(words);
  }
  return spellings.filter((words) => kept.includes(words));
}

/**
 * Reads the keyword text of a search.
 *
 * @example parseQuery('冷链 OR 物流 -进口', jieba).clauses.length // 1 (冷链 | 物流), excluded: 进口
 */
export function parseQuery(raw: string, segmenter: Segmenter): ParsedQuery {
  const length = Array.from(raw.trim()).length;
  if (length > MAX_QUERY_CHARS) throw new QueryTooLongError(length, MAX_QUERY_CHARS);
  const { items, unsupported } = tokenize(raw.normalize('NFKC'));
  const clauses: QueryPart[][] = [];
  const excluded: QueryPart[] = [];
  let joinNext = false;
  for (const item of items) {
    if (item === 'or') {
      joinNext = clauses.length > 0;
      continue;
    }
    const part = toPart(item, segmenter);
    if (!part) continue;
    if (item.negated) excluded.push(part);
    else if (joinNext) clauses[clauses.length - 1]!.push(part);
    else clauses.push([part]);
    joinNext = false;
  }
  const parts = clauses.flat();
  if (parts.length === 0) {
    throw excluded.length > 0
      ? new SearchInputError(
          'only_excluded',
          'The search only says what to leave out (-word). Add a word to look for, such as 冷链 -进口.',
        )
      : new SearchInputError(
          'no_terms',
          'The search has no words or numbers to look for. Try a key word such as 冷链 or 5G基站.',
        );
  }
  const allTerms = [...parts, ...excluded].reduce((n, p) => n + p.terms.length + (p.phrase ? 1 : 0), 0);
  if (allTerms > MAX_QUERY_TERMS) {
    throw new SearchInputError(
      'too_many_terms',
      `The search has more than ${MAX_QUERY_TERMS} words; please use a few key words.`,
    );
  }
  const termIndex = new Map<string, string[][]>();
  for (const p of parts) {
    p.terms.forEach((t, i) => {
      if (!termIndex.has(t)) termIndex.set(t, p.alternatives[i] ?? []);
    });
  }
  const chunks = parts.flatMap((p) => p.chunks);
  const letters = chunks.reduce((n, c) => n + c.length, 0);
  return {
    normalized: normalizeForSearch(raw).trim(),
    clauses,
    excluded,
    terms: [...termIndex.keys()],
    alternatives: [...termIndex.values()],
    chunks,
    short: letters <= SHORT_QUERY_CHARS && !parts.some((p) => p.phrase),
    unsupported: [...unsupported],
  };
}

/** An FTS5 string literal: the only way user text enters a MATCH expression. */
export function ftsString(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

const WORD_COLUMNS = '{title departments body}';

/** A chunk as an exact run of characters over the one-character column. */
const charPhrase = (chunk: string[]) => `chars : ${ftsString(chunk.join(' '))}`;

/**
 * Every term must appear as a word in the given columns. A term that names a department by an alias (人社,
 * 发改委) may instead match the department's full name in the departments column. A phrase is an exact run.
 */
function partWords(p: QueryPart, columns: string, aliases = true): string {
  if (p.phrase) return p.chunks.map(charPhrase).join(' AND ');
  return p.terms
    .map((t, i) => {
      const own = `${columns} : ${ftsString(t)}`;
      const alts = (aliases ? (p.alternatives[i] ?? []) : []).map(
        (words) => `departments : (${words.map(ftsString).join(' AND ')})`,
      );
      return alts.length === 0 ? own : `(${[own, ...alts].join(' OR ')})`;
    })
    .join(' AND ');
}

/** Every chunk of the part as an exact run of characters. */
function partChars(p: QueryPart): string {
  return p.chunks.map(charPhrase).join(' AND ');
}

/** Clauses ANDed, each an OR of its parts; then the exclusions (as words or as runs of characters) taken away. */
function compile(q: ParsedQuery, part: (p: QueryPart) => string): string {
  const all = q.clauses.map((c) => (c.length === 1 ? part(c[0]!) : `(${c.map((p) => `(${part(p)})`).join(' OR ')})`));
  const positive = all.join(' AND ');
  if (q.excluded.length === 0) return positive;
  const excluded = q.excluded.map((p) => `(${partWords(p, WORD_COLUMNS)}) OR (${partChars(p)})`).join(' OR ');
  return `(${positive}) NOT (${excluded})`;
}

/** Every term must appear as a word in the title, departments or body (see partWords). */
export function wordMatch(q: ParsedQuery): string {
  return compile(q, (p) => partWords(p, WORD_COLUMNS));
}

/**
 * wordMatch limited to the heading columns: every term in the title or the departments (aliases and operators
 * as in wordMatch). The first tier of a broad query (BROAD_QUERY_MATCHES).
 */
export function headingMatch(q: ParsedQuery): string {
  return compile(q, (p) => partWords(p, '{title departments}'));
}

/**
 * wordMatch limited to the title: every term in the measure's heading (no department aliases). The first tier
 * of a broad query, before headingMatch: 发展 and 建设 are in thousands of department names (发展改革委,
 * 住房城乡建设厅), so their heading tier is itself too broad to rank for one page.
 */
export function titleMatch(q: ParsedQuery): string {
  return compile(q, (p) => partWords(p, 'title', false));
}

/** Every chunk must appear as an exact run of characters (a phrase over the one-character column). */
export function charMatch(q: ParsedQuery): string {
  return compile(q, partChars);
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
  return [
    ...new Set([...q.chunks.map((c) => c.join('')), ...q.terms.filter((t) => Array.from(t).length >= 2), ...aliases]),
  ];
}
