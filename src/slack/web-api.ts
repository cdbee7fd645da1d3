import type { WebClient } from '@slack/web-api';

/**
 * The Web API surface the app's Slack-side modules use, and how a failure is named. One definition for every
 * feature (follow-ups, digest): pass a WebClient, or a fake with these methods in tests.
 */
export type SlackClient = Pick<WebClient, 'chat' | 'views'>;

/** The Slack error code of a Web API failure (`not_in_channel`), else the error's code or message. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}
