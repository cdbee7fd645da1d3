import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { fixedClock } from '../../../../src/lib/clock.ts';
import { silentLogger } from '../../../../src/lib/logger.ts';
import { slackDeps } from '../../../../src/slack/deps.ts';
import { notice } from '../../../../src/slack/kit/reply.ts';
import type { Subcommand } from '../../../../src/slack/kit/subcommand.ts';
import { measuresCommandHandler } from '../../../../src/slack/listeners/commands/measures.ts';
import { testDb } from '../../../helpers/db.ts';
import { testSegmenter } from '../../../helpers/segmenter.ts';

/**
 * The acknowledgement carries the answer when the answer is ready within the budget; otherwise the command is
 * acknowledged empty when the budget runs out (well inside Slack's 3 s) and answered through response_url.
 * Driven with Bolt's handler arguments, recording what reaches ack() and respond() and when.
 */

const deps = slackDeps({
  db: testDb(),
  clock: fixedClock('2023-03-01T00:00:00Z'),
  logger: silentLogger,
  config: loadConfig({ LOG_LEVEL: 'silent', BOT_LOCALE: 'en' }),
  segmenter: testSegmenter,
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function subcommand(name: string, run: Subcommand['run']): Subcommand {
  return { name, aliases: [], helpLines: () => [], run };
}

const SUBCOMMANDS = [
  subcommand('quick', () => notice('quick answer')),
  subcommand('slow', async () => {
    await sleep(150);
    return notice('slow answer');
  }),
  subcommand('silent', () => undefined),
  subcommand('broken', () => {
    throw new Error('boom');
  }),
  subcommand('slowbroken', async () => {
    await sleep(150);
    throw new Error('boom');
  }),
  // Synchronous work holding the event loop, as a search on a large index does.
  subcommand('blocking', (inv) => {
    const until = performance.now() + 120;
    while (performance.now() < until) {
      // busy
    }
    return notice(`blocking answer ${inv.args}`);
  }),
];

type Event = { what: 'ack' | 'respond'; body: RespondArguments | undefined; atMs: number };

async function run(
  text: string,
  answerInAckMs: number,
  opts: { answerInAckStartMs?: number; ackFails?: boolean; events?: Event[]; t0?: number } = {},
) {
  const events = opts.events ?? [];
  const t0 = opts.t0 ?? performance.now();
  const args = {
    command: { text, user_id: 'U1', channel_id: 'C1', response_url: 'https://hooks.slack.com/commands/1' },
    ack: async (body?: RespondArguments) => {
      if (opts.ackFails && body) throw new Error('Cannot set headers after they are sent to the client');
      events.push({ what: 'ack', body, atMs: performance.now() - t0 });
    },
    respond: async (body: RespondArguments) => {
      events.push({ what: 'respond', body, atMs: performance.now() - t0 });
    },
    client: {},
  } as unknown as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  await measuresCommandHandler(deps, SUBCOMMANDS, {
    answerInAckMs,
    ...(opts.answerInAckStartMs !== undefined ? { answerInAckStartMs: opts.answerInAckStartMs } : {}),
  })(args);
  return events;
}

describe('/measures acknowledgement', () => {
  it('an answer ready within the budget is the acknowledgement; nothing goes to response_url', async () => {
    const events = await run('quick', 1000);
    expect(events.map((e) => e.what)).toEqual(['ack']);
    expect(events[0]!.body).toMatchObject({ response_type: 'ephemeral', text: 'quick answer' });
  });

  it('work that outlasts the budget is acknowledged empty when the budget runs out, then answered', async () => {
    const events = await run('slow', 40);
    expect(events.map((e) => [e.what, e.body?.text])).toEqual([
      ['ack', undefined],
      ['respond', 'slow answer'],
    ]);
    // Acknowledged by the budget, not after the work.
    expect(events[0]!.atMs).toBeLessThan(140);
  });

  it('a subcommand that answers some other way (a modal) gets an empty acknowledgement', async () => {
    expect((await run('silent', 1000)).map((e) => [e.what, e.body])).toEqual([['ack', undefined]]);
  });

  it('a failure is told in the acknowledgement, or through response_url once the budget has passed', async () => {
    const fast = await run('broken', 1000);
    expect(fast.map((e) => e.what)).toEqual(['ack']);
    expect(fast[0]!.body?.text).toBe(deps.strings.genericError);
    const late = await run('slowbroken', 40);
    expect(late.map((e) => [e.what, e.body?.text])).toEqual([
      ['ack', undefined],
      ['respond', deps.strings.genericError],
    ]);
  });

  it('an answer whose acknowledgement cannot be sent goes through response_url', async () => {
    // (The failed acknowledgement is not retried empty: what made it fail, such as Bolt having answered already,
    // would fail that too.)
    const events = await run('quick', 1000, { ackFails: true });
    expect(events.map((e) => [e.what, e.body?.text])).toEqual([['respond', 'quick answer']]);
  });

  it('in a burst, commands whose turn comes late are acknowledged empty before their own work', async () => {
    const events: Event[] = [];
    const t0 = performance.now();
    await Promise.all(['1', '2', '3'].map((n) => run(`blocking ${n}`, 1000, { answerInAckStartMs: 60, events, t0 })));
    const acks = events.filter((e) => e.what === 'ack');
    // The first answers in its acknowledgement; the others are acknowledged as soon as their turn comes.
    expect(acks.map((e) => e.body?.text ?? null)).toEqual(['blocking answer 1', null, null]);
    expect(events.filter((e) => e.what === 'respond').map((e) => e.body?.text)).toEqual([
      'blocking answer 2',
      'blocking answer 3',
    ]);
    // Acknowledged before its own 120 ms of work, not after it.
    const third = events.find((e) => e.body?.text === 'blocking answer 3')!;
    expect(acks[2]!.atMs).toBeLessThan(third.atMs - 100);
  });

  it('acknowledges exactly once whatever happens', async () => {
    for (const [text, budget] of [
      ['quick', 1000],
      ['slow', 40],
      ['silent', 1000],
      ['broken', 1000],
      ['slowbroken', 40],
      ['help', 1000],
    ] as const) {
      expect((await run(text, budget)).filter((e) => e.what === 'ack')).toHaveLength(1);
    }
  });
});
