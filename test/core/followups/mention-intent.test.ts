import { describe, expect, it } from 'vitest';
import { mentionIntent } from '../../../src/core/followups/mention-intent.ts';

const intent = (text: string, threadHasFollowup: boolean) => mentionIntent(text, { threadHasFollowup }).intent;

type Case = [text: string, threadHasFollowup: boolean, expected: ReturnType<typeof intent>];

describe('mentionIntent', () => {
  const groups: [name: string, cases: Case[]][] = [
    [
      'searches words that are also follow-up verbs unless they parse fully as a command about a follow-up',
      ['due 2023', 'due next 90d', '期限 2023年', '完成 情况', '开始 时间', 'start'].map(
        (t): Case => [t, false, 'other'],
      ),
    ],
    [
      'a complete command in a follow-up thread, or naming F<n>, is a follow-up command',
      [
        ['due 2024-06-30', true, 'followup'],
        ['done', true, 'followup'],
        ['done F3', false, 'followup'],
        ['repost F3', false, 'followup'],
        ['assign <@U1>', false, 'followup'],
      ],
    ],
    [
      'a broken command inside a follow-up thread is answered with its error; help and searches are not follow-ups',
      [
        ['blocked', true, 'followup_error'],
        ['due', true, 'followup_error'],
        ['due F3 someday', false, 'followup_error'],
        ['冷链', true, 'other'],
        ['help', true, 'other'],
      ],
    ],
    [
      'inside a follow-up thread, a verb followed by a search is still a search (digest threads stay searchable)',
      [
        'due next 28d',
        'due 2023-06',
        'due overdue',
        '期限 2023年',
        '期限 未来30天',
        '截止 2024年6月',
        '完成 情况',
        '开始 时间',
        'done rate',
        '重发 通知',
      ].map((t): Case => [t, true, 'other']),
    ],
    [
      'inside a follow-up thread, a date or an F<n> keeps the verb a command, with extra words after the F<n>',
      [
        ['期限 2027年3月5日', true, 'followup'],
        ['due F2 2027-03-05', true, 'followup'],
        ['完成', true, 'followup'],
        ['开始 F3', true, 'followup'],
        ['done F3 finally', true, 'followup'],
      ],
    ],
    [
      'the F<n> may stand anywhere in the sentence, and verbs that are no search words are always commands',
      [
        ['blocked 等待数据 F2', false, 'followup'],
        ['reassign <@U9> F2', false, 'followup'],
        ['due 2027-06-30 F2', false, 'followup'],
        ['blocked 等待数据', false, 'followup'],
        ['reassign <@U9>', false, 'followup'],
        ['cancel', false, 'followup'],
        ['blocked', false, 'followup_error'],
      ],
    ],
  ];

  describe.each(groups)('%s', (_name, cases) => {
    it.each(cases)('%s (follow-up thread: %s) → %s', (text, inThread, expected) => {
      expect(intent(text, inThread), text).toBe(expected);
    });
  });

  it('a verb with an F<n> in a follow-up thread parses to that follow-up and change', () => {
    expect(mentionIntent('完成 F3', { threadHasFollowup: true }).parsed).toMatchObject({
      ok: true,
      command: { followupId: 'F3', change: { kind: 'done' } },
    });
  });
});
