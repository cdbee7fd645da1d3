import { defineStrings } from '../../lib/strings.ts';

/** The local console (no Slack credentials): prompts and hints printed on the terminal. */
export const consoleStrings = defineStrings(
  {
    consoleBanner:
      '本地控制台（未配置 Slack）。输入 `/measures 冷链` 或直接输入关键词；`press 1` 点击按钮；`home` 打开主页；`exit` 退出。\n' +
      '你的用户 id 是 ULOCALUSER（指派给自己写 `@me`）；提到同事写 `@wang`（控制台会当作 Slack 用户 UWANG），例如 `assign {id} @wang {date} 核实进度`；在跟进线程里用 `@measures done F1`，在别处写明编号：`@measures blocked 等待数据 F1`。\n' +
      '`upload 路径/文件.docx` 把本地文件当作私信发给我来收录。对话框（modal）无法在控制台填写：请用对应的命令。',
    consolePressHint: '输入 press <编号> 点击按钮',
    consoleModalHint:
      '（控制台无法填写对话框。指派请用 `assign <编号> @某人 YYYY-MM-DD 备注`；跟进状态请用 `@measures start|done|blocked <原因>|due <日期>|reassign @某人 F1`。）',
    consoleNoSuchButton: (n: string) => `没有编号为 ${n} 的按钮。`,
    consoleEphemeral: '仅你可见',
    consolePublic: '频道内公开',
    consoleDm: (user: string) => `私信给 @${user}`,
  },
  {
    consoleBanner:
      'Local console (no Slack configured). Type `/measures 冷链` or just keywords (the documents are Chinese); `press 1` presses a button; `home` opens the Home tab; `exit` quits.\n' +
      'You are user ULOCALUSER (assign yourself with `@me`); mention a colleague as `@wang` (the console treats it as Slack user UWANG), e.g. `assign {id} @wang {date} check progress`; in a follow-up thread use `@measures done F1`, elsewhere name it: `@measures blocked waiting for data F1`.\n' +
      '`upload path/to/file.docx` adds a local file as if sent to the bot in a DM. Dialogs (modals) cannot be filled in on the console: use the matching command instead.',
    consolePressHint: 'type press <number> to press a button',
    consoleModalHint:
      '(Dialogs cannot be filled in on the console. To assign use `assign <id> @someone YYYY-MM-DD note`; for follow-up states use `@measures start|done|blocked <reason>|due <date>|reassign @someone F1`.)',
    consoleNoSuchButton: (n: string) => `There is no button ${n}.`,
    consoleEphemeral: 'only visible to you',
    consolePublic: 'posted in channel',
    consoleDm: (user: string) => `direct message to @${user}`,
  },
);
