import { describe, expect, it } from 'vitest';
import type { ParsedDocument } from '../../../src/core/model.ts';
import { ParseError, parseDocument } from '../../../src/core/parse/index.ts';
import { MAX_QUOTE_CHARS } from '../../../src/core/parse/targets.ts';
import { DATE_UNIT, HOSTILE_INPUTS, type HostileInput, POLICY_LABELS, repeatToBytes } from './hostile-inputs.ts';
import { violations } from './parse-properties.ts';

/**
 * Inputs that once took seconds per 100 KB or gave output far larger than the input. No timing is asserted:
 * at HOSTILE_BYTES a quadratic step runs past the test timeout even on an idle machine, while a linear parser
 * takes milliseconds; what is asserted is the result and its bounds.
 */
const HOSTILE_BYTES = 300_000;

const byName = (prefix: string): HostileInput => HOSTILE_INPUTS.find((h) => h.name.startsWith(prefix))!;

function parse(file: string, text: string): { doc: ParsedDocument | null; error: unknown; bytes: Uint8Array } {
  const bytes = new TextEncoder().encode(text);
  try {
    return { doc: parseDocument({ file, bytes }), error: null, bytes };
  } catch (error) {
    return { doc: null, error, bytes };
  }
}

const ARTICLES = '第一条';

describe('hostile input, as reported', () => {
  const others = HOSTILE_INPUTS.filter((h) => !h.name.startsWith(ARTICLES));
  it.each(others.map((h) => [h.name, h] as const))('%s: a document within bounds or a ParseError', (_, h) => {
    const { doc, error, bytes } = parse(h.file, h.asReported(HOSTILE_BYTES));
    if (doc === null) {
      expect(error).toBeInstanceOf(ParseError);
      return;
    }
    expect(violations(doc, h.file, bytes)).toEqual([]);
  });

  it('a lone （二） with a year and spaces is no numbered measure (a label counts only in a sequence)', () => {
    const h = byName('（二）');
    const { error } = parse(h.file, h.asReported(HOSTILE_BYTES));
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).code).toBe('no_items');
  });

  // '第一条\n' repeated: bare article labels, nothing after any of them. A label with no text is no measure, so
  // such a file has none (no_items).
  it(`${ARTICLES}\\n repeated: no empty measures (a document within bounds or a ParseError)`, () => {
    const h = byName(ARTICLES);
    const { doc, error, bytes } = parse(h.file, h.asReported(HOSTILE_BYTES));
    if (doc === null) {
      expect(error).toBeInstanceOf(ParseError);
      return;
    }
    expect(violations(doc, h.file, bytes)).toEqual([]);
  });
});

describe('hostile input inside a policy', () => {
  it.each(HOSTILE_INPUTS.filter((h) => !h.name.startsWith(ARTICLES)).map((h) => [h.name, h] as const))(
    '%s: the policy’s three measures are found, within bounds',
    (_, h) => {
      const { doc, error, bytes } = parse(h.file, h.inDocument(HOSTILE_BYTES));
      expect(error).toBeNull();
      expect(doc!.measures.map((m) => m.label)).toEqual(POLICY_LABELS);
      expect(doc!.measures[0]!.tasks[0]!.departments).toEqual([{ name: '市商务局', role: 'lead' }]);
      expect(violations(doc!, h.file, bytes)).toEqual([]);
    },
  );

  it(`${DATE_UNIT} repeated with no clause separator: one short quote per date, each due at the end of 2022`, () => {
    const h = byName(DATE_UNIT);
    const payload = repeatToBytes(DATE_UNIT, HOSTILE_BYTES);
    const occurrences = payload.length / DATE_UNIT.length;
    const { doc } = parse(h.file, h.inDocument(HOSTILE_BYTES));
    const targets = doc!.measures[1]!.tasks.flatMap((t) => t.targets);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.length).toBeLessThanOrEqual(occurrences);
    expect(new Set(targets.map((t) => t.due))).toEqual(new Set(['2022-12-31']));
    // A quote never runs past the next time phrase, so the quotes do not overlap.
    expect(Math.max(...targets.map((t) => t.text.length))).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(targets.reduce((n, t) => n + t.text.length, 0)).toBeLessThanOrEqual(payload.length);
  });

  it('articles all numbered 第一条: each is an article of its own, numbering restarting at 1', () => {
    const h = byName(ARTICLES);
    const text = h.inDocument(HOSTILE_BYTES);
    const articles = text.split('\n').filter((l) => l.startsWith('第一条')).length;
    const { doc, bytes } = parse(h.file, text);
    expect(doc!.measures).toHaveLength(articles);
    expect(new Set(doc!.measures.map((m) => `${m.label}|${m.ordinal}|${m.title}`))).toEqual(
      new Set(['第一条|1|加强市场监管']),
    );
    expect(violations(doc!, h.file, bytes)).toEqual([]);
  });
});
