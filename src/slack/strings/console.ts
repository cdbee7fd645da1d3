import { defineStrings } from './types.ts';

/** The local console (no Slack credentials): prompts and hints printed on the terminal. */
export const consoleStrings = defineStrings(
  {
    consoleBanner: '本地控制台（未配置 Slack）。输入 `/measures 冷链` 或直接输入关键词；`press 1` 点击按钮；`home` 打开主页；`exit` 退出。',
    consolePressHint: '输入 press <编号> 点击按钮',
    consoleNoSuchButton: (n: string) => `没有编号为 ${n} 的按钮。`,
    consoleEphemeral: '仅你可见',
    consolePublic: '频道内公开',
  },
  {
    consoleBanner: 'Local console (no Slack configured). Type `/measures cold chain` or just keywords; `press 1` presses a button; `home` opens the Home tab; `exit` quits.',
    consolePressHint: 'type press <number> to press a button',
    consoleNoSuchButton: (n: string) => `There is no button ${n}.`,
    consoleEphemeral: 'only visible to you',
    consolePublic: 'posted in channel',
  },
);
