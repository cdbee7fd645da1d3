import { MEASURES_COMMAND } from '../ids.ts';
import type { RenderedButton } from './render-text.ts';

/** The payloads Slack would send for what the console user typed (shapes from the slack-reference fixtures). */

export const CONSOLE_USER = 'ULOCALUSER';
export const CONSOLE_CHANNEL = 'CLOCAL';
export const CONSOLE_TEAM = 'TLOCAL';
const BOT_USER = 'UMEASURESBOT';

// Event ids must differ across console sessions too: handled event ids are remembered in the database.
let triggerSeq = 0;
const sessionTag = Date.now().toString(36);
const trigger = () => `${Date.now()}.${++triggerSeq}.local`;

export function slashCommand(text: string, responseUrl: string): Record<string, unknown> {
  return {
    token: 'local',
    team_id: CONSOLE_TEAM,
    team_domain: 'local',
    channel_id: CONSOLE_CHANNEL,
    channel_name: 'console',
    user_id: CONSOLE_USER,
    user_name: 'you',
    command: MEASURES_COMMAND,
    text,
    api_app_id: 'ALOCAL',
    response_url: responseUrl,
    trigger_id: trigger(),
  };
}

export function buttonPress(
  b: RenderedButton,
  message: { ts: string; blocks: unknown[]; ephemeral: boolean },
  responseUrl: string,
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: CONSOLE_USER, username: 'you', name: 'you', team_id: CONSOLE_TEAM },
    api_app_id: 'ALOCAL',
    token: 'local',
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: CONSOLE_CHANNEL,
      is_ephemeral: message.ephemeral,
    },
    trigger_id: trigger(),
    team: { id: CONSOLE_TEAM, domain: 'local' },
    channel: { id: CONSOLE_CHANNEL, name: 'console' },
    message: { type: 'message', user: BOT_USER, ts: message.ts, text: '', blocks: message.blocks },
    response_url: responseUrl,
    actions: [
      {
        action_id: b.actionId,
        block_id: b.blockId ?? 'b',
        text: { type: 'plain_text', text: b.label, emoji: true },
        ...(b.value !== undefined ? { value: b.value } : {}),
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: 'local',
    team_id: CONSOLE_TEAM,
    api_app_id: 'ALOCAL',
    event,
    type: 'event_callback',
    event_id: `EvLOCAL${sessionTag}${++triggerSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: CONSOLE_TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
  };
}

export function appMention(text: string): Record<string, unknown> {
  const ts = `${Date.now() / 1000}`;
  return eventCallback({
    type: 'app_mention',
    user: CONSOLE_USER,
    text: `<@${BOT_USER}> ${text}`,
    ts,
    channel: CONSOLE_CHANNEL,
    event_ts: ts,
  });
}

/** The console's DM with the bot (where `upload` shares a file). */
export const CONSOLE_DM = 'DLOCAL';

/** A file shared in the bot's DM (`upload path`). */
export function fileShared(fileId: string, ts: string): Record<string, unknown> {
  return eventCallback({
    type: 'file_shared',
    channel_id: CONSOLE_DM,
    file_id: fileId,
    user_id: CONSOLE_USER,
    file: { id: fileId },
    event_ts: ts,
  });
}

export function appHomeOpened(): Record<string, unknown> {
  return eventCallback({
    type: 'app_home_opened',
    user: CONSOLE_USER,
    channel: CONSOLE_DM,
    tab: 'home',
    event_ts: `${Date.now() / 1000}`,
  });
}
