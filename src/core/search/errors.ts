/**
 * Problems with what a person asked for, as opposed to failures of the index. Each carries a stable code the
 * Slack layer localises, and a friendly English message the CLI prints as is.
 */

export type SearchInputErrorCode =
  | 'too_long'
  | 'empty'
  | 'no_terms'
  | 'only_excluded'
  | 'too_many_terms'
  | 'bad_date'
  | 'bad_kind'
  | 'bad_limit'
  | 'bad_filter';

export class SearchInputError extends Error {
  override name = 'SearchInputError';
  constructor(
    readonly code: SearchInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export class QueryTooLongError extends SearchInputError {
  override name = 'QueryTooLongError';
  constructor(
    readonly length: number,
    readonly maxChars: number,
  ) {
    super(
      'too_long',
      `The search is ${length} characters long; please keep it to ${maxChars} characters (a few key words work best).`,
    );
  }
}
