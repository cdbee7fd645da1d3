import { describe, expect, it } from 'vitest';
import { ParseError, parseDocument } from '../../../src/core/parse/index.ts';

const policy = '某市促进消费方案\n（一）发展智慧商店。（市商务局）\n（二）促进汽车消费。（市发展改革委）\n';

/** GBK bytes of the policy text, built from Node's own GB18030 table (no encoder needed at runtime). */
function gbkBytes(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else out.push(...table.get(ch)!);
  }
  return new Uint8Array(out);
}

function errorOf(bytes: Uint8Array, opts?: { maxBytes?: number }, file = 'x.txt'): ParseError {
  try {
    parseDocument({ file, bytes }, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}

describe('decoding', () => {
  it('reads UTF-8 with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(policy)]);
    expect(parseDocument({ file: 'a.txt', bytes }).title).toBe('某市促进消费方案');
  });

  it('reads GBK-encoded bytes', () => {
    const bytes = gbkBytes(policy);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const doc = parseDocument({ file: 'gbk.txt', bytes });
    expect(doc.title).toBe('某市促进消费方案');
    expect(doc.measures[1]!.tasks[0]!.departments[0]!.name).toBe('市发展改革委');
  });

  it('reads UTF-16 with a BOM', () => {
    const utf16 = new Uint8Array(2 + policy.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < policy.length; i++) {
      const c = policy.charCodeAt(i);
      utf16[2 + i * 2] = c & 0xff;
      utf16[3 + i * 2] = c >> 8;
    }
    expect(parseDocument({ file: 'u16.txt', bytes: utf16 }).measures).toHaveLength(2);
  });
});

describe('refusals', () => {
  it('refuses empty and whitespace-only files', () => {
    expect(errorOf(new Uint8Array()).code).toBe('empty');
    const e = errorOf(new TextEncoder().encode(' \n\t　\r\n'), undefined, 'blank.txt');
    expect(e.code).toBe('empty');
    expect(e.message).toContain('blank.txt');
  });

  it('refuses binary data and names PDFs', () => {
    expect(errorOf(new Uint8Array([0x48, 0x00, 0x49, 0x00, 0x01])).code).toBe('binary');
    const pdf = errorOf(new TextEncoder().encode('%PDF-1.7 ...'), undefined, 'policy.pdf');
    expect(pdf.code).toBe('binary');
    expect(pdf.message).toMatch(/policy\.pdf.*PDF/);
    expect(errorOf(new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))).code).toBe(
      'binary',
    );
  });

  it('refuses text that is neither UTF-8 nor GBK', () => {
    // Lone 0x80/0xFF bytes are invalid in both encodings.
    expect(errorOf(new Uint8Array([0x41, 0xff, 0x80, 0xff, 0x42])).code).toBe('encoding');
    // Latin-1 text decodes as GB18030 byte soup but is not Chinese.
    expect(errorOf(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x64, 0xe9, 0x6a, 0xe0, 0x20, 0x76, 0xfc])).code).toBe(
      'encoding',
    );
  });

  it('refuses a 20 MB file fast, before decoding, and honours maxBytes', () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0xe4);
    const t0 = performance.now();
    const e = errorOf(big, undefined, 'huge.txt');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('huge.txt');
    expect(errorOf(new TextEncoder().encode(policy), { maxBytes: 10 }).code).toBe('too_large');
  });

  it('refuses a document without numbered items', () => {
    const e = errorOf(
      new TextEncoder().encode('某市消费情况\n今年全市消费平稳增长。\n下一步将继续努力。'),
      undefined,
      'notes.txt',
    );
    expect(e.code).toBe('no_items');
    expect(e.message).toContain('notes.txt');
  });
});
