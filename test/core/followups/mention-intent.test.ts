import { describe, expect, it } from 'vitest';
import { mentionIntent } from '../../../src/core/followups/mention-intent.ts';

const intent = (text: string, threadHasFollowup: boolean) => mentionIntent(text, { threadHasFollowup }).intent;

describe('mentionIntent', () => {
  it('searches words that are also follow-up verbs unless they parse fully as a command about a follow-up', () => {
    for (const text of ['due 2023', 'due next 90d', '期限 2023年', '完成 情况', '开始 时间', 'start']) {
      expect(intent(text, false), text).toBe('other');
    }
  });

  it('a complete command in a follow-up thread, or naming F<n>, is a follow-up command', () => {
    expect(intent('due 2024-06-30', true)).toBe('followup');
    expect(intent('done', true)).toBe('followup');
    expect(intent('done F3', false)).toBe('followup');
    expect(intent('repost F3', false)).toBe('followup');
    expect(intent('assign <@U1>', false)).toBe('followup');
  });

  it('a broken command inside a follow-up thread is answered with its error; help and searches are not follow-ups', () => {
    expect(intent('blocked', true)).toBe('followup_error');
    expect(intent('due', true)).toBe('followup_error');
    expect(intent('due F3 someday', false)).toBe('followup_error');
    expect(intent('冷链', true)).toBe('other');
    expect(intent('help', true)).toBe('other');
  });

  it('inside a follow-up thread, a verb followed by a search is still a search (digest threads stay searchable)', () => {
    for (const text of ['due next 28d', 'due 2023-06', 'due overdue', '期限 2023年', '期限 未来30天', '截止 2024年6月', '完成 情况', '开始 时间', 'done rate', '重发 通知']) {
      expect(intent(text, true), text).toBe('other');
    }
  });

  it('inside a follow-up thread, a date or an F<n> keeps the verb a command, with extra words after the F<n>', () => {
    expect(intent('期限 2027年3月5日', true)).toBe('followup');
    expect(intent('due F2 2027-03-05', true)).toBe('followup');
    expect(intent('完成', true)).toBe('followup');
    expect(intent('开始 F3', true)).toBe('followup');
    expect(intent('done F3 finally', true)).toBe('followup');
    expect(mentionIntent('完成 F3', { threadHasFollowup: true }).parsed).toMatchObject({ ok: true, command: { followupId: 'F3', change: { kind: 'done' } } });
  });
});
