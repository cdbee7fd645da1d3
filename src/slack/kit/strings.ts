import { type DueLike, duePhrase } from '../../core/digest/due-phrase.ts';
import type { StorageProblem } from '../../db/errors.ts';
import { defineStrings } from '../../lib/strings.ts';

/** Strings shared by every feature (errors, generic buttons). */
export const commonStrings = defineStrings(
  {
    appName: '政策举措助手',
    /** Stands for an id in examples while nothing is indexed yet. */
    exampleIdPlaceholder: '编号',
    /** Brackets and colons follow the language: （已过期） and 原因：… in Chinese, (past due) and reason: … in English. */
    inParens: (text: string) => `（${text}）`,
    colon: '：',
    genericError: '出错了，请稍后再试。如果一直出现，请联系管理员。',
    /** Another process (an ingest) kept the index locked past the retry budget: nothing was saved. */
    busyError: '索引正忙（正在添加文件），这次操作没有保存，请稍后再试。',
    /** The database could not be written or read: nothing was saved, and only an admin can fix it. */
    storageError: {
      full: '服务器磁盘已满，索引暂时无法写入，这次操作没有保存。请联系管理员清理磁盘。',
      readonly: '索引暂时无法写入（服务器上的数据库是只读的），这次操作没有保存。请联系管理员。',
      io: '服务器读写索引时出错（可能磁盘已满或故障），这次操作没有保存。请联系管理员。',
      corrupt: '索引数据库已损坏，这次操作没有完成。请联系管理员从备份恢复。',
      cantopen: '索引数据库无法打开，这次操作没有完成。请联系管理员。',
    } satisfies Record<StorageProblem, string>,
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
    exampleIdPlaceholder: 'id',
    inParens: (text: string) => ` (${text})`,
    colon: ': ',
    genericError: 'Something went wrong. Please try again; if it keeps happening, tell an admin.',
    busyError: 'The index is busy (documents are being added): nothing was saved. Please try again in a moment.',
    storageError: {
      full: 'The server’s disk is full, so the index cannot be written: nothing was saved. Please ask an admin to free some space.',
      readonly:
        'The index cannot be written right now (the database on the server is read-only): nothing was saved. Please tell an admin.',
      io: 'The server could not read or write the index (the disk may be full or failing): nothing was saved. Please tell an admin.',
      corrupt:
        'The index database is damaged, so this could not be done. Please ask an admin to restore it from a backup.',
      cantopen: 'The index database cannot be opened, so this could not be done. Please tell an admin.',
    } satisfies Record<StorageProblem, string>,
    tooLong: (max: number) => `That is too long (at most ${max} characters). Please shorten it.`,
    expired: 'This message has expired. Run /measures again.',
    notInChannelShared:
      'I am not a member of this channel, so I shared it through Slack directly. Invite me (/invite @measures) to share reliably.',
    sharedBy: (user: string) => `Shared by <@${user}>`,
    andMore: (n: number) => `${n} more not shown`,
    duePhrase: (t: DueLike) => duePhrase(t, 'en'),
  },
);
