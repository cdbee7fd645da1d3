import type { KnownBlock } from '@slack/types';
import { context, header, section } from '../kit/elements.ts';
import { type Examples, withExamples } from '../kit/examples.ts';
import { type Reply, reply } from '../kit/reply.ts';
import type { Subcommand } from '../kit/subcommand.ts';
import type { Strings } from '../strings.ts';

/** Every usage line, in registry order, then `help` itself: `/measures help` and the Home tab show these. */
export function usageLines(s: Strings, subcommands: readonly Subcommand[], ex: Examples): string[] {
  return [...subcommands.flatMap((c) => c.helpLines(s)), s.helpHelp].map((l) => withExamples(l, ex, s));
}

/** The manifest's `usage_hint` for /measures, from the subcommands that name one (the registration test checks it). */
export function manifestUsageHint(subcommands: readonly Subcommand[]): string {
  return [...subcommands.flatMap((c) => (c.usageHint ? [c.usageHint] : [])), 'help'].join(' | ');
}

/** `/measures help`. */
export function buildHelp(s: Strings, subcommands: readonly Subcommand[], ex: Examples, note?: string): Reply {
  const lines = usageLines(s, subcommands, ex);
  const blocks: KnownBlock[] = [header(s.helpTitle)];
  if (note) blocks.push(context([note]));
  blocks.push(section(s.helpIntro), section(lines.map((l) => `• ${l}`).join('\n')), context([s.helpMore]));
  return reply(`${s.helpTitle}\n${lines.join('\n')}`, blocks);
}
