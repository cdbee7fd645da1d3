import { MAX_BLOCKED_REASON_CHARS } from '../../core/followups/limits.ts';

/**
 * Block Kit limits, as Slack's Block Kit reference states them. Builders trim to these and say how
 * much was left out instead of letting Slack reject the whole message with invalid_blocks.
 */
export const MAX_BLOCKS_PER_MESSAGE = 50;
export const MAX_BLOCKS_PER_VIEW = 100;
export const MAX_SECTION_TEXT = 3000;
export const MAX_SECTION_FIELDS = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_HEADER_TEXT = 150;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_CONTEXT_ELEMENTS = 10;
export const MAX_ACTIONS_ELEMENTS = 25;
export const MAX_MODAL_TITLE = 24;
export const MAX_BLOCK_ID = 255;
/**
 * Slack rejects a message whose blocks carry too much text in total with `msg_blocks_too_long`, even when every
 * block is within its own limit. The limit is undocumented; people report rejections from about 12,000
 * characters (slack-reference/blockkit-limits.md), so builders keep the total well below that.
 */
export const MAX_MESSAGE_BLOCK_TEXT = 11_000;
/** Top-level `text` (notification / fallback). Slack truncates at 40k; stay far below. */
export const MAX_FALLBACK_TEXT = 3000;
/** What `/measures` accepts; longer input is refused with a message (Slack allows ~4,000 characters). */
export const MAX_COMMAND_TEXT = 500;
/**
 * Slack drops a slash command (the user sees "operation_timeout") that is not acknowledged within 3 s of Slack
 * sending it; an answer ready within ANSWER_IN_ACK_MS of the handler starting is sent as the acknowledgement
 * itself, which leaves the rest of the 3 s for the network and a busy event loop.
 */
export const SLASH_COMMAND_ACK_MS = 3000;
export const ANSWER_IN_ACK_MS = 1500;
/**
 * A command whose work starts later than this after it arrived (other commands' synchronous searches ran
 * first) is acknowledged empty before its own work: queued behind more of them, its answer could pass 3 s.
 */
export const ANSWER_IN_ACK_START_MS = 300;
/** Hits per results page. Each hit costs 2 blocks; header, filters, footer and actions take the rest. */
export const RESULTS_PAGE_SIZE = 8;
/** Label of an input block (plain_text). */
export const MAX_INPUT_LABEL = 2000;
/** Hint under an input block (plain_text). */
export const MAX_INPUT_HINT = 2000;
/** A view's private_metadata. */
export const MAX_PRIVATE_METADATA = 3000;
/** A measure's title inside a follow-up DM (assignment, reminder): enough to recognise it, short in a notification. */
export const DM_TITLE_CHARS = 200;
/** A blocked reason quoted in the thread note: all of it (the service refuses longer ones). */
export const MAX_BLOCKED_REASON_IN_NOTE = MAX_BLOCKED_REASON_CHARS;
