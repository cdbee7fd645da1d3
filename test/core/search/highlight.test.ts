import { describe, expect, it } from 'vitest';
import { buildSnippet, SNIPPET_CHARS, snippetText, snippetToMarkdown } from '../../../src/core/search/highlight.ts';

describe('buildSnippet', () => {
  it('marks every occurrence of the terms', () => {
    const parts = buildSnippet('加快冷链物流基地建设，完善冷链追溯体系。', ['冷链', '追溯']);
    expect(snippetToMarkdown(parts)).toBe('加快**冷链**物流基地建设，完善**冷链追溯**体系。');
  });

  it('shows a window of about 120 characters around the best match, with ellipses', () => {
    const text = `${'甲'.repeat(300)}。建设5G基站，推进双千兆。${'乙'.repeat(300)}`;
    const parts = buildSnippet(text, ['5g', '基站', '双千兆']);
    const plain = snippetText(parts);
    expect(plain.startsWith('…建设')).toBe(true);
    expect(plain.endsWith('…')).toBe(true);
    expect(plain.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['5G基站', '双千兆']);
  });

  it('prefers the stretch holding the most distinct terms', () => {
    const text = `冷链${'丙'.repeat(200)}冷链追溯${'丁'.repeat(200)}`;
    const plain = snippetToMarkdown(buildSnippet(text, ['冷链', '追溯']));
    expect(plain).toContain('**冷链追溯**');
    expect(plain.startsWith('…')).toBe(true);
  });

  it('matches full-width and quoted text while showing it as written', () => {
    const parts = buildSnippet('“十四五”期间建成５Ｇ基站', ['十四五', '5g']);
    expect(snippetToMarkdown(parts)).toBe('“**十四五**”期间建成**５Ｇ**基站');
  });

  it('shows the start of the text when nothing matches (list mode)', () => {
    const parts = buildSnippet('戊'.repeat(200), []);
    expect(parts).toEqual([{ text: `${'戊'.repeat(SNIPPET_CHARS)}…`, hit: false }]);
  });

  it('never splits an emoji', () => {
    const text = `${'😀'.repeat(100)}冷链${'😀'.repeat(100)}`;
    expect(snippetText(buildSnippet(text, ['冷链']))).not.toMatch(/^…?[\uDC00-\uDFFF]|[\uD800-\uDBFF]…?$/);
  });
  it('does not start inside the bracket that closes the previous clause', () => {
    const text = `${'推动智慧物流建设。'.repeat(8)}支持数字化仓库发展（市商务局、市通信管理局等部门按职责分工负责）优化冷链物流产业空间布局。`;
    const parts = buildSnippet(text, ['冷链']);
    expect(snippetText(parts)).toMatch(/^…优化冷链物流/);
  });
});

describe('buildSnippet on the punctuation of real documents', () => {
  it.each([
    [
      'quotes, dashes, middle dots and a no-break space',
      '推动“互联网+”—冷链·物流×2\u00a0冷链',
      '推动“**互联网**+”—**冷链**·物流×2 **冷链**',
    ],
    ['an ellipsis, which NFKC expands', '推动“互联网+”—冷链·物流…冷链', '推动“**互联网**+”—**冷链**·物流…**冷链**'],
    ['traditional characters and full-width letters', '發展冷鏈，ＡＩ應用', '發展**冷鏈**，**ＡＩ**應用'],
    ['a character outside the basic plane', '𠀀冷链“ＡＩ”', '𠀀**冷链**“**ＡＩ**”'],
  ])('marks the hits exactly in text with %s', (_about, text, marked) => {
    expect(snippetToMarkdown(buildSnippet(text, ['冷链', '互联网', 'ai']))).toBe(marked);
  });
});
