import { describe, expect, it } from 'vitest';
import { forceStatus } from '../../../src/core/documents/in-force.ts';

const tianjin = { kind: 'policy', effectiveOn: null, publishedOn: null, expiresOn: '2025-12-31' };

describe('forceStatus', () => {
  it('is in force up to and including the expiry date, expired after', () => {
    expect(forceStatus(tianjin, '2025-12-31')).toBe('in_force');
    expect(forceStatus(tianjin, '2026-01-01')).toBe('expired');
  });
  it('is not yet in force before its effective date', () => {
    expect(forceStatus({ ...tianjin, effectiveOn: '2021-08-03' }, '2021-08-02')).toBe('not_yet');
  });
  it('does not apply to commentary and Q&A', () => {
    expect(forceStatus({ ...tianjin, kind: 'commentary' }, '2030-01-01')).toBe('not_applicable');
  });
});

describe('refStatus', () => {
  it('reads the document fields a joined row carries', async () => {
    const { refStatus } = await import('../../../src/core/documents/in-force.ts');
    const row = { documentKind: 'policy' as const, effectiveOn: null, publishedOn: null, expiresOn: '2025-12-31' };
    expect(refStatus(row, '2025-12-31')).toBe('in_force');
    expect(refStatus(row, '2026-01-01')).toBe('expired');
  });
});
