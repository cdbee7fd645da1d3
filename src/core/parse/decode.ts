import { ParseError } from './errors.ts';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** File signatures of formats people export by mistake instead of text; named in the error message. */
const SIGNATURES: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a Word/ZIP archive (.docx/.zip)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Word/WPS document (.doc/.wps)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], name: 'an RTF document' },
];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Share of Han characters (and CJK punctuation) among the non-ASCII characters of a decoded text. */
function hanShare(text: string): number {
  let nonAscii = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x201c || c === 0x201d) han++;
  }
  return nonAscii === 0 ? 1 : han / nonAscii;
}

function binaryError(file: string, what: string): ParseError {
  return new ParseError('binary', `${file} is not a text file (it looks like ${what}). Save the document as plain text (.txt), HTML or Markdown and add that instead.`, file);
}

/**
 * Bytes → text. Refuses oversized input before looking at the content (a 20 MB upload must fail fast),
 * then sniffs binary formats, then tries UTF-8 (BOM stripped), UTF-16 with a BOM, and GB18030 (a superset of
 * GBK/GB2312, still common for files saved on Chinese Windows).
 */
export function decodeBytes(file: string, bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): string {
  if (bytes.length > maxBytes) {
    throw new ParseError('too_large', `${file} is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit. Split it into smaller documents or add only the policy text.`, file);
  }
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
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) control++;
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
  if (text.replace(/^\uFEFF/, '').trim() === '') throw emptyError(file);
  return text.replace(/^\uFEFF/, '');
}

function emptyError(file: string): ParseError {
  return new ParseError('empty', `${file} is empty (or contains only whitespace). Check the export and add the file again with its text.`, file);
}

function encodingError(file: string): ParseError {
  return new ParseError('encoding', `${file} could not be read as UTF-8 or GBK/GB18030 text. Re-save it as UTF-8 (in most editors: Save As → Encoding: UTF-8) and add it again.`, file);
}
