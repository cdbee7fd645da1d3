/** Why a file could not be turned into measures. Each code maps to one thing the uploader can fix. */
export type ParseErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'too_large'
  | 'no_items'
  /** A PDF whose pages are images (a scan): there is no text to read without OCR. */
  | 'no_text_layer'
  /** A format recognised but not read (WPS, OFD): the message names it and says what to save as instead. */
  | 'unsupported_format'
  /** A Word or PDF file that is damaged, password-protected or not what its name says. */
  | 'unreadable';

/**
 * A document the parser refuses. The message is written for the person who uploaded the file:
 * it names the file and says what to do, so callers can show it as-is.
 */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  /** The file's name, when the parser raised it (callers that refuse a file themselves may omit it). */
  readonly file: string | null;

  constructor(code: ParseErrorCode, message: string, file: string | null = null) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
    this.file = file;
  }
}
