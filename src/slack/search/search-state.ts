import { z } from 'zod';
import { parseDeptSearch, parseDueSearch, parseSearchText, type SearchParse } from '../../core/search/query-text.ts';
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

/** Turns a request into keywords + filters, as the query language reads each subcommand's text. */
export function toSearch(r: SearchState, today: string): SearchParse {
  if (r.source === 'search') return parseSearchText(r.args, today);
  if (r.source === 'dept') return parseDeptSearch(r.args, today);
  return parseDueSearch(r.args, today);
}
