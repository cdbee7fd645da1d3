import type { DocumentKind } from '../model.ts';
import { NON_WORD_RUN, normalizeForSearch } from './normalize.ts';
import { ftsString } from './query.ts';

/**
 * Facets: what the department, region and kind filters select, written into the index as tokens of its own
 * column, so that FTS5 intersects a query with a filter in its posting lists instead of SQL looking up every
 * match's tasks or document. A facet token is a whole value (one department name, one region path, one
 * document kind) made into a single unicode61 token: normalised, every character that is not part of a word
 * dropped (国家发展改革委（国家能源局） is one token, not two), behind a letter naming the facet, so a
 * department and a region of the same name never meet. The filters still choose their values in SQL (a
 * department filter is a substring of names: 商务 selects 市商务局 and 商务部); only the match per measure moves
 * into FTS5. A change to these tokens needs segment.ts's SEGMENTATION_RULES_VERSION bumped (indexes rebuild).
 */

/** The FTS column holding a measure's facet tokens (no keyword is ever matched against it). */
export const FACETS_COLUMN = 'facets';

/** At most this many values of one filter are matched as facet tokens; a filter selecting more is matched in SQL. */
export const MAX_FACET_VALUES = 200;

const NON_WORD_RUNS = new RegExp(NON_WORD_RUN.source, 'gu');

const PREFIX = { department: 'u', region: 'r', kind: 'k' } as const;
export type FacetName = keyof typeof PREFIX;

/**
 * The facet token of one value, or null when the value has no letters or digits (it is then never selected).
 *
 * @example facetToken('department', '国家发展改革委（国家能源局）') // 'u国家发展改革委国家能源局'
 */
export function facetToken(facet: FacetName, value: string): string | null {
  const body = normalizeForSearch(value).replace(NON_WORD_RUNS, '');
  return body === '' ? null : `${PREFIX[facet]}${body}`;
}

/** What one measure contributes to the facets column. */
export interface FacetSource {
  /** The names of its tasks' departments (repeats allowed). */
  departmentNames: string[];
  /** Its document's region path (江苏省/南京市), if any. */
  regionPath: string | null;
  documentKind: DocumentKind;
}

/** A measure's facets column: its facet tokens, space-separated, each once. */
export function facetsColumn(s: FacetSource): string {
  const tokens = [
    ...s.departmentNames.map((n) => facetToken('department', n)),
    s.regionPath === null ? null : facetToken('region', s.regionPath),
    facetToken('kind', s.documentKind),
  ];
  return [...new Set(tokens.filter((t): t is string => t !== null))].join(' ');
}

/**
 * Restricts a MATCH expression to measures carrying, for every group, at least one of its facet tokens (each
 * group is one filter: any of the department names it selected, ANDed with any of the region paths…).
 *
 * @example scopeMatch('"冷链"', [['u市商务局', 'u商务部']]) // '("冷链") AND facets : ("u市商务局" OR "u商务部")'
 */
export function scopeMatch(match: string, groups: string[][]): string {
  if (groups.length === 0) return match;
  const scope = groups.map((g) => `${FACETS_COLUMN} : (${g.map(ftsString).join(' OR ')})`).join(' AND ');
  return `(${match}) AND ${scope}`;
}
