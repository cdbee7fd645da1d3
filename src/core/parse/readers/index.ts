/**
 * The reader seam: bytes + file name → text with structure hints. A format is one reader file plus one line in
 * READERS; the first reader that accepts a file reads it, so signature-based readers come before the text
 * reader, which takes whatever is left and refuses binary data it does not know.
 */
import { ParseError } from '../errors.ts';
import { docReader } from './doc.ts';
import { docxReader } from './docx.ts';
import { pdfReader } from './pdf.ts';
import { ofdReader, wpsReader } from './refused.ts';
import { readText } from './text.ts';
import type { DocumentReader, ReadResult } from './types.ts';

export type { DocumentFormat, ReadHints, ReadResult } from './types.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const READERS: DocumentReader[] = [
  wpsReader,
  ofdReader,
  docxReader,
  pdfReader,
  docReader,
  { accepts: () => true, read: readText },
];

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Refuses oversized input before looking at the content (a 20 MB upload must fail fast). */
export function checkSize(file: string, bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (bytes.length > maxBytes) {
    throw new ParseError(
      'too_large',
      `${file} is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit. Split it into smaller documents or add only the policy text.`,
      file,
    );
  }
}

export interface ReadOptions {
  /** Refuse files larger than this many bytes (default 5 MB), before reading. */
  maxBytes?: number;
}

/**
 * Reads any supported document. Throws ParseError (too_large, empty, binary, encoding, no_text_layer,
 * unsupported_format, unreadable) with a message for the uploader.
 * @example
 *   const read = await readDocument({ file: 'plan.docx', bytes });
 *   const doc = parseText({ file: 'plan.docx', text: read.text, format: read.format });
 */
export async function readDocument(
  source: { file: string; bytes: Uint8Array },
  opts: ReadOptions = {},
): Promise<ReadResult> {
  const { file, bytes } = source;
  checkSize(file, bytes, opts.maxBytes);
  let reader = READERS[READERS.length - 1]!;
  for (const r of READERS) {
    if (await r.accepts(file, bytes)) {
      reader = r;
      break;
    }
  }
  const result = await reader.read(file, bytes);
  if (result.text.trim() === '') {
    throw new ParseError(
      'empty',
      `${file} contains no text. Check that it is the policy document itself and add it again.`,
      file,
    );
  }
  return result;
}
