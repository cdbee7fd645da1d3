import { describe, expect, it } from 'vitest';
import type { ParseErrorCode } from '../../../src/core/parse/errors.ts';
import { refusalReason } from '../../../src/slack/documents/refusal-reason.ts';
import { stringsFor } from '../../../src/slack/strings.ts';

describe('refusalReason', () => {
  const zh = stringsFor('zh');

  it('says a size limit in the bot language with the file name and both sizes', () => {
    const problems = [
      {
        path: 'big.txt',
        message: 'big.txt is 6.0 MB, over the 5.0 MB limit.',
        code: 'too_large' as const,
        params: { unit: 'bytes' as const, size: 6 * 1024 * 1024, limit: 5 * 1024 * 1024 },
      },
    ];
    expect(refusalReason(problems, zh)).toBe(
      'big.txt 有 6.0 MB，超过 5.0 MB 的上限。请拆分成较小的文件，或只上传政策正文。',
    );
    expect(refusalReason([{ ...problems[0]!, params: { unit: 'pages' as const, limit: 300 } }], zh)).toContain(
      'big.txt 超过 300 页的上限',
    );
  });

  it('falls back to the English message for a problem without a code, or with a code it does not know', () => {
    const twice = { path: 'a.txt', message: 'a.txt: given twice; file names identify documents.' };
    expect(refusalReason([twice], zh)).toBe(twice.message);
    const unknown = { path: 'a.txt', message: 'a.txt: something new.', code: 'newly_added' as ParseErrorCode };
    expect(refusalReason([unknown], zh)).toBe(unknown.message);
  });
});
