import { ACTIONS } from '../ids.ts';

/**
 * Block Kit → terminal text, for the local console. Pure. Buttons are numbered from `firstButton` so the
 * user can `press N`; buttons whose effect can also be typed (Details → `show <id>`) say so.
 */
export interface RenderedButton {
  n: number;
  actionId: string;
  value: string | undefined;
  label: string;
  blockId: string | undefined;
}

interface TextObj {
  text?: string;
}
interface AnyBlock {
  type: string;
  block_id?: string;
  text?: TextObj;
  fields?: TextObj[];
  elements?: Array<{ type: string; text?: TextObj | string; action_id?: string; value?: string }>;
  accessory?: { type: string; text?: TextObj; action_id?: string; value?: string };
  label?: TextObj;
  hint?: TextObj;
  element?: { type: string };
}

/** Undoes Slack's escaping and shows mentions and links readably (bold `*x*` is left as written). */
export function mrkdwnToText(s: string): string {
  return s
    .replace(/<@([A-Z0-9]+)>/g, '@$1')
    .replace(/<#([A-Z0-9]+)(\|[^>]*)?>/g, '#$1')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function buttonHint(b: { action_id?: string; value?: string }, n: number): string {
  if (b.action_id === ACTIONS.SHOW_MEASURE && b.value) return `press ${n} | show ${b.value}`;
  return `press ${n}`;
}

export function renderBlocks(blocks: unknown[], firstButton: number): { text: string; buttons: RenderedButton[] } {
  const lines: string[] = [];
  const buttons: RenderedButton[] = [];
  const addButton = (
    b: { action_id?: string; value?: string; text?: TextObj | string },
    blockId: string | undefined,
  ): string => {
    const n = firstButton + buttons.length;
    const label = typeof b.text === 'string' ? b.text : (b.text?.text ?? '');
    buttons.push({ n, actionId: b.action_id ?? '', value: b.value, label, blockId });
    return `[${n}] ${label} (${buttonHint(b, n)})`;
  };
  for (const raw of blocks as AnyBlock[]) {
    switch (raw.type) {
      case 'header':
        lines.push('', `══ ${raw.text?.text ?? ''} ══`);
        break;
      case 'section': {
        if (raw.text?.text) lines.push(mrkdwnToText(raw.text.text));
        for (const f of raw.fields ?? []) lines.push(`  ${mrkdwnToText(f.text ?? '').replace(/\n/g, ': ')}`);
        if (raw.accessory?.type === 'button') lines.push(`    ${addButton(raw.accessory, raw.block_id)}`);
        break;
      }
      case 'context':
        lines.push(
          '  ' +
            (raw.elements ?? [])
              .map((e) => mrkdwnToText(typeof e.text === 'string' ? e.text : (e.text?.text ?? '')))
              .join('  '),
        );
        break;
      case 'divider':
        lines.push('────────────────────────');
        break;
      case 'actions':
        lines.push(
          (raw.elements ?? [])
            .filter((e) => e.type === 'button')
            .map((e) => addButton(e, raw.block_id))
            .join('   '),
        );
        break;
      case 'input':
        // A modal field: show what it asks for (the console cannot fill it in; the session says which command can).
        lines.push(
          `  ▸ ${raw.label?.text ?? ''}${raw.element ? ` (${raw.element.type})` : ''}${raw.hint?.text ? ` — ${raw.hint.text}` : ''}`,
        );
        break;
      default:
        lines.push(`(${raw.type})`);
    }
  }
  return { text: lines.join('\n'), buttons };
}
