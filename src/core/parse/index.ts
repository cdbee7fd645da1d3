/**
 * The document parser: bytes of one policy document (text, HTML or Markdown, UTF-8 or GBK) → a ParsedDocument.
 * Pure and synchronous: no I/O, no clock. Throws ParseError for files it cannot use.
 */
import type { ParsedDocument, ParsedMeasure, SourceFile } from '../model.ts';
import { parseCommentary } from './commentary.ts';
import { decodeBytes, DEFAULT_MAX_BYTES } from './decode.ts';
import { ParseError } from './errors.ts';
import { classify } from './kind.ts';
import { toPlainText } from './markup.ts';
import { extractMetadata } from './metadata.ts';
import { toParagraphs } from './paragraphs.ts';
import { parseQa } from './qa.ts';
import { regionOf } from './regions.ts';
import { findItems } from './structure.ts';
import { endsWithResponsibility, taskReader } from './tasks.ts';

export { ParseError } from './errors.ts';

export interface ParseOptions {
  /** Refuse files larger than this many bytes (default 5 MB), before decoding. */
  maxBytes?: number;
}

function noItems(file: string, what: string): ParseError {
  return new ParseError('no_items', `${file} was read, but no ${what} were found in it. The parser expects numbered measures such as （一）…, 1.…, 第一条…, 问：/答： pairs, or signed recommendations (一是…/一要…). Check that this is the policy text itself, not a cover page or an attachment list.`, file);
}

export function parseDocument(source: SourceFile, opts: ParseOptions = {}): ParsedDocument {
  const { file } = source;
  const raw = decodeBytes(file, source.bytes, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const { text, frontMatter, htmlTitle } = toPlainText(file, raw);
  const paras = toParagraphs(text);
  if (paras.length === 0) {
    throw new ParseError('empty', `${file} has no readable text once markup is removed. Upload the document's text rather than an empty page.`, file);
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
  const tasks = taskReader(paras.join('\n'), meta.publishedOn);
  const measures: ParsedMeasure[] = items.map((item) => ({
    kind: 'measure',
    section: item.section,
    label: item.label,
    ordinal: item.ordinal,
    title: item.title,
    text: item.text,
    author: null,
    tasks: tasks.read(item.text, item.label),
  }));
  return { ...base, authors: [], measures, notes: tasks.notes };
}
