import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SLASH_COMMAND_ACK_MS } from '../../src/slack/kit/limits.ts';
import { FORM, signedHeaders, slashCommandBody } from '../helpers/slack-request.ts';

/**
 * The load generator of slack.bench.ts, run as its own process so that the app's CPU and event loop are
 * measured alone, as in production where Slack is somewhere else: posts `rounds` signed `/measures <q>`
 * commands, `concurrency` at a time, each with a response_url served here. A command is answered when its
 * acknowledgement carries a message, or when its response_url is posted to.
 *
 * argv: JSON { url, signingSecret, queries, rounds, concurrency, expectReply }. Prints JSON { ack, roundTrip, failed }.
 */

interface Args {
  url: string;
  signingSecret: string;
  queries: string[];
  rounds: number;
  concurrency: number;
  /** False for an app that only acks: nothing will come to response_url. */
  expectReply: boolean;
}

const REPLY_TIMEOUT_MS = 10_000;

const args = JSON.parse(process.argv[2]!) as Args;
const waiting = new Map<string, () => void>();
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    waiting.get(req.url ?? '')?.();
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const ack: number[] = [];
const roundTrip: number[] = [];
let failed = 0;
let next = 0;
const worker = async () => {
  while (next < args.rounds) {
    const i = next++;
    const path = `/respond/${i}`;
    const replied = new Promise<void>((resolve) => waiting.set(path, resolve));
    const body = slashCommandBody({ text: args.queries[i % args.queries.length]!, responseUrl: `${base}${path}` });
    const t = performance.now();
    let status = 0;
    let answeredInAck = false;
    try {
      const res = await fetch(args.url, {
        method: 'POST',
        headers: signedHeaders(args.signingSecret, body, FORM),
        body,
      });
      answeredInAck = (await res.text()).trim() !== '';
      status = res.status;
    } catch {
      // A connection reset under load is a failed command (Slack would show the user an error).
    }
    const ackMs = performance.now() - t;
    ack.push(ackMs);
    if (status !== 200 || ackMs > SLASH_COMMAND_ACK_MS) failed++;
    if (status === 200) {
      if (!answeredInAck && args.expectReply) {
        await Promise.race([replied, new Promise((resolve) => setTimeout(resolve, REPLY_TIMEOUT_MS))]);
      }
      roundTrip.push(performance.now() - t);
    }
    waiting.delete(path);
  }
};
await Promise.all(Array.from({ length: args.concurrency }, worker));
server.close();
process.stdout.write(JSON.stringify({ ack, roundTrip, failed }));
