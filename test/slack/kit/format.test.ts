import { describe, expect, it } from 'vitest';
import { shortTitle } from '../../../src/slack/kit/format.ts';
import { withoutTitle } from '../../../src/slack/search/measure-detail.ts';

describe('shortTitle', () => {
  it('keeps short titles and the title inside 《》', () => {
    expect(shortTitle('天津市加快发展新型消费实施方案')).toBe('天津市加快发展新型消费实施方案');
    expect(shortTitle('关于印发《长沙市加快发展夜间经济三年行动计划》的通知')).toBe(
      '长沙市加快发展夜间经济三年行动计划',
    );
  });

  it('cuts a long title before a bracket it would cut through, never inside a year', () => {
    const title = '四川省促进县域商业高质量发展行动方案（2024—2026年）';
    const cut = shortTitle(title, 24);
    expect(cut).toBe('四川省促进县域商业高质量发展行动方案…');
    for (const max of [20, 22, 26, 28]) expect(shortTitle(title, max), String(max)).not.toMatch(/\d…$|[（(][^）)]*…$/);
  });
});

describe('withoutTitle', () => {
  it('drops the measure title that the first task repeats, keeping a task that is only the title', () => {
    expect(withoutTitle('加快信息网络基础设施建设。加快5G网络建设。', '加快信息网络基础设施建设')).toBe(
      '加快5G网络建设。',
    );
    expect(withoutTitle('加快信息网络基础设施建设', '加快信息网络基础设施建设')).toBe('加快信息网络基础设施建设');
    expect(withoutTitle('推进冷链建设。', '加快信息网络基础设施建设')).toBe('推进冷链建设。');
  });
});
