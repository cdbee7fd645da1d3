/**
 * The PDF reader: the text layer through pdfjs-dist (legacy build, the one for Node), lines rebuilt from
 * positioned text items, then pdf-layout.ts drops page furniture and rejoins paragraphs.
 * Chinese PDFs often use non-embedded CID fonts (STSong-Light, Adobe-GB1): pdfjs can map their codes to text
 * only with the CMaps it ships, so cMapUrl and standardFontDataUrl point into the installed package (resolved
 * from the package, not the working directory). Eval and font-face loading are off: nothing is rendered.
 * A PDF without a text layer (a scan) is refused: it needs OCR, which this reader does not do.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { ParseError } from '../errors.ts';
import { dropFurniture, type PdfLine, toPdfParagraphs } from './pdf-layout.ts';
import { hasExtension, PDF_MAGIC, startsWith } from './signatures.ts';
import type { DocumentReader, ReadResult } from './types.ts';

/** Fewer readable characters than this per page on average: the pages are images. */
const MIN_CHARS_PER_PAGE = 10;
/** Pages read at most; a policy document has tens. Bounds the work an upload can cause. */
export const MAX_PDF_PAGES = 300;

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** The fields of a pdfjs text item the layout needs. */
export interface PositionedItem {
  str: string;
  transform: number[];
  width: number;
}

/** Han characters, CJK punctuation, full-width forms and curly quotes. */
const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u2018-\\u201d';
const AUTOSPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[A-Za-z0-9%])|(?<=[A-Za-z0-9%])\\s+(?=[${CJK}])`, 'g');

/**
 * Word and LibreOffice set Latin text and digits apart from Han characters by a gap ("Adjust space between
 * Asian and Latin text"), which pdfjs reports as a space: 不少于 20 场, 到 2023 年. The words as typed have none.
 */
export function withoutAutospace(line: string): string {
  return line.replace(AUTOSPACE, '');
}

/**
 * Text items of one page → lines, top to bottom. Items are sorted by baseline, then those within half a glyph
 * of the line's baseline join it, left to right (sorting keeps this O(n log n) for any item order).
 */
export function itemsToLines(items: readonly PositionedItem[]): PdfLine[] {
  const parts = items
    .filter((it) => it.str !== '' && Math.abs(it.transform[1]!) <= 0.01 && Math.abs(it.transform[2]!) <= 0.01)
    .map((it) => ({
      x: it.transform[4]!,
      y: it.transform[5]!,
      size: Math.abs(it.transform[0]!) || 1,
      x1: it.transform[4]! + it.width,
      str: it.str,
    }))
    .sort((p, q) => q.y - p.y);
  // Rotated items (a watermark or a side note) were filtered out above: they are not body text.
  const groups: Array<typeof parts> = [];
  for (const p of parts) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0]!.y - p.y) <= Math.max(g[0]!.size, p.size) / 2) g.push(p);
    else groups.push([p]);
  }
  return groups.map((g) => {
    g.sort((p, q) => p.x - q.x);
    const size = Math.max(...g.map((p) => p.size));
    let text = '';
    let end = -Infinity;
    for (const p of g) {
      // A visible gap between items of Latin text is a space the PDF did not write as a glyph.
      if (text !== '' && p.x - end > size * 0.25 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(p.str))
        text += ' ';
      text += p.str;
      end = p.x1;
    }
    return {
      text: withoutAutospace(text.replace(/\s+/g, ' ')),
      x0: g[0]!.x,
      x1: Math.max(...g.map((p) => p.x1)),
      y: g[0]!.y,
      size,
    };
  });
}

function unreadable(file: string, why: string): ParseError {
  return new ParseError(
    'unreadable',
    `${file} could not be opened as a PDF (${why}). Save or export it again as PDF, or add the Word version.`,
    file,
  );
}

async function readPdf(file: string, bytes: Uint8Array): Promise<ReadResult> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}${path.sep}`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}${path.sep}`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ParseError(
        'unreadable',
        `${file} is password-protected. Remove the password (or print it to a new PDF) and add it again.`,
        file,
      );
    }
    throw unreadable(file, (e as Error).message);
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ParseError(
        'too_large',
        `${file} has ${doc.numPages} pages, over the ${MAX_PDF_PAGES}-page limit. Add only the policy text (without annexes), or split the PDF.`,
        file,
      );
    }
    const pageCount = doc.numPages;
    const pages: PdfLine[][] = [];
    for (let n = 1; n <= pageCount; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items.flatMap((i) => ('str' in i ? [i] : []))));
      page.cleanup();
    }
    const chars = pages.flat().reduce((k, l) => k + l.text.replace(/\s/g, '').length, 0);
    if (chars < MIN_CHARS_PER_PAGE * Math.max(1, pageCount)) {
      throw new ParseError(
        'no_text_layer',
        `${file} has no text layer: its pages are images (a scan), so there is no text to read. Add the Word file or a PDF exported from it, or run OCR on the scan first.`,
        file,
      );
    }
    const { pages: body, dropped } = dropFurniture(pages);
    return {
      text: toPdfParagraphs(body).join('\n'),
      format: 'pdf',
      hints: { pages: doc.numPages, dropped, generatedLabels: 0 },
    };
  } finally {
    await doc.destroy();
  }
}

export const pdfReader: DocumentReader = {
  accepts: (file, bytes) => startsWith(bytes, PDF_MAGIC) || hasExtension(file, '.pdf'),
  read: readPdf,
};
