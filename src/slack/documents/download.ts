/**
 * Downloads a file a user shared with the bot (`url_private_download`), with the bot token. Bounded: the size
 * Slack reported is checked before anything is fetched, and the body is read in chunks and abandoned as soon as
 * it passes the limit (Slack's `size` may be missing or wrong); the whole download has a deadline.
 */

/** How long a download may take. A 5 MB document arrives in seconds; a stalled transfer must not hang the handler. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

/** Redirects followed: Slack may hand a download to another of its hosts. */
export const MAX_DOWNLOAD_REDIRECTS = 3;

/** Where Slack serves files. The bot token is sent nowhere else (SLACK_API_URL's origin is added for tests and the console). */
export const SLACK_FILES_ORIGIN = 'https://files.slack.com';

export type DownloadProblem = 'too_large' | 'timeout' | 'failed' | 'not_slack';

export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    readonly problem: DownloadProblem,
    message: string,
    /** For too_large: how many bytes were seen (or reported) when it was refused. */
    readonly bytes?: number,
  ) {
    super(message);
  }
}

export interface DownloadOptions {
  token: string;
  maxBytes: number;
  /** Origins the token may be sent to. */
  allowedOrigins: readonly string[];
  timeoutMs?: number;
  /** What Slack reported as the file's size (files.info `size`). */
  reportedBytes?: number;
}

/** The origins a download may go to: Slack's file host, plus the origin of SLACK_API_URL when it is set. */
export function downloadOrigins(apiUrl: string | undefined): string[] {
  const origins = [SLACK_FILES_ORIGIN];
  if (apiUrl) {
    try {
      origins.push(new URL(apiUrl).origin);
    } catch {
      // config.ts already refused a malformed URL; nothing to add.
    }
  }
  return origins;
}

/**
 * @example await downloadFile(file.url_private_download, { token, maxBytes: 5 << 20, allowedOrigins: [SLACK_FILES_ORIGIN] })
 */
export async function downloadFile(url: string, opts: DownloadOptions): Promise<Uint8Array> {
  if (opts.reportedBytes !== undefined && opts.reportedBytes > opts.maxBytes) {
    throw new DownloadError(
      'too_large',
      `reported size ${opts.reportedBytes} is over ${opts.maxBytes}`,
      opts.reportedBytes,
    );
  }
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new DownloadError('not_slack', 'the download URL is not a URL');
  }
  if (!opts.allowedOrigins.includes(origin)) {
    throw new DownloadError('not_slack', `refusing to send the bot token to ${origin}`);
  }
  const signal = AbortSignal.timeout(opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  try {
    const res = await fetchFollowing(url, opts, signal);
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new DownloadError('failed', `HTTP ${res.status}`);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      await res.body.cancel();
      throw new DownloadError('too_large', `content-length ${declared} is over ${opts.maxBytes}`, declared);
    }
    // Without files:read (or with a bad token) Slack answers with its sign-in page instead of the file.
    if ((res.headers.get('content-type') ?? '').startsWith('text/html') && !/\.html?$/i.test(new URL(url).pathname)) {
      await res.body.cancel();
      throw new DownloadError(
        'failed',
        'Slack answered with a web page, not the file (missing files:read or a bad token?)',
      );
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > opts.maxBytes) {
        await reader.cancel();
        throw new DownloadError('too_large', `more than ${opts.maxBytes} bytes`, total);
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (signal.aborted)
      throw new DownloadError('timeout', `no complete answer within ${opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS} ms`);
    throw new DownloadError('failed', (err as Error).message);
  }
}

/**
 * GET with redirects followed by hand: the token goes only to allowed origins (a redirect to another host, such as
 * a signed storage URL, is followed without it), only http(s), at most MAX_DOWNLOAD_REDIRECTS hops.
 */
async function fetchFollowing(url: string, opts: DownloadOptions, signal: AbortSignal): Promise<Response> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const withToken = opts.allowedOrigins.includes(current.origin);
    const res = await fetch(current, {
      headers: withToken ? { Authorization: `Bearer ${opts.token}` } : {},
      redirect: 'manual',
      signal,
    });
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (!location) return res;
    await res.body?.cancel();
    const next = new URL(location, current);
    if (hop >= MAX_DOWNLOAD_REDIRECTS || (next.protocol !== 'https:' && next.protocol !== 'http:')) {
      throw new DownloadError('failed', `too many redirects or a redirect to ${next.protocol}`);
    }
    current = next;
  }
}
