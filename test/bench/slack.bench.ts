import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import bolt from '@slack/bolt';
import { migrate } from '../../src/db/migrate.ts';
import { type Db, openDatabase } from '../../src/db/open.ts';
import { searchMeasures } from '../../src/services/search-service.ts';
import { EVENTS_PATH } from '../../src/slack/app.ts';
import { RESULTS_PAGE_SIZE } from '../../src/slack/kit/limits.ts';
import { startFakeSlack } from '../helpers/fake-slack.ts';
import { testSegmenter } from '../helpers/segmenter.ts';
import { FORM, signedHeaders, slashCommandBody } from '../helpers/slack-request.ts';
import { SIGNING_SECRET, seededDb, startHarness, TODAY } from '../slack/harness.ts';
import { type Figure, figure, percentile } from './figures.ts';
import { benchState } from './shared-state.ts';

/**
 * Signed `/measures <q>` round trips over loopback through the real Bolt HTTP receiver: request → 200 ack →
 * search → response_url post received by the fake, 20 in flight. Beside it, in the same process and with the
 * same requests, a bare Bolt app that only acks: the CPU per command of each (everything in this process:
 * client, server, fake) and their latencies. Then the same commands against the large index the index bench
 * built (100k measures), for the latency under load.
 */
const QUERIES = ['冷链', '消费', '5G基站', '商务', '物流 部门:商务', '电商 地区:天津', '养老', '数字'];
const ROUNDS = 200;
const WARMUP = 40;
const CONCURRENCY = 20;

interface Load {
  ack: number[];
  roundTrip: number[];
  cpuMsPerCommand: number;
  failed: number;
}

/** Posts `rounds` signed commands, CONCURRENCY at a time; `replied(i)` resolves when command i was answered. */
async function drive(
  url: string,
  rounds: number,
  responseUrl: (i: number) => { url: string; replied: Promise<unknown> },
): Promise<Load> {
  const ack: number[] = [];
  const roundTrip: number[] = [];
  let failed = 0;
  let next = 0;
  const cpu = process.cpuUsage();
  const worker = async () => {
    while (next < rounds) {
      const i = next++;
      const r = responseUrl(i);
      // A reply that never comes is a failed command, reported by the race below, not an unhandled rejection.
      r.replied.catch(() => undefined);
      const body = slashCommandBody({ text: QUERIES[i % QUERIES.length]!, responseUrl: r.url });
      const t = performance.now();
      let status = 0;
      try {
        const res = await fetch(url, { method: 'POST', headers: signedHeaders(SIGNING_SECRET, body, FORM), body });
        await res.text();
        status = res.status;
      } catch {
        // A connection reset under load is a failed command (Slack would show the user an error), not a crash.
      }
      const ackMs = performance.now() - t;
      ack.push(ackMs);
      if (status !== 200 || ackMs > 3000) failed++;
      if (status !== 200) continue;
      await Promise.race([r.replied.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 10_000))]);
      roundTrip.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const used = process.cpuUsage(cpu);
  return { ack, roundTrip, cpuMsPerCommand: (used.user + used.system) / 1000 / rounds, failed };
}

/** The reference: a Bolt app on the same receiver that acks /measures and does nothing else. */
async function bareBolt(): Promise<{ url: string; stop: () => Promise<void> }> {
  const fake = await startFakeSlack();
  const receiver = new bolt.HTTPReceiver({ signingSecret: SIGNING_SECRET, endpoints: EVENTS_PATH });
  const app = new bolt.App({
    token: 'xoxb-bare',
    receiver,
    clientOptions: { slackApiUrl: `${fake.apiUrl.replace(/\/$/, '')}/` },
  });
  app.command('/measures', async ({ ack }) => {
    await ack();
  });
  const server = (await app.start(0)) as Server;
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${EVENTS_PATH}`,
    stop: async () => {
      await app.stop();
      await fake.stop().catch(() => undefined);
    },
  };
}

async function botLoad(db: Db, rounds: number): Promise<Load> {
  const h = await startHarness(db);
  try {
    const urlFor = () => {
      const url = h.fake.responseUrl();
      return { url, replied: h.fake.waitForPath(new URL(url).pathname) };
    };
    await drive(h.url, WARMUP, urlFor);
    return await drive(h.url, rounds, urlFor);
  } finally {
    await h.stop();
  }
}

export default async function bench(): Promise<{ figures: Figure[] }> {
  const bare = await bareBolt();
  const done = Promise.resolve();
  await drive(bare.url, WARMUP, () => ({ url: 'http://127.0.0.1:9/unused', replied: done }));
  const reference = await drive(bare.url, ROUNDS, () => ({ url: 'http://127.0.0.1:9/unused', replied: done }));
  await bare.stop();

  const seeded = await seededDb();
  const search: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const q = QUERIES[i % QUERIES.length]!.split(' ')[0]!;
    const t = performance.now();
    searchMeasures(seeded, { query: q, limit: RESULTS_PAGE_SIZE, today: TODAY }, testSegmenter);
    search.push(performance.now() - t);
  }
  const small = await botLoad(seeded, ROUNDS);
  seeded.close();

  const figures: Figure[] = [
    figure(
      'Slack: CPU per warmed /measures command (seeds)',
      'ms',
      small.cpuMsPerCommand,
      { name: 'bare Bolt app that only acks', value: reference.cpuMsPerCommand },
      { text: '≤ 1.5× reference', maxRatio: 1.5 },
    ),
    figure(`Slack: ack p99, ${CONCURRENCY} in flight (seeds)`, 'ms', percentile(small.ack, 99), {
      name: 'bare Bolt ack p99',
      value: percentile(reference.ack, 99),
    }),
    figure(
      `Slack: ack + reply p99, ${CONCURRENCY} in flight (seeds)`,
      'ms',
      percentile(small.roundTrip, 99),
      undefined,
      { text: '< 100 ms', max: 99.999 },
    ),
  ];
  const large = benchState.searchDb;
  let big: Load | undefined;
  if (large) {
    const db = openDatabase(large.file);
    migrate(db);
    big = await botLoad(db, ROUNDS);
    db.close();
    const k = `${Math.round(large.measures / 1000)}k`;
    figures.push(
      figure(
        `Slack: ack + reply p99, ${CONCURRENCY} in flight (${k} measures)`,
        'ms',
        percentile(big.roundTrip, 99),
        undefined,
        { text: '< 100 ms', max: 99.999 },
      ),
      figure(`Slack: commands failed or acked after 3 s (${k} measures)`, 'commands', big.failed, undefined, {
        text: '0',
        max: 0,
      }),
      figure(`Slack: CPU per command (${k} measures)`, 'ms', big.cpuMsPerCommand, {
        name: 'bare Bolt app that only acks',
        value: reference.cpuMsPerCommand,
      }),
    );
  }
  const row = (name: string, xs: number[]) =>
    `| ${name} | ${percentile(xs, 50).toFixed(1)} | ${percentile(xs, 99).toFixed(1)} |`;
  process.stdout.write(
    [
      `${ROUNDS} signed slash commands after ${WARMUP} to warm up, ${CONCURRENCY} concurrent, loopback`,
      '',
      '| step | p50 ms | p99 ms |',
      '| --- | --- | --- |',
      row('in-process searchMeasures (seeds)', search),
      row('bare Bolt: HTTP ack', reference.ack),
      row('bot (seeds): HTTP ack', small.ack),
      row('bot (seeds): ack + reply at response_url', small.roundTrip),
      ...(big
        ? [row('bot (large index): HTTP ack', big.ack), row('bot (large index): ack + reply', big.roundTrip)]
        : []),
      '',
    ].join('\n'),
  );
  return { figures };
}
