/**
 * A parser refusal as data (its code and parameters), for callers that say it in the user's language. The
 * readers' refusals name the file in their message only; what they leave out is recovered here from the file
 * itself, by the same rules the readers apply.
 */
import type { SourceFile } from '../model.ts';
import type { ParseError, ParseErrorCode, ParseErrorParams } from './errors.ts';
import { DEFAULT_MAX_BYTES } from './readers/index.ts';
import { MAX_PDF_PAGES } from './readers/pdf.ts';
import { wpsReader } from './readers/refused.ts';

export interface Refusal {
  code: ParseErrorCode;
  params: ParseErrorParams;
}

/**
 * The code and parameters of a refusal of `source`, read with `maxBytes`.
 * @example refusalOf(err, { file: 'a.wps', bytes }) // → { code: 'unsupported_format', params: { format: 'wps' } }
 */
export function refusalOf(err: ParseError, source: SourceFile, maxBytes: number = DEFAULT_MAX_BYTES): Refusal {
  const params = { ...err.params };
  if (err.code === 'too_large' && params.unit === undefined) {
    // The reader checks the size first; a file within it was refused for its page count.
    const over: ParseErrorParams =
      source.bytes.length > maxBytes
        ? { unit: 'bytes', size: source.bytes.length, limit: maxBytes }
        : { unit: 'pages', limit: MAX_PDF_PAGES };
    Object.assign(params, over);
  }
  if (err.code === 'unsupported_format' && params.format === undefined) {
    params.format = wpsReader.accepts(source.file, source.bytes) ? 'wps' : 'ofd';
  }
  return { code: err.code, params };
}
