import type { ChangeKind, FollowupChange } from '../../core/followups/transitions.ts';
import { ACTIONS } from '../ids.ts';
import type { FollowupStrings } from './strings.ts';

/**
 * How each follow-up change is offered on a card: its button's action id and label, its style, and whether it
 * applies at once (`none`) or first asks for input in a modal (`reason`, `due`). `null`: no button (reassign
 * needs a person, given by mention). Keyed by every ChangeKind, so a new change fails the typecheck here until
 * it is given a button or `null`. The card's buttons, the listeners and the status handler all read this map.
 */
export const FOLLOWUP_BUTTONS = {
  start: { actionId: ACTIONS.FOLLOWUP_START, label: (s: FollowupStrings) => s.fuStart, input: 'none' },
  done: { actionId: ACTIONS.FOLLOWUP_DONE, label: (s: FollowupStrings) => s.fuDone, input: 'none', style: 'primary' },
  block: { actionId: ACTIONS.FOLLOWUP_BLOCK, label: (s: FollowupStrings) => s.fuBlocked, input: 'reason' },
  cancel: {
    actionId: ACTIONS.FOLLOWUP_CANCEL,
    label: (s: FollowupStrings) => s.fuCancel,
    input: 'none',
    style: 'danger',
  },
  reopen: { actionId: ACTIONS.FOLLOWUP_REOPEN, label: (s: FollowupStrings) => s.fuReopen, input: 'none' },
  due: { actionId: ACTIONS.FOLLOWUP_DUE, label: (s: FollowupStrings) => s.fuChangeDue, input: 'due' },
  reassign: null,
} as const satisfies Record<ChangeKind, FollowupButton | null>;

export interface FollowupButton {
  actionId: string;
  label: (s: FollowupStrings) => string;
  input: 'none' | 'reason' | 'due';
  style?: 'primary' | 'danger';
}

type ButtonKind = { [K in ChangeKind]: (typeof FOLLOWUP_BUTTONS)[K] extends null ? never : K }[ChangeKind];
/** Changes whose button applies them at once: they carry nothing but their kind. */
type ImmediateKind = {
  [K in ButtonKind]: (typeof FOLLOWUP_BUTTONS)[K]['input'] extends 'none' ? K : never;
}[ButtonKind];

const buttons = Object.entries(FOLLOWUP_BUTTONS).flatMap(([kind, b]) =>
  b ? [{ kind: kind as ButtonKind, ...b }] : [],
);

/** Every change that has a button, with its kind. */
export function followupButtons(): readonly (FollowupButton & { kind: ButtonKind })[] {
  return buttons;
}

/** The change a button applies at once (Start, Done, Cancel, Reopen), or undefined for any other action id. */
export function immediateChangeFor(actionId: string): FollowupChange | undefined {
  const b = buttons.find((x) => x.actionId === actionId && x.input === 'none');
  return b ? ({ kind: b.kind as ImmediateKind } satisfies FollowupChange) : undefined;
}

/** What a modal button asks for (`reason` for Blocked, `due` for Change due date), or undefined. */
export function inputFor(actionId: string): 'reason' | 'due' | undefined {
  const b = buttons.find((x) => x.actionId === actionId);
  return b && b.input !== 'none' ? b.input : undefined;
}
