import { type Examples, examplesFor } from '../../services/index-summary.ts';
import { type SlackDeps, todayOf } from '../deps.ts';
import type { Strings } from '../strings.ts';

export type { Examples } from '../../services/index-summary.ts';

/** The examples help and errors show: a real measure and document id from the index, a date ahead of today. */
export function examplesOf(deps: Pick<SlackDeps, 'db' | 'clock' | 'timeZone'>): Examples {
  return examplesFor(deps.db, todayOf(deps));
}

/**
 * Fills the example slots of a string: `{id}` a measure id, `{doc}` its document, `{date}` a date ahead. Strings
 * write these slots instead of made-up ids (`abcd-4` names nothing) or dates that have passed.
 *
 * @example withExamples('`show {id}`', { measureId: 'z8wv-4', documentId: 'z8wv', date: '2027-01-31' }, s) // '`show z8wv-4`'
 */
export function withExamples(text: string, ex: Examples, s: Pick<Strings, 'exampleIdPlaceholder'>): string {
  const id = ex.measureId ?? `<${s.exampleIdPlaceholder}>`;
  const doc = ex.documentId ?? `<${s.exampleIdPlaceholder}>`;
  return text.replace(/\{(id|doc|date)\}/g, (_, slot: string) => (slot === 'id' ? id : slot === 'doc' ? doc : ex.date));
}
