/**
 * The document parser. `readDocument` (readers/) turns the bytes of any supported format into text (async:
 * the PDF reader is); `parseText` turns that text into a ParsedDocument (pure and synchronous: no I/O, no
 * clock). `parseDocument` is both steps for plain text, HTML and Markdown bytes, synchronously.
 * All throw ParseError for files they cannot use.
 */
import type { ParsedDocument, ParsedMeasure, SourceFile } from '../model.ts';
import { parseCommentary } from './commentary.ts';
import { ParseError } from './errors.ts';
import { classify } from './kind.ts';
import { toPlainText } from './markup.ts';
import { extractMetadata } from './metadata.ts';
import { toParagraphs } from './paragraphs.ts';
import { parseQa } from './qa.ts';
import { checkSize, type DocumentFormat } from './readers/index.ts';
import { decodeText, textFormatOf } from './readers/text.ts';
import { regionOf } from './regions.ts';
import { findItems } from './structure.ts';
import { endsWithResponsibility, splitTasks } from './tasks.ts';

export { ParseError } from './errors.ts';
export { type DocumentFormat, type ReadHints, type ReadResult, readDocument } from './readers/index.ts';

export interface ParseOptions {
  /** Refuse files larger than this many bytes (default 5 MB), before decoding. */
  maxBytes?: number;
}

function noItems(file: string, what: string): ParseError {
  return new ParseError(
    'no_items',
    `${file} was read, but no ${what} were found in it. The parser expects numbered measures such as （一）…, 1.…, 第一条…, 问：/答： pairs, or signed recommendations (一是…/一要…). Check that this is the policy text itself, not a cover page or an attachment list.`,
    file,
  );
}

/**
 * Plain text, HTML or Markdown bytes → ParsedDocument, synchronously. Word and PDF files are refused here
 * (code `binary`): read those with `readDocument`, then `parseText`.
 */
export function parseDocument(source: SourceFile, opts: ParseOptions = {}): ParsedDocument {
  const { file } = source;
  checkSize(file, source.bytes, opts.maxBytes);
  return parseText({ file, text: decodeText(file, source.bytes), format: textFormatOf(file) });
}

/** Only text read from text files can hold markup; Word and PDF text is plain lines already. */
const MARKUP_FORMATS = new Set<DocumentFormat>(['text', 'html', 'markdown']);

/**
 * Text of a document, as a reader returned it → ParsedDocument.
 * @example parseText({ file: 'plan.txt', text: '某市方案\n（一）发展智慧商店。（市商务局）\n（二）…', format: 'text' })
 */
export function parseText(source: { file: string; text: string; format: DocumentFormat }): ParsedDocument {
  const { file } = source;
  const { text, frontMatter, htmlTitle } = MARKUP_FORMATS.has(source.format)
    ? toPlainText(file, source.text)
    : { text: source.text, frontMatter: { title: null, date: null }, htmlTitle: null };
  const paras = toParagraphs(text);
  if (paras.length === 0) {
    throw new ParseError(
      'empty',
      `${file} has no readable text once markup is removed. Upload the document's text rather than an empty page.`,
      file,
    );
  }
  const meta = extractMetadata(paras, frontMatter, htmlTitle);
  const kind = classify(paras);
  const base = {
    title: meta.title,
    kind,
    region: regionOf(meta.title, meta.issuer, meta.docNumber),
    issuer: kind === 'policy' ? meta.issuer : null,
    docNumber: meta.docNumber,
    publishedOn: meta.publishedOn,
    effectiveOn: meta.effectiveOn,
    expiresOn: meta.expiresOn,
  };

  if (kind === 'qa') {
    const measures = parseQa(paras, meta.publishedOn);
    if (measures.length === 0) throw noItems(file, 'question-and-answer pairs');
    return { ...base, authors: [], measures, notes: [] };
  }
  if (kind === 'commentary') {
    const { measures, authors } = parseCommentary(paras);
    if (measures.length === 0) throw noItems(file, 'recommendations');
    return { ...base, authors, measures, notes: [] };
  }
  const items = findItems(paras, meta.titleEnd + 1, meta.signatureStart, endsWithResponsibility);
  if (items.length === 0) throw noItems(file, 'numbered measures');
  const measures: ParsedMeasure[] = items.map((item) => ({
    kind: 'measure',
    section: item.section,
    label: item.label,
    ordinal: item.ordinal,
    title: item.title,
    text: item.text,
    author: null,
    tasks: splitTasks(item.text, meta.publishedOn),
  }));
  return { ...base, authors: [], measures, notes: [] };
}
