import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * The Web API surface the bot uses (chat, views), one type for every feature, job and command: the listeners'
 * client, the jobs' and `measures digest --post`'s all satisfy it, and so does a test double.
 */
export type SlackClient = Pick<WebClient, 'chat' | 'views'>;

/**
 * Web API options shared by every client the app builds: the base URL from SLACK_API_URL (tests and the local
 * console point it at a local fake). A fresh object per call: the Socket Mode client writes its own retry
 * policy into the options it is given, which must not leak into the bot's Web API client.
 */
export function slackClientOptions(apiUrl: string | undefined): WebClientOptions {
  return apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {};
}

/**
 * A Web API client outside Bolt (the command line). A person is waiting at the terminal, so it retries once
 * and fails readably instead of using the default 30-minute retry policy.
 */
export function createSlackClient(token: string, apiUrl: string | undefined): WebClient {
  return new WebClient(token, { ...slackClientOptions(apiUrl), retryConfig: { retries: 1 }, logLevel: LogLevel.ERROR });
}

/** The Slack error code of a Web API failure (`not_in_channel`), else the error's code or message. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}
