import { describe, expect, it } from 'vitest';
import { assignIds, idAllocator, type OldItem, suffixFresh } from '../../../src/core/ingest/assign-ids.ts';

const none = () => false;
const old = (id: string, label: string, text: string, title = ''): OldItem => ({ id, label, title, text });
const item = (label: string, text: string, preferredId: string, title = '') => ({ label, title, text, preferredId });

describe('assignIds', () => {
  it('keeps ids of unchanged items when an item is inserted before them, and gives the new one a never-used id', () => {
    const existing = [old('d-1', '（一）', '建设冷链物流追溯系统'), old('d-2', '（二）', '加快发展在线教育')];
    const r = assignIds(
      existing,
      [
        item('（一）', '新增的一条措施：举办消费季活动', 'd-1'),
        item('（二）', '建设冷链物流追溯系统', 'd-2'),
        item('（三）', '加快发展在线教育', 'd-3'),
      ],
      idAllocator((id) => existing.some((e) => e.id === id), suffixFresh),
    );
    expect(r.map((x) => x.id)).toEqual(['d-1-b', 'd-1', 'd-2']);
    expect(r.map((x) => x.matchedBy)).toEqual(['new', 'same', 'same']);
  });

  it('keeps the id of a lightly edited item (a changed year) even when it moved', () => {
    const existing = [
      old('d-1', '（一）', '到2022年底累计建成5G基站5万个，实现中心城区全面覆盖'),
      old('d-2', '（二）', '完善物流基础设施网络'),
    ];
    const r = assignIds(
      existing,
      [
        item('（一）', '完善物流基础设施网络', 'd-1'),
        item('（二）', '到2023年底累计建成5G基站6万个，实现中心城区全面覆盖', 'd-2'),
      ],
      idAllocator(none, suffixFresh),
    );
    expect(r.map((x) => [x.id, x.matchedBy])).toEqual([
      ['d-2', 'same'],
      ['d-1', 'similar'],
    ]);
  });

  it('matches by title when the text was rewritten', () => {
    const r = assignIds(
      [old('d-1', '（一）', '甲乙丙丁戊己庚辛', '加强组织领导')],
      [item('（二）', '子丑寅卯辰巳午未', 'd-2', '加强组织领导')],
      idAllocator(none, suffixFresh),
    );
    expect(r[0]).toMatchObject({ id: 'd-1', matchedBy: 'title' });
  });

  it('matches by label only when the texts are still related', () => {
    const related = assignIds(
      [old('d-1', '（一）', '推进电子商务公共服务平台应用组织企业参与')],
      [item('（一）', '推进电子商务平台应用，组织更多企业积极参与惠民行动并扩大覆盖范围', 'd-1')],
      idAllocator(none, suffixFresh),
    );
    expect(related[0]).toMatchObject({ id: 'd-1' });
    // A different commitment under the same number does not inherit the old id (nor may it ever take it).
    const unrelated = assignIds(
      [old('d-1', '（一）', '推进电子商务公共服务平台应用')],
      [item('（一）', '完善劳动保障政策出台维护新就业形态劳动者权益', 'd-1')],
      idAllocator((id) => id === 'd-1', suffixFresh),
    );
    expect(unrelated[0]).toMatchObject({ id: 'd-1-b', matchedBy: 'new' });
  });

  it('never hands out a retired id', () => {
    const retired = new Set(['d-1', 'd-1-b']);
    const r = assignIds(
      [],
      [item('（一）', 'x', 'd-1')],
      idAllocator((id) => retired.has(id), suffixFresh),
    );
    expect(r[0]!.id).toBe('d-1-c');
  });

  it('assigns ids to 40,000 items that all share one label and one text in linear time', () => {
    const n = 40_000;
    const incoming = Array.from({ length: n }, () => item('第一条', '', 'd-1'));
    const first = assignIds([], incoming, idAllocator(none, suffixFresh));
    expect(new Set(first.map((x) => x.id)).size).toBe(n);
    // Re-ingested with one item dropped: every remaining item keeps an old id, one id retires.
    const existing = first.map((x) => old(x.id, '第一条', ''));
    const again = assignIds(existing, incoming.slice(1), idAllocator(none, suffixFresh));
    expect(again.every((x) => x.matchedBy === 'same')).toBe(true);
  });
});

describe('suffixFresh', () => {
  it('runs through letters, then numbered letters', () => {
    expect(suffixFresh('d-4', 1)).toBe('d-4-b');
    expect(suffixFresh('d-4', 22)).toBe('d-4-z');
    expect(suffixFresh('d-4', 23)).toBe('d-4-b2');
  });
});
