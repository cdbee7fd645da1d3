import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { IntegrityWatch } from '../db/health.ts';
import { boltLogger } from './bolt-logger.ts';
import { type SlackDeps, type SlackDepsBase, slackDeps } from './deps.ts';
import { healthHandler } from './health.ts';
import { registerListeners } from './listeners/index.ts';
import { guardHttpReceiver } from './request-guard.ts';
import { slackClientOptions } from './web-api.ts';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

export interface SlackAppBase extends SlackDepsBase {
  /** The database's integrity check (a large file's runs in the background); /healthz reports damage it finds. */
  integrity?: IntegrityWatch;
}

export type SlackReceiverChoice =
  | { mode: 'http'; signingSecret: string; port: number; unhandledRequestTimeoutMillis?: number }
  | {
      mode: 'socket';
      appToken: string;
      /**
       * @slack/socket-mode's pong deadline, which is also how long it waits before reconnecting after Slack
       * closes the socket. Unset: the library's default (5 s), as in production.
       */
      clientPingTimeoutMs?: number;
    }
  | { mode: 'custom'; receiver: Receiver };

export interface SlackApp {
  app: App;
  deps: SlackDeps;
  /** Starts receiving. For HTTP, resolves with the port actually bound (PORT=0 picks a free one). */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/**
 * Builds the Bolt app with every listener registered. Nothing connects until start(). The Web API base URL
 * comes from SLACK_API_URL (tests and the local console point it at a local fake).
 */
export function createSlackApp(base: SlackAppBase, choice: SlackReceiverChoice, token: string): SlackApp {
  const deps = slackDeps(base);
  const logger = boltLogger(base.logger);
  const clientOptions = slackClientOptions(base.config.SLACK_API_URL);
  let receiver: Receiver;
  if (choice.mode === 'http') {
    const http = new HTTPReceiver({
      signingSecret: choice.signingSecret,
      // guardHttpReceiver below verifies every POST to EVENTS_PATH (the only requests Bolt dispatches, matched
      // the same way) before Bolt sees it, with a stricter timestamp window; a second check would only redo it.
      signatureVerification: false,
      endpoints: EVENTS_PATH,
      logger,
      ...(choice.unhandledRequestTimeoutMillis
        ? { unhandledRequestTimeoutMillis: choice.unhandledRequestTimeoutMillis }
        : {}),
      customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: healthHandler(base) }],
    });
    receiver = guardHttpReceiver(http, {
      signingSecret: choice.signingSecret,
      endpoints: [EVENTS_PATH],
      logger: base.logger,
    });
  } else if (choice.mode === 'socket') {
    receiver = new SocketModeReceiver({
      appToken: choice.appToken,
      logger,
      ...(choice.clientPingTimeoutMs !== undefined ? { clientPingTimeout: choice.clientPingTimeoutMs } : {}),
      installerOptions: { clientOptions: slackClientOptions(base.config.SLACK_API_URL) },
    });
  } else {
    receiver = choice.receiver;
  }
  // With a custom receiver (the local console) initialise explicitly in start(): Bolt's constructor would
  // otherwise fire auth.test in the background and keep retrying it after a short session has ended.
  const deferInitialization = choice.mode === 'custom';
  // No conversation store: nothing reads context.conversation, and Bolt's default one costs a lookup per request.
  const app = new App({ token, receiver, logger, clientOptions, deferInitialization, convoStore: false });
  app.error(async (err) => {
    base.logger.error('unhandled Slack listener error', { error: err.message });
  });
  registerListeners(app, deps);
  return {
    app,
    deps,
    async start() {
      if (choice.mode === 'http') {
        const server = (await app.start(choice.port)) as Server;
        return { port: (server.address() as AddressInfo).port };
      }
      if (deferInitialization) await app.init();
      await app.start();
      return {};
    },
    async stop() {
      await app.stop();
    },
  };
}
