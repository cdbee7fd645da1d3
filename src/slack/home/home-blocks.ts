import type { HomeView, KnownBlock } from '@slack/types';
import { context, divider, header, section } from '../kit/elements.ts';
import { MAX_BLOCKS_PER_VIEW } from '../kit/limits.ts';
import type { Strings } from '../strings.ts';

/**
 * The App Home tab: the usage lines of every subcommand, the index size, then `extraSections` lets other features add their part (e.g. "your open follow-ups", "next
 * digest") — each a list of blocks, appended in order and cut to the 100-block view limit.
 */
export function buildHomeView(input: {
  documents: number;
  measures: number;
  strings: Strings;
  usageLines: string[];
  extraSections?: KnownBlock[][];
}): HomeView {
  const s = input.strings;
  const blocks: KnownBlock[] = [
    header(s.homeTitle),
    context([s.homeIndexed(input.documents, input.measures)]),
    section(s.helpIntro),
    section(input.usageLines.map((l) => `• ${l}`).join('\n')),
  ];
  for (const extra of input.extraSections ?? []) blocks.push(divider(), ...extra);
  return { type: 'home', blocks: blocks.slice(0, MAX_BLOCKS_PER_VIEW) };
}
