/** Slack-shaped payloads for the follow-up end-to-end tests (shapes from slack-reference/payloads). */

export const CHANNEL = 'C0POLICY1';
export const ASSIGNEE = 'U0ASSIGNEE';
export const CREATOR = 'U0CREATOR';
export const STRANGER = 'U0STRANGER';

export function cardButton(
  actionId: string,
  value: string,
  opts: { user: string; channel?: string; messageTs?: string; threadTs?: string; home?: boolean },
) {
  const channel = opts.channel ?? CHANNEL;
  const base = {
    type: 'block_actions',
    user: { id: opts.user, username: 'u', name: 'u', team_id: 'T0G9PQBBK' },
    api_app_id: 'A0KRD7HC3',
    token: 'x',
    trigger_id: `trig.${Math.random().toString(36).slice(2)}`,
    team: { id: 'T0G9PQBBK', domain: 'testteam' },
    actions: [
      {
        action_id: actionId,
        block_id: 'b',
        text: { type: 'plain_text', text: 'x' },
        value,
        type: 'button',
        action_ts: '1700000000.000100',
      },
    ],
  };
  if (opts.home)
    return { ...base, container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home', blocks: [] } };
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: opts.messageTs ?? '1700000000.000001',
      channel_id: channel,
      is_ephemeral: false,
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    },
    channel: { id: channel, name: 'policy' },
    message: {
      type: 'message',
      ts: opts.messageTs ?? '1700000000.000001',
      ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
      text: '',
      blocks: [],
    },
    response_url: 'http://127.0.0.1:1/unused',
  };
}

export function viewSubmission(
  view: { callback_id: string; private_metadata: string },
  values: Record<string, Record<string, unknown>>,
  opts: { user: string; viewId: string },
) {
  return {
    type: 'view_submission',
    team: { id: 'T0G9PQBBK', domain: 'testteam' },
    user: { id: opts.user, username: 'u', name: 'u', team_id: 'T0G9PQBBK' },
    api_app_id: 'A0KRD7HC3',
    token: 'x',
    trigger_id: '111.222.valid',
    view: {
      id: opts.viewId,
      team_id: 'T0G9PQBBK',
      type: 'modal',
      blocks: [],
      private_metadata: view.private_metadata,
      callback_id: view.callback_id,
      state: { values },
      hash: '1596530361.3wRYuk3R',
      title: { type: 'plain_text', text: 'x' },
      app_id: 'A0KRD7HC3',
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  };
}

export function mention(text: string, opts: { user: string; ts: string; threadTs?: string; channel?: string }) {
  return {
    type: 'app_mention',
    user: opts.user,
    text,
    ts: opts.ts,
    channel: opts.channel ?? CHANNEL,
    event_ts: opts.ts,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
  };
}
