import { expect } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { ParseError, parseDocument, readDocument } from '../../../src/core/parse/index.ts';

/** Parses a synthetic document written as one paragraph per line. */
export function parseLines(lines: string[], file = 'doc.txt'): ParsedDocument {
  return parseDocument({ file, bytes: new TextEncoder().encode(lines.join('\n')) });
}

export function departmentsOf(doc: ParsedDocument): string[][] {
  return doc.measures.flatMap((m) => m.tasks.map((t) => t.departments.map((d) => d.name)));
}

/** The ParseError with which `readDocument` refuses a file; fails the test if the file is read. */
export async function readRefusal(file: string, bytes: Uint8Array): Promise<ParseError> {
  try {
    await readDocument({ file, bytes });
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}
