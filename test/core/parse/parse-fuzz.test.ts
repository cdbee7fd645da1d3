import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { ParseError, parseDocument } from '../../../src/core/parse/index.ts';
import { type GeneratedInput, generateInput } from './generated-inputs.ts';
import { LAST_YEAR, NOTE_MESSAGE_CHARS, type Property, type Violation, violations } from './parse-properties.ts';

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

  it('numbers measures with positive integers (0 only for a document-level goal section)', () => {
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

/** Labels of the measures with an empty text; none when the parser refuses the file. */
function emptyMeasures(file: string, text: string): string[] {
  try {
    const doc = parseDocument({ file, bytes: new TextEncoder().encode(text) });
    return doc.measures.filter((m) => m.text.trim() === '').map((m) => m.label);
  } catch (error) {
    if (error instanceof ParseError) return [];
    throw error;
  }
}

const parseText = (file: string, text: string): ParsedDocument =>
  parseDocument({ file, bytes: new TextEncoder().encode(text) });

/**
 * Each fault the generated inputs found, reduced by hand to a small input, with the function at fault. They fail
 * no longer; each stays as the regression test of its fix.
 */
describe('faults found by the generated inputs', () => {
  // findStructure (structure.ts): a label with nothing after it before the next label, the end, or only an HTML
  // comment is no measure (it used to become one with an empty text and title).
  it('bare labels 第一条 / 第二条 / 第三条, one a line, are no measures', () => {
    expect(emptyMeasures('a.txt', '某市促进消费若干措施\n第一条\n第二条\n第三条\n')).toEqual([]);
  });
  it('a last item that is a bare label （三） is no measure', () => {
    expect(emptyMeasures('a.txt', '某市促进消费若干措施\n（一）加强管理。\n（二）做好服务。\n（三）')).toEqual([]);
  });
  it('<p>（二）<!-- x --></p> is no measure', () => {
    const html =
      '<html><body><p>某市措施</p><p>（一）加强管理。</p><p>（二）<!-- x --></p><p>（三）做好。</p></body></html>';
    expect(emptyMeasures('a.html', html)).toEqual([]);
  });

  // parseQa (qa.ts): 答： alone on its line, followed by page furniture (原标题：…), leaves no answer to index.
  it('an answer that is only 答： followed by 原标题： is not an empty answer', () => {
    const qa =
      '某部门答记者问\n问：第一个问题？\n答：这是回答。\n问：第二个问题？\n答：\n原标题：某部门答记者问\n问：第三个问题？\n答：第三个回答。';
    expect(emptyMeasures('a.txt', qa)).toEqual([]);
  });

  // Goal sections (structure.ts, GOAL_HEADING): an unnumbered 主要目标 is the document's own goal section, ordinal 0
  // (model.ts), labelled and titled with its heading; the numbered measures keep their 1-based ordinals.
  it('an unnumbered goal section 主要目标 has ordinal 0 and its heading as label and title', () => {
    const doc = parseText(
      'a.txt',
      '某市促进消费实施方案\n主要目标\n到2025年底，建成消费中心。\n一、重点任务\n（一）加强管理。（市商务局负责）\n（二）做好服务。（市商务局负责）',
    );
    expect(doc.measures.map((m) => [m.label, m.ordinal, m.title])).toEqual([
      ['主要目标', 0, '主要目标'],
      ['（一）', 1, '加强管理'],
      ['（二）', 2, '做好服务'],
    ]);
  });

  // Expiry from 有效期N年 (metadata.ts): dated 2099年9月9日, valid 5 years would end 2104-09-08, a year outside
  // 1949–2100 (such dates are not stored: they sort as the far future).
  it('an expiry past 2100 is not stored', () => {
    const doc = parseText(
      'a.txt',
      '某市促进消费若干措施\n（一）加强管理。\n（二）做好服务。\n本措施自印发之日起施行，有效期5年。\n某市人民政府办公厅\n2099年9月9日',
    );
    expect(doc.expiresOn === null || Number(doc.expiresOn.slice(0, 4)) <= LAST_YEAR).toBe(true);
  });

  // The issuer field (metadata.ts) must not take whatever follows 发文机关： — here 960 characters of body text —
  // and the kind note (classify, kind.ts) quotes an issuer at most as an excerpt.
  it('发文机关： followed by a paragraph gives no kind note of a thousand characters', () => {
    const doc = parseText(
      'a.txt',
      `某市促进消费若干措施\n发文机关：${'发展综合型社区、智慧型商业中心，'.repeat(60)}\n（一）加强管理。\n（二）做好服务。`,
    );
    expect(Math.max(...doc.notes.map((n) => n.message.length))).toBeLessThanOrEqual(NOTE_MESSAGE_CHARS);
  });
});
