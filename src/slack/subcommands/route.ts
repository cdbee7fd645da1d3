import { ID_PATTERN } from '../../core/ids.ts';
import { normalizeQueryText, QUERY_SPACE } from '../../core/search/query-text.ts';
import { editDistance } from '../../lib/edit-distance.ts';

/**
 * Splits `/measures` text into a subcommand and its arguments. Pure: the registry passes the names it knows.
 * Anything that does not start with a known subcommand is a search (so `/measures 冷链` just works), except
 * a bare item id (shown) and a first word one typo away from a subcommand (answered with "did you mean").
 */
export type Route =
  | { kind: 'help' }
  | { kind: 'subcommand'; name: string; args: string }
  | { kind: 'search'; text: string }
  /** The first word is one edit away from a subcommand's (`shwo`, `follwups`, `assing`). */
  | { kind: 'typo'; word: string; suggestion: string; text: string };

/** Words this short (and subcommand words this short: `due`, `fu`) are too often other words to be taken for typos. */
const MIN_TYPO_CHARS = 4;

/** The subcommand (its name) with a word one edit away from `word`, if exactly one has such a word. */
export function closestSubcommand(word: string, names: ReadonlyMap<string, string>): string | undefined {
  if (!/^[a-z]+$/.test(word) || word.length < MIN_TYPO_CHARS) return undefined;
  const near = new Set<string>();
  for (const [n, name] of names) {
    if (/^[a-z]+$/.test(n) && n.length >= MIN_TYPO_CHARS && editDistance(word, n) === 1) near.add(name);
  }
  return near.size === 1 ? [...near][0] : undefined;
}

/** A measure, task or target id on its own (`z8wv-4`, `a4bd-q2`, `z8wv-4.1.t1`): shown, not searched. */
const ITEM_ID = /^[a-z2-9]{4,12}-[qp]?\d+/;

export function routeCommand(text: string, names: ReadonlyMap<string, string>): Route {
  const t = normalizeQueryText(text);
  if (t === '') return { kind: 'help' };
  const [first = '', ...rest] = t.split(QUERY_SPACE);
  const word = first.toLowerCase();
  const name = names.get(word);
  if (name === undefined) {
    if (rest.length === 0 && names.has('show') && ITEM_ID.test(word) && ID_PATTERN.test(word))
      return { kind: 'subcommand', name: 'show', args: word };
    const suggestion = closestSubcommand(word, names);
    return suggestion ? { kind: 'typo', word: first, suggestion, text: t } : { kind: 'search', text: t };
  }
  if (name === 'help') return { kind: 'help' };
  return { kind: 'subcommand', name, args: rest.join(' ') };
}
