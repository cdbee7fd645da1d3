import { type DueLike, duePhrase } from '../../core/digest/due-phrase.ts';
import { defineStrings } from '../../lib/strings.ts';

/** Strings shared by every feature (errors, generic buttons). */
export const commonStrings = defineStrings(
  {
    appName: '政策举措助手',
    genericError: '出错了，请稍后再试。如果一直出现，请联系管理员。',
    tooLong: (max: number) => `输入过长（最多 ${max} 个字符），请缩短后再试。`,
    expired: '这条消息已过期，请重新运行 /measures。',
    notInChannelShared: '我还不是本频道成员，已通过 Slack 直接发到频道。邀请我加入（/invite @measures）后分享更稳妥。',
    sharedBy: (user: string) => `由 <@${user}> 分享`,
    andMore: (n: number) => `还有 ${n} 条未显示`,
    /** A target's deadline as the document states it: 2023年底前, not a made-up day. */
    duePhrase: (t: DueLike) => duePhrase(t, 'zh'),
  },
  {
    appName: 'Policy measures',
    genericError: 'Something went wrong. Please try again; if it keeps happening, tell an admin.',
    tooLong: (max: number) => `That is too long (at most ${max} characters). Please shorten it.`,
    expired: 'This message has expired. Run /measures again.',
    notInChannelShared:
      'I am not a member of this channel, so I shared it through Slack directly. Invite me (/invite @measures) to share reliably.',
    sharedBy: (user: string) => `Shared by <@${user}>`,
    andMore: (n: number) => `${n} more not shown`,
    duePhrase: (t: DueLike) => duePhrase(t, 'en'),
  },
);
