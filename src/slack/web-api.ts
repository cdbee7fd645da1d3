import { LogLevel, WebClient, type WebClientOptions } from '@slack/web-api';

/**
 * The Web API surface the bot uses (chat, views), one type for every feature, job and command: the listeners'
 * client, the jobs' and `measures digest --post`'s all satisfy it, and so does a test double.
 */
export type SlackClient = Pick<WebClient, 'chat' | 'views'>;

/** A SlackClient that can also read file metadata (files.info), for documents shared with the bot. */
export type SlackFilesClient = SlackClient & Pick<WebClient, 'files'>;

/**
 * Web API options shared by every client the app builds: the base URL from SLACK_API_URL (tests and the local
 * console point it at a local fake). A fresh object per call: the Socket Mode client writes its own retry
 * policy into the options it is given, which must not leak into the bot's Web API client.
 */
export function slackClientOptions(apiUrl: string | undefined): WebClientOptions {
  return apiUrl ? { slackApiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` } : {};
}

/** How a client built outside Bolt retries and waits. */
export interface SlackClientPolicy {
  retries: number;
  /** Throw on HTTP 429 instead of waiting out Retry-After. */
  rejectRateLimitedCalls?: boolean;
  timeoutMs?: number;
}

/**
 * A Web API client outside Bolt (the digest's posts, from the job and the command line), with the same
 * SLACK_API_URL handling as the app's and an explicit retry policy instead of the default 30-minute one.
 */
export function createSlackClient(token: string, apiUrl: string | undefined, policy: SlackClientPolicy): WebClient {
  return new WebClient(token, {
    ...slackClientOptions(apiUrl),
    retryConfig: { retries: policy.retries },
    ...(policy.rejectRateLimitedCalls ? { rejectRateLimitedCalls: true } : {}),
    ...(policy.timeoutMs !== undefined ? { timeout: policy.timeoutMs } : {}),
    logLevel: LogLevel.ERROR,
  });
}

/** The Slack error code of a Web API failure (`not_in_channel`), else the error's code or message. */
export function slackErrorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}
