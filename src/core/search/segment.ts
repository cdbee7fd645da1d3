import type { ParsedMeasure } from '../model.ts';
import { NON_WORD_RUN, normalizeForSearch, WORD_CHAR } from './normalize.ts';
import type { Segmenter } from './segmenter.ts';

/**
 * Words for the search index, from a Segmenter (jieba in production). Index time emits every word a reader
 * might search for (`cutForIndex`: search mode plus full mode, so that 市场监管 is found inside 市场监管局 even
 * where the best path reads 市场/监管局); query time uses the precise `cut`. Terms are then ANDed, so over-generating at
 * index time only raises recall.
 *
 * Runs of ASCII letters and digits never reach the segmenter: jieba's dictionary path splits 2022 into 2/0/2/2
 * and 5G into 5/G. They are cut out first and kept whole, so 5G基站 is the two terms 5g + 基站 on both sides.
 */

/**
 * Bump when the way text (here) or facets (facets.ts) are turned into index tokens changes, so existing indexes
 * are rebuilt.
 */
export const SEGMENTATION_RULES_VERSION = '7';

/** Identifies the rules and the segmenter's dictionaries; stored with the index to know when to rebuild it. */
export function indexFingerprint(segmenter: Segmenter): string {
  return `rules-${SEGMENTATION_RULES_VERSION}:${segmenter.fingerprint()}`;
}

const ASCII_RUN = /[a-z0-9]+/g;
const NON_WORD_RUNS = new RegExp(NON_WORD_RUN.source, 'gu');
const WORD_CHARS = new RegExp(WORD_CHAR.source, 'gu');

/** Drops punctuation tokens and splits tokens the way unicode61 would, so every token is one FTS token. */
function clean(tokens: string[], into: string[]): void {
  for (const t of tokens) {
    for (const part of t.split(NON_WORD_RUN)) if (part) into.push(part);
  }
}

/** Index-time tokens of raw text (normalised here). A bag of words: order does not matter. */
export function segmentForIndex(segmenter: Segmenter, text: string): string[] {
  const joined = indexTokens(segmenter, normalizeForSearch(text));
  return joined ? joined.split(' ') : [];
}

/** segmentForIndex of normalised text as one space-separated string (the form an FTS column stores). */
function indexTokens(segmenter: Segmenter, normalized: string): string {
  const { ascii, rest } = splitForSegmenter(normalized);
  return rest === null ? ascii.join(' ') : joinIndexTokens(ascii, segmenter.cutForIndex(rest));
}

/**
 * Index columns have no phrases over them, so ASCII runs go first and the rest goes to the segmenter in one
 * call (native calls and the strings they return dominate indexing time). `rest` is null when no letter is left.
 */
function splitForSegmenter(normalized: string): { ascii: string[]; rest: string | null } {
  const ascii = normalized.match(ASCII_RUN) ?? [];
  const rest = normalized.replace(ASCII_RUN, ' ');
  return { ascii, rest: WORD_CHAR.test(rest) ? rest : null };
}

/** The ASCII runs and the segmenter's words as one column; punctuation is dropped in one pass, not word by word. */
function joinIndexTokens(ascii: string[], words: string): string {
  return wordsOnly(ascii.length > 0 ? `${ascii.join(' ')} ${words}` : words);
}

/** What one measure gives the index: its text, heading, section heading and departments. */
export interface IndexSource {
  title: string;
  text: string;
  section: string | null;
  /** The departments of its tasks, joined (any separator). */
  departments: string;
}

/**
 * A parsed measure's IndexSource: its departments are every task's named departments, then the brackets as
 * written (the order repo/search-index-repo's readIndexSources reads them back in).
 */
export function indexSourceOf(measure: ParsedMeasure): IndexSource {
  const departments = [
    ...measure.tasks.flatMap((t) => t.departments.map((d) => d.name)),
    ...measure.tasks.flatMap((t) => (t.responsibility === null ? [] : [t.responsibility])),
  ].join('、');
  return { title: measure.title, text: measure.text, section: measure.section, departments };
}

/** The FTS columns of one measure: space-separated tokens, ready to insert. */
export interface IndexColumns {
  title: string;
  departments: string;
  body: string;
  chars: string;
}

/** A measure's index columns from its source (indexColumnsWith). */
export type IndexColumnsOf = (r: IndexSource) => IndexColumns;

/** Bounds the segmentation memo of one indexColumnsWith (a few MB at most). */
const MEMO_ENTRIES = 5_000;

/**
 * A function from a measure to its index columns, segmenting each distinct piece of text once: section
 * headings and department lists repeat across a document's measures, and provinces copy national wording.
 * Segmenting the text and the section apart gives the same tokens as segmenting them joined by a line break
 * (jieba never forms a word across one). Make one per indexing run (the ingest makes one per document).
 */
export function indexColumnsWith(segmenter: Segmenter, memoEntries = MEMO_ENTRIES): IndexColumnsOf {
  return columnsFrom(segmenter, new Map(), memoEntries);
}

/**
 * indexColumnsWith for these measures, with every piece of their text already cut when the promise settles:
 * off the main thread where the segmenter can (cutForIndexBatch), in one batch. The ingest asks for the next
 * document's columns while it parses or writes the one before. A measure not among `sources` is still served,
 * cut when it is asked for.
 *
 * @example const columns = await indexColumnsAhead(segmenter, doc.measures.map(indexSourceOf)); columns(source)
 */
export async function indexColumnsAhead(segmenter: Segmenter, sources: IndexSource[]): Promise<IndexColumnsOf> {
  const pieces = new Set<string>();
  for (const r of sources) {
    pieces.add(r.title);
    pieces.add(r.text);
    if (r.section) pieces.add(r.section);
    if (r.departments) pieces.add(r.departments);
  }
  const memo = new Map<string, string>();
  const pending: { raw: string; ascii: string[]; rest: string }[] = [];
  for (const raw of pieces) {
    const { ascii, rest } = splitForSegmenter(normalizeForSearch(raw));
    if (rest === null) memo.set(raw, ascii.join(' '));
    else pending.push({ raw, ascii, rest });
  }
  const rests = pending.map((p) => p.rest);
  const words =
    rests.length === 0
      ? []
      : segmenter.cutForIndexBatch
        ? await segmenter.cutForIndexBatch(rests)
        : rests.map((t) => segmenter.cutForIndex(t));
  if (words.length !== rests.length) throw new Error(`the segmenter cut ${words.length} of ${rests.length} texts`);
  for (const [i, p] of pending.entries()) memo.set(p.raw, joinIndexTokens(p.ascii, words[i]!));
  return columnsFrom(segmenter, memo, Number.POSITIVE_INFINITY);
}

function columnsFrom(segmenter: Segmenter, memo: Map<string, string>, memoEntries: number): IndexColumnsOf {
  const tokens = (raw: string): string => {
    let t = memo.get(raw);
    if (t === undefined) {
      t = indexTokens(segmenter, normalizeForSearch(raw));
      if (memo.size < memoEntries) memo.set(raw, t);
    }
    return t;
  };
  return (r) => {
    const body = r.section ? `${tokens(r.text)} ${tokens(r.section)}`.trim() : tokens(r.text);
    const raw = r.section ? `${r.title}\n${r.text}\n${r.section}` : `${r.title}\n${r.text}`;
    return {
      title: tokens(r.title),
      departments: r.departments ? tokens(r.departments) : '',
      body,
      chars: charColumn(normalizeForSearch(raw)),
    };
  };
}

/** Query-time tokens of already-normalised query text, in order, duplicates kept. */
export function segmentQuery(segmenter: Segmenter, normalized: string): string[] {
  const out: string[] = [];
  // In order: ASCII runs where they stand, the stretches between them cut by the segmenter.
  let last = 0;
  const between = (to: number) => {
    const piece = normalized.slice(last, to);
    if (WORD_CHAR.test(piece)) clean(segmenter.cut(piece), out);
  };
  for (const m of normalized.matchAll(ASCII_RUN)) {
    between(m.index);
    out.push(m[0]);
    last = m.index + m[0].length;
  }
  between(normalized.length);
  return out;
}

/** One token per letter or digit, for the exact-substring (phrase) column. */
export function charTokens(normalized: string): string[] {
  return normalized.match(WORD_CHARS) ?? [];
}

/** Whether each UTF-16 unit is a WORD_CHAR, filled on first sight: 0 not yet, 1 yes, 2 no. */
const wordUnit = new Uint8Array(0x10000);
let charBuffer = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const SPACE = 0x20;

/** Whether the UTF-16 unit `code` (not a surrogate) is a WORD_CHAR, through the wordUnit table. */
function isWordUnit(code: number, char: string): boolean {
  let word = wordUnit[code]!;
  if (word === 0) {
    word = WORD_CHAR.test(char) ? 1 : 2;
    wordUnit[code] = word;
  }
  return word === 1;
}

function charBufferFor(units: number): Uint16Array {
  if (charBuffer.length < units) charBuffer = new Uint16Array(Math.max(units, 2 * charBuffer.length));
  return charBuffer;
}

/**
 * Text with every run of non-word characters made one space and none at either end: the segmenter's output
 * as an FTS column. One pass over a table; a regex replace of the same runs costs about six times more, and
 * the column holds every word of every measure.
 *
 * @example wordsOnly('冷链 ， 物流  ') // '冷链 物流'
 */
export function wordsOnly(text: string): string {
  const n = text.length;
  const buffer = charBufferFor(n);
  let out = 0;
  let gap = false;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    // A character outside the BMP is two units that only together say whether it is a letter.
    if (code >= 0xd800 && code <= 0xdfff) return text.replace(NON_WORD_RUNS, ' ').trim();
    if (isWordUnit(code, text[i]!)) {
      if (gap && out > 0) buffer[out++] = SPACE;
      gap = false;
      buffer[out++] = code;
    } else gap = true;
  }
  return UTF16.decode(buffer.subarray(0, out));
}

/**
 * charTokens joined by spaces (the chars column as stored), in one pass over a table instead of a regex match
 * and an array of one-character strings: the column holds every character of every measure.
 *
 * @example charColumn('冷链,5g') // '冷 链 5 g'
 */
export function charColumn(normalized: string): string {
  const n = normalized.length;
  const buffer = charBufferFor(2 * n);
  let out = 0;
  for (let i = 0; i < n; i++) {
    const code = normalized.charCodeAt(i);
    // A character outside the BMP is two units that only together say whether it is a letter.
    if (code >= 0xd800 && code <= 0xdfff) return charTokens(normalized).join(' ');
    if (isWordUnit(code, normalized[i]!)) {
      if (out > 0) buffer[out++] = SPACE;
      buffer[out++] = code;
    }
  }
  return UTF16.decode(buffer.subarray(0, out));
}
