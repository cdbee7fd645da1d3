import { normalizeQueryText, QUERY_SPACE } from '../../core/search/query-text.ts';

/**
 * Splits `/measures` text into a subcommand and its arguments. Pure: the registry passes the names it knows.
 * Anything that does not start with a known subcommand is a search (so `/measures 冷链` just works).
 */
export type Route =
  | { kind: 'help' }
  | { kind: 'subcommand'; name: string; args: string }
  | { kind: 'search'; text: string };

export function routeCommand(text: string, names: ReadonlyMap<string, string>): Route {
  const t = normalizeQueryText(text);
  if (t === '') return { kind: 'help' };
  const [first = '', ...rest] = t.split(QUERY_SPACE);
  const name = names.get(first.toLowerCase());
  if (name === undefined) return { kind: 'search', text: t };
  if (name === 'help') return { kind: 'help' };
  return { kind: 'subcommand', name, args: rest.join(' ') };
}
