import { describe, expect, it } from 'vitest';
import { defineStrings } from '../../src/lib/strings.ts';

describe('defineStrings', () => {
  it('keeps both tables', () => {
    const t = defineStrings({ hi: '你好', n: (k: number) => `${k} 条` }, { hi: 'Hi', n: (k: number) => `${k} items` });
    expect([t.zh.hi, t.en.n(2)]).toEqual(['你好', '2 items']);
  });
  it('refuses, at typecheck, an English table with a missing or an extra key', () => {
    // @ts-expect-error the English table lacks `bye`: this line must not typecheck.
    const missing = defineStrings({ hi: '你好', bye: '再见' }, { hi: 'Hi' });
    // @ts-expect-error the English table has a key Chinese does not: this line must not typecheck.
    const extra = defineStrings({ hi: '你好' }, { hi: 'Hi', bye: 'Bye' });
    expect([Object.keys(missing.en), Object.keys(extra.en)]).toEqual([['hi'], ['hi', 'bye']]);
  });
});
