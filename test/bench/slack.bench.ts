import { searchMeasures } from '../../src/services/search-service.ts';
import { RESULTS_PAGE_SIZE } from '../../src/slack/kit/limits.ts';
import { FORM, slashCommandBody } from '../helpers/slack-request.ts';
import { TODAY, seededDb, startHarness } from '../slack/harness.ts';

/**
 * Signed `/measures <q>` round trips over loopback through the real Bolt HTTP receiver: request → 200 ack →
 * search → response_url post received by the fake. 20 in flight at a time. Beside it, the in-process search
 * time for the same queries, so the Slack overhead is visible.
 */
const QUERIES = ['冷链', '消费', '5G基站', '商务', '物流 部门:商务', '电商 地区:天津', '养老', '数字'];
const ROUNDS = 200;
const CONCURRENCY = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export default async function bench(): Promise<Record<string, unknown>> {
  const db = await seededDb();
  const h = await startHarness(db);
  try {
    const search: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const q = QUERIES[i % QUERIES.length]!.split(' ')[0]!;
      const t = performance.now();
      searchMeasures(db, { query: q, limit: RESULTS_PAGE_SIZE, today: TODAY });
      search.push(performance.now() - t);
    }
    const ack: number[] = [];
    const roundTrip: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ROUNDS) {
        const i = next++;
        const responseUrl = h.fake.responseUrl();
        const path = new URL(responseUrl).pathname;
        const replied = h.fake.waitForPath(path);
        const t = performance.now();
        await h.post(slashCommandBody({ text: QUERIES[i % QUERIES.length]!, responseUrl }), FORM);
        ack.push(performance.now() - t);
        await replied;
        roundTrip.push(performance.now() - t);
      }
    };
    const wall = performance.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const wallMs = performance.now() - wall;
    const row = (name: string, xs: number[]) => `| ${name} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 99).toFixed(1)} |`;
    process.stdout.write(
      [
        `${ROUNDS} signed slash commands, ${CONCURRENCY} concurrent, loopback; ${(ROUNDS / (wallMs / 1000)).toFixed(0)} commands/s`,
        '',
        '| step | p50 ms | p99 ms |',
        '| --- | --- | --- |',
        row('in-process searchMeasures', search),
        row('HTTP ack (200)', ack),
        row('ack + reply at response_url', roundTrip),
        '',
      ].join('\n'),
    );
    return {
      rounds: ROUNDS,
      concurrency: CONCURRENCY,
      commandsPerSec: Math.round(ROUNDS / (wallMs / 1000)),
      searchP50Ms: pct(search, 50),
      searchP99Ms: pct(search, 99),
      ackP50Ms: pct(ack, 50),
      ackP99Ms: pct(ack, 99),
      roundTripP50Ms: pct(roundTrip, 50),
      roundTripP99Ms: pct(roundTrip, 99),
    };
  } finally {
    await h.stop();
    db.close();
  }
}
