import type { DocumentKind } from '../model.ts';
import type { Genre } from './kind.ts';

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
 * What a refusal's message says beyond its code, so a caller can say it in another language. Each field is set
 * only by the codes it belongs to.
 */
export interface ParseErrorParams {
  /** no_items: the genre the title names and the kind the text was read as. */
  genre?: Genre;
  kind?: DocumentKind;
  /** no_items: documents of this genre hold no measures, so the refusal is expected rather than a misreading. */
  expected?: boolean;
  /**
   * too_large: what is over the limit, the file's amount (when known) and the limit, in that unit (measures:
   * numbered items, a limit the bot sets for uploads).
   */
  unit?: 'bytes' | 'pages' | 'measures';
  size?: number;
  limit?: number;
  /** unsupported_format: the format recognised. */
  format?: 'wps' | 'ofd';
}

/**
 * A document the parser refuses. The message is written for the person who uploaded the file:
 * it names the file and says what to do, so callers can show it as-is.
 */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  /** The file's name, when the parser raised it (callers that refuse a file themselves may omit it). */
  readonly file: string | null;
  readonly params: ParseErrorParams;

  constructor(code: ParseErrorCode, message: string, file: string | null = null, params: ParseErrorParams = {}) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
    this.file = file;
    this.params = params;
  }
}
