import { isBusyError } from '../../db/busy-retry.ts';
import { storageProblem } from '../../db/errors.ts';
import type { Strings } from '../strings.ts';

/**
 * What a person is told when their request failed unexpectedly: that the index cannot be written (full disk,
 * read-only or damaged database: nothing was saved, an admin must act), that it is busy (another process kept it
 * locked past the write's retry budget: try again), or a short apology for anything else.
 */
export function failureText(
  err: unknown,
  strings: Pick<Strings, 'genericError' | 'storageError' | 'busyError'>,
): string {
  if (isBusyError(err)) return strings.busyError;
  const problem = storageProblem(err);
  return problem ? strings.storageError[problem] : strings.genericError;
}
