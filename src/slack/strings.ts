import type { Locale } from '../lib/strings.ts';
import { commonStrings } from './kit/strings.ts';
import { searchStrings } from './search/strings.ts';
import { consoleStrings } from './console/strings.ts';
import { digestStrings } from './digest/strings.ts';
import { followupStrings } from './followups/strings.ts';
import { escalationStrings } from './followups/escalation-strings.ts';
import { subscriptionStrings } from './subscriptions/strings.ts';

/**
 * All UI strings, merged from one table per feature. To add a feature's strings: create
 * `strings/<feature>.ts` with `defineStrings(zh, en)` and add it to `tables` and to `Strings` below.
 * Keys must be unique across tables (a test checks there are no collisions).
 */
export const tables = [commonStrings, searchStrings, consoleStrings, digestStrings, followupStrings, escalationStrings, subscriptionStrings] as const;

export type Strings = typeof commonStrings.zh & typeof searchStrings.zh & typeof consoleStrings.zh & typeof digestStrings.zh & typeof followupStrings.zh &
  typeof escalationStrings.zh & typeof subscriptionStrings.zh;

export type { Locale } from '../lib/strings.ts';

export function stringsFor(locale: Locale): Strings {
  return Object.assign({}, ...tables.map((t) => t[locale])) as Strings;
}
