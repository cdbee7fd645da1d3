import type { KnownBlock, ModalView } from '@slack/types';
import { MAX_BLOCKED_REASON_CHARS, MAX_NOTE_CHARS } from '../../core/followups/limits.ts';
import { VIEWS } from '../ids.ts';
import { section } from '../kit/elements.ts';
import { MAX_INPUT_HINT, MAX_INPUT_LABEL, MAX_MODAL_TITLE, MAX_PRIVATE_METADATA } from '../kit/limits.ts';
import { escapeAndFit, escapeMrkdwn, plain } from '../kit/mrkdwn.ts';
import type { FollowupStrings } from './strings.ts';

/**
 * Follow-up modals. Block and action ids are constants because the view_submission handlers read the values by
 * them; private_metadata carries the context (what and where) as JSON, at most 3000 characters.
 */

export const ASSIGN_BLOCKS = {
  item: { block: 'fu_item', action: 'fu_item_input' },
  assignee: { block: 'fu_assignee', action: 'fu_assignee_select' },
  due: { block: 'fu_due', action: 'fu_due_picker' },
  note: { block: 'fu_note', action: 'fu_note_input' },
} as const;

export const REASON_BLOCK = { block: 'fu_reason', action: 'fu_reason_input' } as const;
export const DUE_BLOCK = { block: 'fu_new_due', action: 'fu_new_due_picker' } as const;

/** Where the follow-up will live: the source message's thread, or null for "post a new parent message". */
export interface AssignModalContext {
  /** Measure/task/target id, or null when the person must type it (message shortcut on a non-bot message). */
  itemId: string | null;
  channel: string | null;
  threadTs: string | null;
}

export function encodeMetadata(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length > MAX_PRIVATE_METADATA)
    throw new Error(`private_metadata is ${json.length} chars (max ${MAX_PRIVATE_METADATA})`);
  return json;
}

export interface AssignModalInput {
  context: AssignModalContext;
  /** The item's title when known (shown read-only). */
  itemTitle: string | null;
  defaultDue: string | null;
  defaultAssignee: string | null;
  strings: FollowupStrings;
}

export function assignModal(input: AssignModalInput): ModalView {
  const { context: c, strings: s } = input;
  const blocks: KnownBlock[] = [];
  if (c.itemId !== null) {
    blocks.push(
      section(
        s.fuModalItem(`\`${escapeMrkdwn(c.itemId)}\``, input.itemTitle ? escapeAndFit(input.itemTitle, 500) : ''),
      ),
    );
  } else {
    blocks.push({
      type: 'input',
      block_id: ASSIGN_BLOCKS.item.block,
      label: plain(s.fuModalItemId, MAX_INPUT_LABEL),
      hint: plain(s.fuModalItemIdHint, MAX_INPUT_HINT),
      element: { type: 'plain_text_input', action_id: ASSIGN_BLOCKS.item.action, max_length: 64 },
    });
  }
  if (c.threadTs !== null && c.itemId === null)
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: s.fuModalItemFromMessage }] });
  blocks.push(
    {
      type: 'input',
      block_id: ASSIGN_BLOCKS.assignee.block,
      label: plain(s.fuAssignee, MAX_INPUT_LABEL),
      element: {
        type: 'users_select',
        action_id: ASSIGN_BLOCKS.assignee.action,
        ...(input.defaultAssignee ? { initial_user: input.defaultAssignee } : {}),
      },
    },
    {
      type: 'input',
      block_id: ASSIGN_BLOCKS.due.block,
      optional: true,
      label: plain(s.fuDue, MAX_INPUT_LABEL),
      element: {
        type: 'datepicker',
        action_id: ASSIGN_BLOCKS.due.action,
        ...(input.defaultDue ? { initial_date: input.defaultDue } : {}),
      },
    },
    {
      type: 'input',
      block_id: ASSIGN_BLOCKS.note.block,
      optional: true,
      label: plain(s.fuNote, MAX_INPUT_LABEL),
      element: {
        type: 'plain_text_input',
        action_id: ASSIGN_BLOCKS.note.action,
        multiline: true,
        max_length: MAX_NOTE_CHARS,
      },
    },
  );
  return {
    type: 'modal',
    callback_id: VIEWS.ASSIGN_FOLLOWUP_MODAL,
    title: plain(s.fuModalTitle, MAX_MODAL_TITLE),
    submit: plain(s.fuModalSubmit, MAX_MODAL_TITLE),
    close: plain(s.fuModalClose, MAX_MODAL_TITLE),
    private_metadata: encodeMetadata(c),
    blocks,
  };
}

/**
 * What a change modal (Blocked, Change due) needs to know after the submission: which follow-up, and where the
 * button was pressed — the Home tab (re-published after the change) or a message (answered in its thread).
 */
export interface ChangeModalContext {
  followupId: string;
  fromHome: boolean;
  channel: string | null;
  threadTs: string | null;
}

/** The frame both one-field change modals share: title, Save/Cancel, the follow-up id on top, one input. */
function changeModal(
  callbackId: string,
  title: string,
  c: ChangeModalContext,
  input: KnownBlock,
  s: FollowupStrings,
): ModalView {
  return {
    type: 'modal',
    callback_id: callbackId,
    title: plain(title, MAX_MODAL_TITLE),
    submit: plain(s.fuSave, MAX_MODAL_TITLE),
    close: plain(s.fuModalClose, MAX_MODAL_TITLE),
    private_metadata: encodeMetadata(c),
    blocks: [section(`*${escapeMrkdwn(c.followupId)}*`), input],
  };
}

/** "What is blocking it?" — opened by the Blocked button; the reason is required. */
export function blockReasonModal(c: ChangeModalContext, s: FollowupStrings): ModalView {
  return changeModal(
    VIEWS.FOLLOWUP_BLOCK_MODAL,
    s.fuBlockedTitle,
    c,
    {
      type: 'input',
      block_id: REASON_BLOCK.block,
      label: plain(s.fuBlockedReason, MAX_INPUT_LABEL),
      element: {
        type: 'plain_text_input',
        action_id: REASON_BLOCK.action,
        multiline: true,
        min_length: 1,
        max_length: MAX_BLOCKED_REASON_CHARS,
      },
    },
    s,
  );
}

export function dueModal(c: ChangeModalContext, currentDue: string | null, s: FollowupStrings): ModalView {
  return changeModal(
    VIEWS.FOLLOWUP_DUE_MODAL,
    s.fuDueTitle,
    c,
    {
      type: 'input',
      block_id: DUE_BLOCK.block,
      label: plain(s.fuDue, MAX_INPUT_LABEL),
      element: { type: 'datepicker', action_id: DUE_BLOCK.action, ...(currentDue ? { initial_date: currentDue } : {}) },
    },
    s,
  );
}
