import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { readRegularFile } from '../../services/ingest-files.ts';
import { MAX_DOCUMENT_BYTES } from '../../services/ingest-service.ts';
import { MEASURES_COMMAND } from '../ids.ts';
import type { Strings } from '../strings.ts';
import type { ConsoleReceiver } from './console-receiver.ts';
import type { LocalOutput, LocalSlack } from './local-slack.ts';
import {
  appHomeOpened,
  appMention,
  buttonPress,
  CONSOLE_DM,
  CONSOLE_USER,
  fileShared,
  slashCommand,
} from './payloads.ts';
import { mrkdwnToText, type RenderedButton, renderBlocks } from './render-text.ts';

/** What the console user may call themselves: `@me`, `@我`, their name, or their user id as the banner gives it. */
const SELF = new Set(['me', '我', 'localuser', CONSOLE_USER.toLowerCase()]);

/**
 * Slack turns a typed `@wang` into `<@U…|wang>` before the bot sees it; the console has no user directory, so
 * `@wang` stands for the made-up user UWANG, a user id typed as such (`@UWANG`) stays that user, and the
 * console user's own names are that user (so `followups mine` and Home find what they assign themselves).
 */
export function asSlackMentions(text: string): string {
  return text.replace(/(^|\s)@([A-Za-z][A-Za-z0-9._-]*|我)/g, (_m, pre: string, name: string) => {
    if (SELF.has(name.toLowerCase())) return `${pre}<@${CONSOLE_USER}|localuser>`;
    const id = /^[UW][A-Z0-9]{2,}$/.test(name) ? name : `U${name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
    return `${pre}<@${id}|${name}>`;
  });
}

interface Pressable {
  button: RenderedButton;
  message: { ts: string; blocks: unknown[]; ephemeral: boolean };
}

/**
 * The console's state: what has been shown and which numbered buttons can be pressed. Reads lines one at a
 * time (works with a pipe: each line is answered before the next is read) and turns them into Slack payloads.
 */
export class ConsoleSession {
  private nextButton = 1;
  private readonly pressable = new Map<number, Pressable>();
  private messageSeq = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly strings: Strings,
    /** Fills the banner's example id and date from the index and the clock. */
    private readonly withExamples: (text: string) => string = (t) => t,
  ) {}

  /** Prints one message or view that reached the local Slack. */
  show(o: LocalOutput): void {
    const body = o.body;
    const blocks = Array.isArray(body.blocks)
      ? body.blocks
      : o.via === 'view'
        ? ((body.view as { blocks?: unknown[] })?.blocks ?? [])
        : [];
    const ephemeral = o.via === 'response' ? body.response_type !== 'in_channel' : o.method === 'chat.postEphemeral';
    // A message to a user id (chat.postMessage to U…/W…, or a D… channel) is a direct message, not the channel.
    const dmTo =
      o.via === 'message' && /^[UWD][A-Z0-9]+$/.test(String(body.channel ?? '')) ? String(body.channel) : null;
    const where =
      o.via === 'view'
        ? `[${o.method}]`
        : `[${ephemeral ? this.strings.consoleEphemeral : dmTo ? this.strings.consoleDm(dmTo) : this.strings.consolePublic}${body.replace_original === true ? ' ↻' : ''}${body.thread_ts ? ' 🧵' : ''}]`;
    const ts = `local.${++this.messageSeq}`;
    if (blocks.length === 0) {
      this.write(`${where} ${mrkdwnToText(String(body.text ?? ''))}\n\n`);
      return;
    }
    const rendered = renderBlocks(blocks, this.nextButton);
    this.nextButton += rendered.buttons.length;
    for (const b of rendered.buttons) this.pressable.set(b.n, { button: b, message: { ts, blocks, ephemeral } });
    this.write(`${where}${rendered.text.startsWith('\n') ? '' : ' '}${rendered.text}\n\n`);
    if (o.via === 'view' && blocks.some((b) => (b as { type?: string }).type === 'input'))
      this.write(`${this.strings.consoleModalHint}\n\n`);
  }

  showAck(body: unknown): void {
    if (typeof body === 'string') this.write(`${body}\n`);
    else this.show({ via: 'response', method: 'ack', body: body as Record<string, unknown> });
  }

  /** Handles one typed line. Returns false when the user asked to quit. */
  async handle(line: string, receiver: ConsoleReceiver, local: LocalSlack): Promise<boolean> {
    const text = line.trim();
    if (text === '') return true;
    if (/^(exit|quit|\.exit|退出)$/i.test(text)) return false;
    const press = text.match(/^(?:press|p|按)\s*(\d+)$/i);
    if (press) {
      const target = this.pressable.get(Number(press[1]));
      if (!target) {
        this.write(`${this.strings.consoleNoSuchButton(press[1]!)}\n`);
        return true;
      }
      await receiver.dispatch(buttonPress(target.button, target.message, local.responseUrl()));
      return true;
    }
    if (/^home$/i.test(text)) {
      await receiver.dispatch(appHomeOpened());
      return true;
    }
    const upload = text.match(/^(?:upload|上传)\s+(.+)$/i);
    if (upload) {
      // The file goes through the same path as one shared in Slack: files.info, download, ingest, answer.
      const file = upload[1]!.trim().replace(/^(['"])(.*)\1$/, '$2');
      let bytes: Uint8Array;
      try {
        bytes = readRegularFile(file, MAX_DOCUMENT_BYTES);
      } catch (err) {
        this.write(`${this.strings.docConsoleNoFile(`${file} (${(err as Error).message})`)}\n`);
        return true;
      }
      const shared = local.addFile(path.basename(file), bytes, CONSOLE_DM);
      await receiver.dispatch(fileShared(shared.id, shared.ts));
      return true;
    }
    const mention = text.match(/^(?:@\S*|mention)\s+(.*)$/i);
    if (mention) {
      await receiver.dispatch(appMention(asSlackMentions(mention[1]!)));
      return true;
    }
    const command = text.startsWith(MEASURES_COMMAND) ? text.slice(MEASURES_COMMAND.length) : text;
    await receiver.dispatch(slashCommand(asSlackMentions(command.trim()), local.responseUrl()));
    return true;
  }

  /** Reads lines until EOF or `exit`. Resolves when the last answer has been printed. */
  async run(
    input: Readable,
    receiver: ConsoleReceiver,
    local: LocalSlack,
    interactive: boolean,
    output?: Writable,
  ): Promise<void> {
    // In a terminal readline needs the output stream to show the prompt and echo what is typed.
    const rl = readline.createInterface({
      input,
      terminal: interactive,
      ...(interactive && output ? { output, prompt: '> ' } : {}),
    });
    this.write(`${this.withExamples(this.strings.consoleBanner)}\n\n`);
    if (interactive) rl.prompt();
    try {
      for await (const line of rl) {
        if (!(await this.handle(line, receiver, local))) break;
        if (interactive) rl.prompt();
      }
    } finally {
      rl.close();
    }
  }
}
