/**
 * The Word 97–2003 (.doc) reader, through word-extractor (it reads the OLE compound file and the piece table;
 * headers, footers, footnotes and comments are separate and not included). It does not render Word list
 * numbering, so labels that Word generated (rather than typed ones) are missing from .doc text.
 */
import { ParseError } from '../errors.ts';
import { hasExtension, OLE_MAGIC, startsWith } from './signatures.ts';
import type { DocumentReader, ReadResult } from './types.ts';

async function readDoc(file: string, bytes: Uint8Array): Promise<ReadResult> {
  let body: string;
  try {
    // Loaded on first use: most documents are not .doc, and the parser's import stays light.
    const { default: WordExtractor } = await import('word-extractor');
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // By default word-extractor turns “curly” quotes into ASCII ones; the text is kept as written.
    body = doc.getBody({ filterUnicode: false });
  } catch {
    throw new ParseError(
      'unreadable',
      `${file} could not be read as a Word 97–2003 document (.doc). Open it in Word or WPS, save it as .docx, and add that.`,
      file,
    );
  }
  // word-extractor already turns Word's cell marks into tabs and paragraph marks into line breaks.
  const text = body.replace(/\r\n?/g, '\n');
  return { text, format: 'doc', hints: { pages: null, dropped: [], generatedLabels: 0 } };
}

export const docReader: DocumentReader = {
  accepts: (file, bytes) =>
    (startsWith(bytes, OLE_MAGIC) && !hasExtension(file, '.wps', '.et', '.dps', '.xls', '.ppt')) ||
    hasExtension(file, '.doc', '.dot'),
  read: readDoc,
};
