import { describe, expect, it } from 'vitest';
import { mentionIntent } from '../../../src/core/followups/mention-intent.ts';
import { parseFollowupCommand } from '../../../src/core/followups/parse-command.ts';

const intent = (text: string, threadHasFollowup: boolean) => mentionIntent(parseFollowupCommand(text), { threadHasFollowup });

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
    expect(intent('due next 90d', true)).toBe('followup_error');
    expect(intent('blocked', true)).toBe('followup_error');
    expect(intent('冷链', true)).toBe('other');
    expect(intent('help', true)).toBe('other');
  });
});
