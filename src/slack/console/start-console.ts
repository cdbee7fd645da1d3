import type { Readable, Writable } from 'node:stream';
import { createSlackApp, type SlackAppBase } from '../app.ts';
import { examplesOf, withExamples } from '../kit/examples.ts';
import { stringsFor } from '../strings.ts';
import { ConsoleReceiver } from './console-receiver.ts';
import { startLocalSlack } from './local-slack.ts';
import { CONSOLE_USER } from './payloads.ts';
import { ConsoleSession } from './session.ts';

export interface ConsoleIo {
  input: Readable;
  write: (text: string) => void;
  interactive: boolean;
  /** The terminal, when interactive (prompt and echo). */
  output?: Writable;
}

/**
 * Runs the bot against the terminal: a local stand-in for Slack, the real Bolt app with a console receiver,
 * and a line reader. Resolves when input ends or the user types `exit`; everything is closed by then.
 */
export async function runConsole(base: SlackAppBase, io: ConsoleIo): Promise<void> {
  const strings = stringsFor(base.config.BOT_LOCALE);
  const examples = examplesOf({ db: base.db, clock: base.clock, timeZone: base.config.DIGEST_TZ });
  const session = new ConsoleSession(io.write, strings, (t) => withExamples(t, examples, strings));
  const local = await startLocalSlack((o) => session.show(o));
  const receiver = new ConsoleReceiver((b) => session.showAck(b));
  // Whoever runs the console owns the database file: the console user is an admin (may add and remove documents).
  const config = {
    ...base.config,
    SLACK_API_URL: local.apiUrl,
    SLACK_ADMIN_USERS: [...base.config.SLACK_ADMIN_USERS, CONSOLE_USER],
  };
  const slack = createSlackApp({ ...base, config }, { mode: 'custom', receiver }, 'xoxb-local-console');
  await slack.start();
  try {
    await session.run(io.input, receiver, local, io.interactive, io.output);
  } finally {
    await slack.stop();
    await local.close();
  }
}
