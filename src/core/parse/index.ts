/**
 * The document parser. `readDocument` (readers/) turns the bytes of any supported format into text (async:
 * the PDF reader is); `parseText` turns that text into a ParsedDocument (pure and synchronous: no I/O, no
 * clock). `parseDocument` is both steps for plain text, HTML and Markdown bytes, synchronously.
 * All throw ParseError for files they cannot use.
 */
import type { ParsedDocument, ParsedMeasure, ParseNote, SourceFile } from '../model.ts';
import { parseCommentary } from './commentary.ts';
import { ParseError } from './errors.ts';
import { type Classification, classify, refusalReason } from './kind.ts';
import type { Scheme } from './labels.ts';
import { toPlainText } from './markup.ts';
import { extractMetadata } from './metadata.ts';
import { forgetNormalized } from './normalize.ts';
import { toParagraphs } from './paragraphs.ts';
import { parseQa } from './qa.ts';
import { checkSize, type DocumentFormat } from './readers/index.ts';
import { decodeText, textFormatOf } from './readers/text.ts';
import { placeOf } from './regions.ts';
import { excerpt, findStructure, type Structure } from './structure.ts';
import { cappedTableNotes, findTaskTables, readTableItem, type TableItem } from './task-table.ts';
import { endsWithResponsibility, hasResponsibilityBracket, taskReader } from './tasks.ts';

export { ParseError } from './errors.ts';
export { type DocumentFormat, type ReadHints, type ReadResult, readDocument } from './readers/index.ts';

export interface ParseOptions {
  /** Refuse files larger than this many bytes (default 5 MB), before decoding. */
  maxBytes?: number;
}

function noItems(file: string, reason: string, expected: boolean, c: Classification): ParseError {
  const advice = expected
    ? 'Documents of this kind hold no measures, so nothing was indexed.'
    : 'The parser expects numbered measures such as （一）…, 1.…, 第一条…, 问：/答： pairs, or signed recommendations (一是…/一要…). Check that this is the policy text itself, not a cover page or an attachment list.';
  return new ParseError('no_items', `${file} was read, but ${reason}. ${advice}`, file, {
    genre: c.genre,
    kind: c.kind,
    expected,
  });
}

/** Genres that usually carry no measures: a refusal of one of them is expected, not a reading failure. */
const WITHOUT_MEASURES = new Set(['reply', 'approval', 'decision', 'bulletin', 'order', 'appointments']);

/** How each numbering level is written, for the kind note. */
const LEVEL_NAMES: Record<Scheme, string> = {
  chapter: '第一章',
  article: '第一条',
  'decimal-1': '1',
  'decimal-2': '1.1',
  'decimal-3': '1.1.1',
  'han-dun': '一、',
  'paren-han': '（一）',
  'arabic-dot': '1.',
  'paren-arabic': '（1）',
  circled: '①',
};

function kindNote(c: Classification, structure: Structure | null, count: number, tableRows = 0): ParseNote {
  let how = '';
  if (tableRows === count && count > 0) {
    how = `; its ${count} measures are the rows of a task table (a task column and responsibility columns)`;
  } else if (structure?.level) {
    const level = LEVEL_NAMES[structure.level];
    how =
      structure.evidence === 'responsibility'
        ? `; its ${count} measures are the ${level} items, the level that carries the responsibility brackets`
        : `; its ${count} measures are the ${level} items, the deepest numbering that runs through the text`;
  } else if (count > 0) {
    how = `; ${count} items`;
  }
  return {
    kind: 'kind',
    label: null,
    excerpt: null,
    message: `Read as ${c.kind === 'policy' ? `a policy document (${c.genre})` : c.kind}: ${c.reason}${how}.`,
  };
}

/** Measures nobody is named for: one note each, or one for the document when none names anyone. */
function responsibilityNotes(measures: ParsedMeasure[]): ParseNote[] {
  const without = measures.filter((m) => m.tasks.every((t) => t.responsibility === null));
  if (without.length === 0) return [];
  if (without.length === measures.length) {
    return [
      {
        kind: 'no_responsibility',
        label: null,
        excerpt: null,
        message:
          'No measure names a responsible unit: the document has no responsibility brackets or lines, so its measures have no departments.',
      },
    ];
  }
  return without.map((m) => ({
    kind: 'no_responsibility',
    label: m.label,
    excerpt: excerpt(m.title || m.text),
    message: `Measure ${m.label} names no responsible unit (no responsibility bracket or line).`,
  }));
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
  forgetNormalized();
  const { file } = source;
  const { text, frontMatter, page } = MARKUP_FORMATS.has(source.format)
    ? toPlainText(file, source.text)
    : {
        text: source.text,
        frontMatter: { title: null, date: null },
        page: { title: null, articleTitle: null, pubDate: null },
      };
  const paras = toParagraphs(text);
  if (paras.length === 0) {
    throw new ParseError(
      'empty',
      `${file} has no readable text once markup is removed. Add the document's text rather than an empty page.`,
      file,
    );
  }
  const meta = extractMetadata(paras, frontMatter, page);
  const classification = classify(paras, { title: meta.title, docNumber: meta.docNumber, issuer: meta.issuer });
  const { kind } = classification;
  const base = {
    title: meta.title,
    kind,
    ...placeOf(meta.title, meta.issuer, meta.docNumber),
    issuer: kind === 'policy' ? meta.issuer : null,
    docNumber: meta.docNumber,
    publishedOn: meta.publishedOn,
    effectiveOn: meta.effectiveOn,
    expiresOn: meta.expiresOn,
  };
  const refuse = (): ParseError =>
    noItems(
      file,
      refusalReason(classification.genre, classification.genreName, kind),
      kind === 'policy' && WITHOUT_MEASURES.has(classification.genre),
      classification,
    );

  if (kind === 'qa') {
    const measures = parseQa(paras, meta.publishedOn);
    if (measures.length === 0) throw refuse();
    return { ...base, authors: [], measures, notes: [kindNote(classification, null, measures.length)] };
  }
  if (kind === 'commentary') {
    const { measures, authors } = parseCommentary(paras);
    if (measures.length === 0) throw refuse();
    return { ...base, authors, measures, notes: [kindNote(classification, null, measures.length)] };
  }
  // Rows of a task table are measures of their own; their cells are no numbered text for findStructure.
  const tables = findTaskTables(paras);
  const numbered = tables.lines.size === 0 ? paras : paras.map((p, k) => (tables.lines.has(k) ? '' : p));
  const structure = findStructure(numbered, meta.titleEnd + 1, meta.signatureStart, {
    has: hasResponsibilityBracket,
    endsWith: endsWithResponsibility,
  });
  const count = structure.items.length + tables.items.length;
  // A list of members (组成人员) is numbered by group, not by measure.
  if (count === 0 || classification.genre === 'appointments') throw refuse();
  const tasks = taskReader(paras.join('\n'), meta.publishedOn, meta.title);
  // Numbered items and table rows are read in document order, so a rule stated by one reaches those after it.
  type Entry = { index: number; item: (typeof structure.items)[number] } | { index: number; row: TableItem };
  const entries: Entry[] = [
    ...structure.items.map((item) => ({ index: item.index, item })),
    ...tables.items.map((row) => ({ index: row.index, row })),
  ].sort((a, b) => a.index - b.index);
  const rowNotes: ParseNote[] = [];
  const measures: ParsedMeasure[] = entries.map((e) => {
    if ('row' in e) {
      const read = readTableItem(e.row, tasks);
      rowNotes.push(...read.notes);
      return read.measure;
    }
    const { item } = e;
    return {
      kind: 'measure' as const,
      section: item.section,
      label: item.label,
      ordinal: item.ordinal,
      title: item.title,
      text: item.text,
      author: null,
      tasks: tasks.read(item.text, item.label),
    };
  });
  const notes = [
    kindNote(classification, structure, measures.length, tables.items.length),
    ...structure.notes,
    ...tables.notes,
    ...cappedTableNotes(rowNotes),
    ...responsibilityNotes(measures),
    ...tasks.notes,
  ];
  return { ...base, authors: [], measures, notes };
}
