import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../../src/core/digest/render-text.ts';
import type { Digest, DigestItem } from '../../../src/core/digest/types.ts';

const item = (over: Partial<DigestItem> = {}): DigestItem => ({
  targetId: 'z8wv-4.1.t1',
  taskId: 'z8wv-4.1',
  measureId: 'z8wv-4',
  file: '004.txt',
  documentTitle: '天津市加快发展新型消费实施方案',
  region: '天津市',
  label: '（四）',
  text: '到2022年底累计建成5G基站5万个',
  quantity: '5万个',
  due: '2022-12-31',
  precision: 'year',
  periodStart: null,
  departments: ['市工业和信息化局', '市通信管理局'],
  followups: [{ id: 'F1', assignee: 'UWANG', status: 'in_progress' }],
  documentExpired: false,
  source: 'policy',
  ...over,
});

const digest = (): Digest => ({
  asOf: '2022-12-05',
  horizonDays: 28,
  upcoming: [item()],
  overdue: [item({ taskId: 'a4bd-q2.1', source: 'qa' })],
  done: [
    {
      followupId: 'F2',
      measureId: 'z8wv-4',
      taskId: null,
      targetId: null,
      assignee: 'ULI',
      status: 'done',
      closedAt: '2022-12-04T17:30:00.000Z',
      file: '004.txt',
      label: '（四）',
      text: '加快信息网络基础设施建设',
    },
  ],
});

describe('renderDigestText', () => {
  it('speaks one language: statuses as words, closing dates in DIGEST_TZ, no raw enum or UTC instant', () => {
    const en = renderDigestText(digest(), 'en', 'Asia/Shanghai');
    expect(en).toContain('(in progress)');
    expect(en).toContain('F2 done 2022-12-05 ULI');
    expect(en).toContain('lead: 市工业和信息化局, 市通信管理局');
    expect(en).not.toMatch(/in_progress|T\d{2}:\d{2}|牵头/);
    const zh = renderDigestText(digest(), 'zh', 'Asia/Shanghai');
    expect(zh).toContain('（进行中）'.replace('（', '(').replace('）', ')'));
    expect(zh).toContain('F2 已完成 2022-12-05');
  });

  it('marks targets quoted from a Q&A or a commentary as context', () => {
    const en = renderDigestText(digest(), 'en', 'Asia/Shanghai');
    const qaLine = en.split('\n').find((l) => l.includes('a4bd-q2.1'));
    expect(qaLine).toBeDefined();
    expect(en).toContain('(quoted in a Q&A or commentary: context, not our commitment)');
  });
});
