import type { Locale } from './types.ts';
import { commonStrings } from './common.ts';
import { searchStrings } from './search.ts';
import { consoleStrings } from './console.ts';
import { digestStrings } from './digest.ts';
import { followupStrings } from './followups.ts';

/**
 * All UI strings, merged from one table per feature. To add a feature's strings: create
 * `strings/<feature>.ts` with `defineStrings(zh, en)` and add it to `tables` and to `Strings` below.
 * Keys must be unique across tables (a test checks there are no collisions).
 */
export const tables = [commonStrings, searchStrings, consoleStrings, digestStrings, followupStrings] as const;

export type Strings = typeof commonStrings.zh & typeof searchStrings.zh & typeof consoleStrings.zh & typeof digestStrings.zh & typeof followupStrings.zh;

export type { Locale } from './types.ts';

export function stringsFor(locale: Locale): Strings {
  return Object.assign({}, ...tables.map((t) => t[locale])) as Strings;
}
