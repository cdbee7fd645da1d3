import { z } from 'zod';
import { parseDue, parseSearchText, QUERY_SPACE, type SearchParse } from '../../core/search/query-text.ts';
import { MAX_COMMAND_TEXT } from '../kit/limits.ts';

/**
 * A search as the user asked for it, small enough to ride in a button value (≤ 2000 chars): which subcommand
 * (keywords, dept, due), its argument text and the page offset. "More" and "Share" re-run it, so a button never
 * carries results or trusted data — the value is re-parsed and re-validated like typed input.
 */
export const searchStateSchema = z.object({
  source: z.enum(['search', 'dept', 'due']),
  args: z.string().max(MAX_COMMAND_TEXT),
  offset: z.number().int().min(0).max(10_000),
});

export type SearchState = z.infer<typeof searchStateSchema>;

export function encodeSearchState(r: SearchState): string {
  return JSON.stringify(r);
}

export function decodeSearchState(value: string | undefined): SearchState | undefined {
  if (!value) return undefined;
  try {
    const parsed = searchStateSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Turns a request into keywords + filters. `dept X` and `due X` are searches with one filter and no keywords. */
export function toSearch(r: SearchState, today: string): SearchParse {
  if (r.source === 'search') return parseSearchText(r.args, today);
  if (r.source === 'dept') {
    // `dept 商务局 冷链`: the first word is the department, the rest are keywords or filters.
    const [dept = '', ...rest] = r.args.trim().split(QUERY_SPACE);
    const more = parseSearchText(rest.join(' '), today);
    if (!more.ok) return more;
    more.search.filters.department = dept;
    more.search.chips.unshift(['department', dept]);
    return more;
  }
  // `due overdue 部门:商务 冷链`: the window is the first word or two (`next 90d` has a space), the rest are
  // keywords or filters, as after `dept`; the window replaces any due filter among them.
  const words = r.args.trim().split(QUERY_SPACE);
  for (const n of [2, 1]) {
    const due = words.length >= n ? parseDue(words.slice(0, n).join(' '), today) : undefined;
    if (!due) continue;
    // `due 2023 6月`: a date written with a space is a mistyped window, not a window and a keyword.
    if (words[n] !== undefined && parseDue(words[n]!, today)) return { ok: false, problem: 'bad_due', value: r.args };
    const more = parseSearchText(words.slice(n).join(' '), today);
    if (!more.ok) return more;
    const { dueFrom: _from, dueTo: _to, ...filters } = more.search.filters;
    more.search.filters = {
      ...filters,
      ...(due.dueFrom ? { dueFrom: due.dueFrom } : {}),
      ...(due.dueTo ? { dueTo: due.dueTo } : {}),
    };
    more.search.chips = [['due', due.label], ...more.search.chips.filter(([name]) => name !== 'due')];
    return more;
  }
  return { ok: false, problem: 'bad_due', value: r.args };
}
