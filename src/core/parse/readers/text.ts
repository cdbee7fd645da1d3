/**
 * The text reader: plain text, HTML and Markdown bytes → text (markup.ts turns markup into lines later).
 * Decodes UTF-8 (BOM stripped), UTF-16 with a BOM, and GB18030 (a superset of GBK/GB2312, still common for
 * files saved on Chinese Windows). Formats with their own reader never reach it through readDocument; the
 * signatures below catch the rest (images, RTF) and binary formats handed to the synchronous parseDocument.
 */
import { ParseError } from '../errors.ts';
import { OLE_MAGIC, PDF_MAGIC, startsWith, ZIP_MAGIC } from './signatures.ts';
import { type DocumentFormat, NO_HINTS, type ReadResult } from './types.ts';

/** File signatures of binary formats; named in the error message. */
const SIGNATURES: Array<{ bytes: number[]; name: string }> = [
  { bytes: PDF_MAGIC, name: 'a PDF' },
  { bytes: ZIP_MAGIC, name: 'a Word/ZIP archive (.docx/.zip)' },
  { bytes: OLE_MAGIC, name: 'an old Word/WPS document (.doc/.wps)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

/** Share of Han characters (and CJK punctuation) among the non-ASCII characters of a decoded text. */
function hanShare(text: string): number {
  let nonAscii = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0x201c ||
      c === 0x201d
    )
      han++;
  }
  return nonAscii === 0 ? 1 : han / nonAscii;
}

function binaryError(file: string, what: string): ParseError {
  return new ParseError(
    'binary',
    `${file} is not a document the parser can read (it looks like ${what}). Add the policy as Word (.docx or .doc), as a PDF with selectable text, or as plain text (.txt), HTML or Markdown.`,
    file,
  );
}

/** Which markup the text is in, by extension (markup.ts also detects HTML by content). */
export function textFormatOf(file: string): DocumentFormat {
  if (/\.x?html?$/i.test(file)) return 'html';
  if (/\.(md|markdown)$/i.test(file)) return 'markdown';
  return 'text';
}

/** The text reader of the registry. */
export function readText(file: string, bytes: Uint8Array): ReadResult {
  return { text: decodeText(file, bytes), format: textFormatOf(file), hints: NO_HINTS };
}

/** Bytes → text: sniffs binary formats, then tries UTF-8, UTF-16 with a BOM, and GB18030. */
export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw emptyError(file);
  for (const sig of SIGNATURES) if (startsWith(bytes, sig.bytes)) throw binaryError(file, sig.name);

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return checkText(file, new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(2)));
    } catch (e) {
      if (e instanceof ParseError) throw e;
      throw encodingError(file);
    }
  }
  if (bytes.includes(0)) throw binaryError(file, 'binary data (it contains NUL bytes)');
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
  }
  if (control > sample.length * 0.05) throw binaryError(file, 'binary data (many control characters)');

  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) body = bytes.subarray(3);
  try {
    return checkText(file, new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch (e) {
    if (e instanceof ParseError) throw e;
  }
  let gb: string;
  try {
    gb = new TextDecoder('gb18030', { fatal: true }).decode(body);
  } catch {
    throw encodingError(file);
  }
  // GB18030 accepts most byte soups; only trust it when the result reads as Chinese.
  if (hanShare(gb) < 0.8) throw encodingError(file);
  return checkText(file, gb);
}

function checkText(file: string, text: string): string {
  // \s covers the BOM too; a test, not a trimmed copy of the whole text.
  if (!/\S/.test(text)) throw emptyError(file);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function emptyError(file: string): ParseError {
  return new ParseError(
    'empty',
    `${file} is empty (or contains only whitespace). Check the export and add the file again with its text.`,
    file,
  );
}

function encodingError(file: string): ParseError {
  return new ParseError(
    'encoding',
    `${file} could not be read as UTF-8 or GBK/GB18030 text. Re-save it as UTF-8 (in most editors: Save As → Encoding: UTF-8) and add it again.`,
    file,
  );
}
