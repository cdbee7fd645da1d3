import { describe, expect, it } from 'vitest';
import {
  followupVerb,
  parseDate,
  parseFollowupCommand,
  parseUserMention,
} from '../../../src/core/followups/parse-command.ts';

describe('parseFollowupCommand', () => {
  it('reads assign with id, mention, date and note', () => {
    expect(parseFollowupCommand('assign abcd-4.1.t1 <@U123|wang> 2026-12-31 请跟进 冷库 & 仓储')).toEqual({
      ok: true,
      command: {
        kind: 'assign',
        itemId: 'abcd-4.1.t1',
        assignee: 'U123',
        due: '2026-12-31',
        note: '请跟进 冷库 & 仓储',
      },
    });
  });

  it('lets the id, date and note be left out (under a measure message)', () => {
    expect(parseFollowupCommand('assign <@U123>')).toEqual({
      ok: true,
      command: { kind: 'assign', itemId: null, assignee: 'U123', due: null, note: null },
    });
    expect(parseFollowupCommand('指派 <@W42> 看一下')).toEqual({
      ok: true,
      command: { kind: 'assign', itemId: null, assignee: 'W42', due: null, note: '看一下' },
    });
  });

  it('keeps notes and reasons as typed (callers decode Slack entities first)', () => {
    const r = parseFollowupCommand('blocked waiting for A & B <urgent>');
    expect(r).toEqual({
      ok: true,
      command: { kind: 'change', followupId: null, change: { kind: 'block', reason: 'waiting for A & B <urgent>' } },
    });
  });

  it('reads status verbs with an optional follow-up id, in English and Chinese', () => {
    expect(parseFollowupCommand('done')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: null, change: { kind: 'done' } },
    });
    expect(parseFollowupCommand('DONE f12')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: 'F12', change: { kind: 'done' } },
    });
    expect(parseFollowupCommand('完成')).toMatchObject({ ok: true, command: { change: { kind: 'done' } } });
    expect(parseFollowupCommand('开始 F3')).toMatchObject({
      ok: true,
      command: { followupId: 'F3', change: { kind: 'start' } },
    });
    expect(parseFollowupCommand('cancel')).toMatchObject({ ok: true, command: { change: { kind: 'cancel' } } });
    expect(parseFollowupCommand('reopen')).toMatchObject({ ok: true, command: { change: { kind: 'reopen' } } });
  });

  it('reads due and reassign', () => {
    expect(parseFollowupCommand('due 2027/3/5')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: null, change: { kind: 'due', due: '2027-03-05' } },
    });
    expect(parseFollowupCommand('due F2 2027年3月5日')).toMatchObject({
      ok: true,
      command: { followupId: 'F2', change: { due: '2027-03-05' } },
    });
    expect(parseFollowupCommand('reassign <@U999|li>')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: null, change: { kind: 'reassign', assignee: 'U999' } },
    });
  });

  it('says what is wrong', () => {
    expect(parseFollowupCommand('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseFollowupCommand('frobnicate')).toEqual({ ok: false, error: 'unknown_verb', verb: 'frobnicate' });
    expect(parseFollowupCommand('assign abcd-4 @wang')).toMatchObject({ ok: false, error: 'missing_user' });
    expect(parseFollowupCommand('assign abcd-4 <@U1> 2026-02-30')).toMatchObject({ ok: false, error: 'bad_date' });
    expect(parseFollowupCommand('due')).toMatchObject({ ok: false, error: 'missing_date' });
    expect(parseFollowupCommand('due tomorrow')).toMatchObject({ ok: false, error: 'bad_date' });
    expect(parseFollowupCommand('blocked')).toMatchObject({ ok: false, error: 'missing_reason' });
    expect(parseFollowupCommand('reassign wang')).toMatchObject({ ok: false, error: 'missing_user' });
  });
});

describe('mentions and dates', () => {
  it('reads both Slack mention forms', () => {
    expect(parseUserMention('<@U123>')).toBe('U123');
    expect(parseUserMention('<@U123|王 伟>')).toBe('U123');
    expect(parseUserMention('@U123')).toBeNull();
    expect(parseUserMention('<#C123>')).toBeNull();
  });

  it("repost names its follow-up or the thread's", () => {
    expect(parseFollowupCommand('repost f3')).toEqual({ ok: true, command: { kind: 'repost', followupId: 'F3' } });
    expect(parseFollowupCommand('重发')).toEqual({ ok: true, command: { kind: 'repost', followupId: null } });
  });

  it('has one verb table, case-insensitive, that does not answer to inherited names', () => {
    expect(followupVerb('DONE')).toBe('done');
    expect(followupVerb('期限')).toBe('due');
    expect(followupVerb('constructor')).toBeUndefined();
    expect(followupVerb('冷链')).toBeUndefined();
  });

  it('normalises dates and rejects impossible ones', () => {
    expect(parseDate('２０２６-１２-３１')).toBe('2026-12-31');
    expect(parseDate('2026.1.2')).toBe('2026-01-02');
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('12/31/2026')).toBeNull();
  });
});

describe('the follow-up id, user and date anywhere after the verb', () => {
  it('reads the sentences people write, as the help shows them', () => {
    expect(parseFollowupCommand('blocked 等待数据 F2')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: 'F2', change: { kind: 'block', reason: '等待数据' } },
    });
    expect(parseFollowupCommand('reassign <@U999|li> F2')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: 'F2', change: { kind: 'reassign', assignee: 'U999' } },
    });
    expect(parseFollowupCommand('due 2027-06-30 F2')).toEqual({
      ok: true,
      command: { kind: 'change', followupId: 'F2', change: { kind: 'due', due: '2027-06-30' } },
    });
    expect(parseFollowupCommand('done F2')).toMatchObject({ ok: true, command: { followupId: 'F2' } });
  });

  it('reads assign with the mention first and the id after it; plain words stay the note', () => {
    expect(parseFollowupCommand('assign <@U1> z8wv-4.1 2027-06-30 看一下')).toEqual({
      ok: true,
      command: { kind: 'assign', itemId: 'z8wv-4.1', assignee: 'U1', due: '2027-06-30', note: '看一下' },
    });
    expect(parseFollowupCommand('assign <@U1> please check')).toMatchObject({
      command: { itemId: null, note: 'please check' },
    });
    // A mistyped id before the mention is still the item (so it is reported), not the note.
    expect(parseFollowupCommand('assign z8wv4 <@U1>')).toMatchObject({ command: { itemId: 'z8wv4', note: null } });
  });
});
