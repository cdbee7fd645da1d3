import type { ParsedDocument } from '../../../src/core/model.ts';
import { toPlainText } from '../../../src/core/parse/markup.ts';
import { decodeText } from '../../../src/core/parse/readers/text.ts';
import { MAX_QUOTE_CHARS } from '../../../src/core/parse/targets.ts';

/**
 * What every parse result must satisfy whatever the input, as named checks: the generated-input test and the
 * hostile-input tests assert that none is violated. Written from what users and the index rely on, not from
 * the parser's code: stored dates are real calendar dates in 1949–2100, quotes are short, labels and titles
 * are text the document contains, and the output grows at most linearly with the input.
 */

export type Property =
  | 'date' // every target's due and period start is YYYY-MM-DD, a real day, year 1949–2100
  | 'document-date' // so are the document's dates (published, effective, expiry)
  | 'quote' // every target quote is non-empty, at most MAX_QUOTE_CHARS, and part of its task or bracket
  | 'as-written' // labels, titles, sections and department names are text of the document (markup removed)
  | 'non-empty' // no measure has an empty text or label
  | 'ordinal' // ordinals are positive integers; 0 only for a document-level goal section (label = title)
  | 'excerpt' // note excerpts are at most NOTE_EXCERPT_CHARS
  | 'message' // note messages are at most NOTE_MESSAGE_CHARS
  | 'linear'; // the result's text is at most OUTPUT_CHARS_PER_BYTE × input bytes (+ slack), notes ≤ input bytes

export interface Violation {
  property: Property;
  detail: string;
}

export const NOTE_EXCERPT_CHARS = 120;
/** A note's message is one sentence around its excerpt. */
export const NOTE_MESSAGE_CHARS = 400;
/** Years a due date may have (before the People's Republic or after 2100 it is a typo or a code). */
export const FIRST_YEAR = 1949;
export const LAST_YEAR = 2100;
/**
 * Output bound: every input byte may appear in a few places of the result (the measure text, its task, the
 * task's bracket, a target quote, a title), and each short fixed string per measure (section heading, label) is
 * small against the measure's own text. A result past this is duplicating text per measure or per target.
 * Note messages are fixed sentences (bounded each, and counted by number of notes instead).
 */
export const OUTPUT_CHARS_PER_BYTE = 8;
/** Fixed text of a tiny document (note messages, the kind note) that does not scale with the input. */
export const OUTPUT_SLACK_CHARS = 4000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Total length of every string in a value (keys excluded), except those under the keys in `skip`. */
export function stringChars(value: unknown, skip: ReadonlySet<string> = new Set()): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + stringChars(v, skip), 0);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).reduce((n: number, [k, v]) => n + (skip.has(k) ? 0 : stringChars(v, skip)), 0);
  }
  return 0;
}

const squeeze = (s: string): string => s.replace(/\s+/g, '');
const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 80)}…(${s.length})` : s);

/**
 * The document's text as the parser reads it, whitespace removed (paragraphs are re-joined across broken
 * lines, so whitespace is not compared).
 */
function plainTextOf(file: string, bytes: Uint8Array): string {
  return squeeze(toPlainText(file, decodeText(file, bytes)).text);
}

/** Finds `needle` in `hay` from `from` on, else anywhere; -1 when absent. Keeps in-order lookups linear. */
function findFrom(hay: string, needle: string, from: number): number {
  const i = hay.indexOf(needle, from);
  return i >= 0 ? i : hay.indexOf(needle);
}

export function violations(doc: ParsedDocument, file: string, bytes: Uint8Array): Violation[] {
  const out: Violation[] = [];
  // One example of each kind is enough to locate a fault; thousands would swamp the report (and the search).
  const full = (property: Property): boolean => out.filter((v) => v.property === property).length >= 3;
  const add = (property: Property, detail: string): void => {
    if (!full(property)) out.push({ property, detail });
  };
  const checkDate = (what: string, value: string | null, property: Property = 'date'): void => {
    if (value !== null && !isRealDate(value)) add(property, `${what} ${value}`);
  };
  checkDate('publishedOn', doc.publishedOn, 'document-date');
  checkDate('effectiveOn', doc.effectiveOn, 'document-date');
  checkDate('expiresOn', doc.expiresOn, 'document-date');

  const plain = plainTextOf(file, bytes);
  const seen = new Set<string>();
  const asWritten = (what: string, s: string, from: number): number => {
    const t = squeeze(s.endsWith('…') ? s.slice(0, -1) : s);
    if (t === '' || seen.has(t) || full('as-written')) return from;
    const at = findFrom(plain, t, from);
    if (at < 0) add('as-written', `${what} “${clip(s)}”`);
    else seen.add(t);
    return at < 0 ? from : at;
  };

  let cursor = 0;
  for (const m of doc.measures) {
    if (m.text.trim() === '') add('non-empty', `text of ${m.label}`);
    if (m.label.trim() === '') add('non-empty', `label of a measure: “${clip(m.title)}”`);
    const goalSection = m.ordinal === 0 && m.kind === 'measure' && m.label === m.title;
    if (!Number.isInteger(m.ordinal) || (m.ordinal < 1 && !goalSection)) add('ordinal', `${m.label} → ${m.ordinal}`);
    // Answers are labelled 问1, 问2… by the parser; every other label is sliced from the document.
    if (m.kind !== 'answer') cursor = asWritten('label', m.label, cursor);
    asWritten(`title of ${m.label}`, m.title, cursor);
    if (m.section !== null) asWritten(`section of ${m.label}`, m.section, 0);
    for (const t of m.tasks) {
      // A document rule (具体任务均涉及X，不再做分工，下同) adds X to later brackets: anywhere in the document.
      for (const d of t.departments) asWritten(`department of ${m.label}`, d.name, 0);
      for (const g of t.targets) {
        checkDate(`due of “${clip(g.text)}”`, g.due);
        checkDate(`period start of “${clip(g.text)}”`, g.periodStart);
        if (g.text.length === 0 || g.text.length > MAX_QUOTE_CHARS)
          add('quote', `${g.text.length} characters: “${clip(g.text)}”`);
        else if (!t.text.includes(g.text) && !(t.responsibility ?? '').includes(g.text)) {
          add('quote', `“${clip(g.text)}” is not in its task`);
        }
      }
    }
  }
  for (const n of doc.notes) {
    if (n.excerpt !== null && n.excerpt.length > NOTE_EXCERPT_CHARS) add('excerpt', `${n.kind}: ${n.excerpt.length}`);
    if (n.message.length > NOTE_MESSAGE_CHARS)
      add('message', `${n.kind}: ${n.message.length} characters: “${clip(n.message)}”`);
  }
  const chars = stringChars(doc, new Set(['message']));
  const bound = OUTPUT_CHARS_PER_BYTE * bytes.length + OUTPUT_SLACK_CHARS;
  if (chars > bound) add('linear', `${chars} characters of output for ${bytes.length} bytes`);
  if (doc.notes.length > Math.max(10, bytes.length))
    add('linear', `${doc.notes.length} notes for ${bytes.length} bytes`);
  return out;
}
