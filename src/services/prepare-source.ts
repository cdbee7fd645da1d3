import { hashText } from '../core/ids.ts';
import type { ParsedDocument, SourceFile } from '../core/model.ts';
import { parseText, readDocument } from '../core/parse/index.ts';

/** A source read and parsed, with the hash that tells whether the index already holds this parse. */
export interface Prepared {
  file: string;
  contentHash: string;
  doc: ParsedDocument;
}

/**
 * The one place bytes become a ParsedDocument: read (any supported format, at most `maxBytes`), parsed, and
 * hashed. Runs on the main thread or in a worker (parse-off-thread.ts), with the same result.
 */
export async function prepareSource(source: SourceFile, maxBytes: number): Promise<Prepared> {
  const read = await readDocument(source, { maxBytes });
  const doc = parseText({ file: source.file, text: read.text, format: read.format });
  // The hash covers the parse result, not only the bytes, so a parser improvement re-indexes on the next ingest.
  return { file: source.file, contentHash: hashText(JSON.stringify(doc)), doc };
}
