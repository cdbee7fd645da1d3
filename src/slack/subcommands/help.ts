import type { KnownBlock } from '@slack/types';
import type { Strings } from '../strings.ts';
import { context, header, section } from '../kit/elements.ts';
import { reply, type Reply } from '../kit/reply.ts';

/**
 * `/measures help`. `extraLines` are the usage lines of subcommands other features registered (digest, assign,
 * followups), so help stays complete without editing this file.
 */
export function buildHelp(s: Strings, extraLines: string[] = [], note?: string): Reply {
  const blocks: KnownBlock[] = [header(s.helpTitle)];
  if (note) blocks.push(context([note]));
  blocks.push(section(s.helpIntro), section([...s.helpLines, ...extraLines].map((l) => `• ${l}`).join('\n')), context([s.helpMore]));
  return reply(`${s.helpTitle}\n${s.helpLines.join('\n')}`, blocks);
}
