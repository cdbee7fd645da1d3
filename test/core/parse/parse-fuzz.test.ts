import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { ParseError, parseDocument } from '../../../src/core/parse/index.ts';
import { type GeneratedInput, generateInput } from './generated-inputs.ts';
import { type Property, type Violation, violations } from './parse-properties.ts';

/**
 * The whole parser on generated input (generated-inputs.ts: real documents recombined and damaged, genre
 * fragments, markup, random Unicode and bytes, long runs, deep nesting, huge lines). Every result must satisfy
 * parse-properties.ts; a failure names the input, replayed alone with `generateInput(SEED, index)`.
 */
const SEED = 0x5eed13;
const INPUTS = 3000;
const REPEAT_EVERY = 4;

interface Outcome {
  input: GeneratedInput;
  doc: ParsedDocument | null;
  error: unknown;
  /** The second parse of a copy of the same bytes equals the first. */
  repeatable: boolean;
  /** The parser left the input bytes as they were. */
  untouched: boolean;
  violations: Violation[];
}

function attempt(file: string, bytes: Uint8Array): { doc: ParsedDocument | null; error: unknown } {
  try {
    return { doc: parseDocument({ file, bytes }), error: null };
  } catch (error) {
    return { doc: null, error };
  }
}

let cached: Outcome[] | null = null;
function outcomes(): Outcome[] {
  if (cached) return cached;
  cached = Array.from({ length: INPUTS }, (_, i) => {
    const input = generateInput(SEED, i);
    const original = Uint8Array.from(input.bytes);
    const first = attempt(input.file, input.bytes);
    const untouched = Buffer.compare(original, input.bytes) === 0;
    // Parsing twice costs a second pass: a quarter of the inputs, every kind of them, is enough to see state kept
    // between calls.
    const second = i % REPEAT_EVERY === 0 ? attempt(input.file, Uint8Array.from(original)) : first;
    const repeatable =
      first.doc !== null
        ? isDeepStrictEqual(first.doc, second.doc)
        : second.doc === null && (first.error as Error)?.message === (second.error as Error)?.message;
    return {
      input,
      ...first,
      repeatable,
      untouched,
      violations: first.doc ? violations(first.doc, input.file, original) : [],
    };
  });
  return cached;
}

const describeInput = (o: Outcome): string => {
  const head = new TextDecoder().decode(o.input.bytes.subarray(0, 60)).replace(/\s+/g, ' ');
  return `input #${o.input.index} (${o.input.maker}, ${o.input.file}, ${o.input.bytes.length} bytes: “${head}”)`;
};

function failing(property: Property): string[] {
  return outcomes().flatMap((o) =>
    o.violations.filter((v) => v.property === property).map((v) => `${describeInput(o)}: ${v.detail}`),
  );
}

describe(`the parser on ${INPUTS} generated inputs (seed ${SEED})`, () => {
  // Generating and parsing every input twice happens in the first test; the others read the outcomes.
  it('returns a document or throws ParseError, never another error', { timeout: 120_000 }, () => {
    const crashes = outcomes()
      .filter((o) => o.doc === null && !(o.error instanceof ParseError))
      .map((o) => `${describeInput(o)}: ${String(o.error).slice(0, 200)}`);
    expect(crashes).toEqual([]);
  });

  it('gives the same result for the same bytes, and leaves the bytes as they were', () => {
    expect(
      outcomes()
        .filter((o) => !o.repeatable)
        .map(describeInput),
    ).toEqual([]);
    expect(
      outcomes()
        .filter((o) => !o.untouched)
        .map(describeInput),
    ).toEqual([]);
  });

  it('exercises every outcome: documents with measures, tasks and targets, and each kind of refusal', () => {
    const docs = outcomes().flatMap((o) => (o.doc ? [o.doc] : []));
    const targets = docs.flatMap((d) => d.measures.flatMap((m) => m.tasks.flatMap((t) => t.targets)));
    expect(docs.length).toBeGreaterThan(INPUTS / 4);
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['policy', 'qa', 'commentary']));
    expect(
      docs.filter((d) => d.measures.some((m) => m.tasks.some((t) => t.departments.length > 0))).length,
    ).toBeGreaterThan(INPUTS / 10);
    expect(targets.length).toBeGreaterThan(INPUTS / 2);
    const codes = new Set(outcomes().flatMap((o) => (o.error instanceof ParseError ? [o.error.code] : [])));
    for (const code of ['empty', 'binary', 'no_items'] as const) expect(codes).toContain(code);
  });

  it('stores only real dates in 1949–2100 (YYYY-MM-DD)', () => {
    expect(failing('date')).toEqual([]);
  });

  it('keeps every target quote short and part of its task', () => {
    expect(failing('quote')).toEqual([]);
  });

  it('takes labels, titles, sections and department names from the text as written', () => {
    expect(failing('as-written')).toEqual([]);
  });

  it('gives no measure an empty text or label', () => {
    expect(failing('non-empty')).toEqual([]);
  });

  it('numbers measures with positive integers', () => {
    expect(failing('ordinal')).toEqual([]);
  });

  it('cuts note excerpts to 120 characters', () => {
    expect(failing('excerpt')).toEqual([]);
  });

  it('keeps note messages to a sentence around the excerpt', () => {
    expect(failing('message')).toEqual([]);
  });

  it('stores only real document dates in 1949–2100', () => {
    expect(failing('document-date')).toEqual([]);
  });

  it('gives output at most linear in the input', () => {
    expect(failing('linear')).toEqual([]);
  });
});
