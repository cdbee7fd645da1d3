import { createHmac } from 'node:crypto';

/** Signs and shapes requests exactly as Slack sends them to /slack/events (see slack-reference/signing.md). */

export function slackSignature(signingSecret: string, timestamp: string | number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export function signedHeaders(
  signingSecret: string,
  rawBody: string,
  contentType: string,
  timestampSec = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    // Exactly this header, no charset: bolt-js keys form parsing off it (a charset suffix gives 400).
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': slackSignature(signingSecret, timestampSec, rawBody),
  };
}

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

/** A slash command body: form fields, as in payloads/slash-command.*.body.txt. */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  command?: string;
}): string {
  return new URLSearchParams({
    token: 'xyzz0WbapA4vBCDEFasx0q6G',
    team_id: 'T0G9PQBBK',
    team_domain: 'testteam',
    channel_id: fields.channelId ?? 'C2147483705',
    channel_name: 'policy',
    user_id: fields.userId ?? 'U2147483697',
    user_name: 'steve',
    command: fields.command ?? '/measures',
    text: fields.text,
    api_app_id: 'A0KRD7HC3',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: '13345224609.738474920.8088930838d88f008e0',
  }).toString();
}

/** An interactivity body: a single `payload=` field holding the JSON. */
export function interactivityBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** A block_actions payload for one button, shaped like payloads/block-actions.message-button.json. */
export function buttonPayload(a: {
  actionId: string;
  value: string;
  responseUrl: string;
  userId?: string;
  channelId?: string;
  isEphemeral?: boolean;
}): unknown {
  const channel = a.channelId ?? 'C2147483705';
  return {
    type: 'block_actions',
    user: { id: a.userId ?? 'U2147483697', username: 'steve', name: 'steve', team_id: 'T0G9PQBBK' },
    api_app_id: 'A0KRD7HC3',
    token: 'xyzz0WbapA4vBCDEFasx0q6G',
    container: {
      type: 'message',
      message_ts: '1605853634.000400',
      channel_id: channel,
      is_ephemeral: a.isEphemeral ?? true,
    },
    trigger_id: '111.222.xxx',
    team: { id: 'T0G9PQBBK', domain: 'testteam' },
    channel: { id: channel, name: 'policy' },
    message: { type: 'message', user: 'W23456789', ts: '1605853634.000400', text: '', blocks: [] },
    response_url: a.responseUrl,
    actions: [
      {
        action_id: a.actionId,
        block_id: 'b',
        text: { type: 'plain_text', text: 'x', emoji: true },
        value: a.value,
        type: 'button',
        action_ts: '1605853645.582706',
      },
    ],
  };
}

/** An Events API envelope around `event`. */
export function eventBody(
  event: Record<string, unknown>,
  eventId = `Ev${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
): string {
  return JSON.stringify({
    token: 'XXYYZZ',
    team_id: 'T0G9PQBBK',
    api_app_id: 'A0KRD7HC3',
    event,
    type: 'event_callback',
    authorizations: [{ team_id: 'T0G9PQBBK', user_id: 'W23456789', is_bot: true, is_enterprise_install: false }],
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
  });
}
