import type { Locale } from '../lib/strings.ts';
import { consoleStrings } from './console/strings.ts';
import { digestStrings } from './digest/strings.ts';
import { documentStrings } from './documents/strings.ts';
import { followupStrings } from './followups/strings.ts';
import { commonStrings } from './kit/strings.ts';
import { searchStrings } from './search/strings.ts';
import { subscriptionStrings } from './subscriptions/strings.ts';

/**
 * All UI strings, merged from one table per feature. To add a feature's strings: create
 * `<feature>/strings.ts` with `defineStrings(zh, en)` and add it to `tables`; `Strings` follows.
 * Keys must be unique across tables (a test checks there are no collisions).
 */
export const tables = [
  commonStrings,
  searchStrings,
  consoleStrings,
  digestStrings,
  followupStrings,
  documentStrings,
  subscriptionStrings,
] as const;

/** `A | B` → `A & B`: every table's keys in one type. */
type Merged<U> = (U extends unknown ? (table: U) => void : never) extends (table: infer All) => void ? All : never;

export type Strings = Merged<(typeof tables)[number]['zh']>;

export type { Locale } from '../lib/strings.ts';

export function stringsFor(locale: Locale): Strings {
  return Object.assign({}, ...tables.map((t) => t[locale])) as Strings;
}
