import type { App, Receiver } from '@slack/bolt';

/**
 * A Bolt receiver fed from the terminal instead of HTTP or a WebSocket: the console builds the same payloads
 * Slack would send and hands them to the real app, so every listener, middleware and service runs exactly as
 * in production. `ack(body)` with content (rare) is passed to `onAck`.
 */
export class ConsoleReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly onAck: (body: unknown) => void = () => {}) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  /** Delivers one payload and resolves when its listeners have finished (their replies have been received). */
  async dispatch(body: Record<string, unknown>): Promise<void> {
    if (!this.app) throw new Error('ConsoleReceiver used before the app was created');
    let acked = false;
    await this.app.processEvent({
      body,
      ack: async (response?: unknown) => {
        if (acked) return;
        acked = true;
        if (response !== undefined && response !== '') this.onAck(response);
      },
    });
  }
}
