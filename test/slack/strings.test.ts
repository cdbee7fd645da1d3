import { describe, expect, it } from 'vitest';
import { tables } from '../../src/slack/strings.ts';

describe('UI strings', () => {
  it('English has exactly the Chinese keys in every table', () => {
    for (const t of tables) expect(Object.keys(t.en).sort()).toEqual(Object.keys(t.zh).sort());
  });
  it('no key is defined by two features', () => {
    const seen = new Map<string, number>();
    tables.forEach((t, i) => {
      for (const k of Object.keys(t.zh)) {
        expect(seen.has(k), `"${k}" is in tables ${seen.get(k)} and ${i}`).toBe(false);
        seen.set(k, i);
      }
    });
  });
});
