import { describe, expect, it } from 'vitest';
import { ParseError, parseText, readDocument } from '../../../src/core/parse/index.ts';
import { refusalOf } from '../../../src/core/parse/refusal.ts';

async function refusal(file: string, bytes: Uint8Array, maxBytes?: number) {
  const source = { file, bytes };
  const err = await readDocument(source, maxBytes === undefined ? {} : { maxBytes }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ParseError);
  return refusalOf(err as ParseError, source, maxBytes);
}

describe('refusalOf: a refusal as code and parameters', () => {
  it('a file over the size limit: its size and the limit, in bytes', async () => {
    expect(await refusal('big.txt', new Uint8Array(2000).fill(0x41), 1000)).toEqual({
      code: 'too_large',
      params: { unit: 'bytes', size: 2000, limit: 1000 },
    });
  });

  it('a WPS file names its format', async () => {
    expect(await refusal('plan.wps', new TextEncoder().encode('x'))).toEqual({
      code: 'unsupported_format',
      params: { format: 'wps' },
    });
  });

  it('a reply letter (复函) without numbered items: its genre, read as a policy, expected to hold none', () => {
    const text = [
      '国务院办公厅关于同意某市设立开发区的复函',
      '某省人民政府：',
      '你省来函收悉。同意设立。',
      '国务院办公厅',
    ];
    let err: unknown;
    try {
      parseText({ file: 'reply.txt', text: text.join('\n'), format: 'text' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ParseError);
    expect(refusalOf(err as ParseError, { file: 'reply.txt', bytes: new Uint8Array() })).toEqual({
      code: 'no_items',
      params: { genre: 'reply', kind: 'policy', expected: true },
    });
  });
});
