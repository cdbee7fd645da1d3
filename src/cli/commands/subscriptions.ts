import { parseArgs } from 'node:util';
import { digestAudiences } from '../../services/subscription-service.ts';
import { type CliCommand, openIndex, printJson } from '../context.ts';

/** `measures subscriptions`: everyone the digest is posted to, with filter and schedule. */
export const subscriptionsCommand: CliCommand = {
  name: 'subscriptions',
  summary: 'List the digest subscriptions (channel, filter, schedule), DIGEST_CHANNELS included',
  usage: 'measures subscriptions [--channel ID] [--json] [--db PATH]',
  run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { channel: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } },
      allowPositionals: false,
    });
    const db = openIndex(ctx, values.db);
    try {
      const audiences = digestAudiences(db, ctx.config, values.channel);
      if (values.json) {
        printJson(ctx, audiences);
        return 0;
      }
      if (audiences.length === 0) {
        ctx.stdout('No subscriptions. Set DIGEST_CHANNELS, or run /measures subscribe in a channel.\n');
        return 0;
      }
      for (const a of audiences) {
        const flags = [a.skipEmpty ? 'skip-empty' : '', a.changesOnly ? 'changes-only' : ''].filter((f) => f !== '');
        ctx.stdout(
          `${a.key}\t${a.channel}\t${a.query === '' ? '(everything)' : a.query}\t${a.cron} ${a.timeZone}\t${a.horizonDays}d${flags.length ? `\t${flags.join(',')}` : ''}\n`,
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
