/**
 * Every id Slack routes on, shared by the Block Kit builders (which put them in buttons and views) and the
 * listeners (which register on them). manifest.yml repeats the command and the shortcut callback id; a test
 * (test/slack/registration.test.ts) checks that every id here and in the manifest has a registered handler.
 */

/** The slash command (manifest.yml `features.slash_commands`). */
export const MEASURES_COMMAND = '/measures';

/** Button / block action ids (`app.action`). */
export const ACTIONS = {
  /** "More results": replaces the ephemeral result message with the next page. Value: SearchState JSON. */
  SEARCH_MORE: 'search_more',
  /** The previous page: the same handler as SEARCH_MORE (the value carries the offset); Slack wants distinct ids. */
  SEARCH_PREVIOUS: 'search_previous',
  /** "Share in channel": posts the current result page publicly. Value: SearchState JSON. */
  SHARE_RESULTS: 'share_results',
  /** "Details" on a hit: answers with the detail view of one measure. Value: measure id. */
  SHOW_MEASURE: 'show_measure',
  /** "Share in channel" on a detail view. Value: measure id. */
  SHARE_MEASURE: 'share_measure',
  /** "Assign follow-up" on a detail view or digest item. Value: measure, task or target id. */
  ASSIGN_FOLLOWUP: 'assign_followup',
  /** Follow-up card buttons. Value: follow-up id (F12). */
  FOLLOWUP_START: 'followup_start',
  FOLLOWUP_DONE: 'followup_done',
  FOLLOWUP_BLOCK: 'followup_block',
  FOLLOWUP_CANCEL: 'followup_cancel',
  FOLLOWUP_REOPEN: 'followup_reopen',
  FOLLOWUP_DUE: 'followup_due',
  /** "Re-post" on a follow-up whose last Slack post failed (in /measures followups). Value: follow-up id. */
  FOLLOWUP_REPOST: 'followup_repost',
  /** Previous/next page of /measures docs. Value: the page's offset. */
  DOCS_PAGE: 'docs_page',
  /** "Remove document" (with a confirm dialog) after /measures remove. Value: document id. */
  REMOVE_DOCUMENT: 'remove_document',
} as const;

/** Shortcut callback ids (`app.shortcut`), repeated in manifest.yml. */
export const SHORTCUTS = {
  /** Message shortcut "Assign follow-up". */
  ASSIGN_FOLLOWUP_MESSAGE: 'assign_followup_message',
} as const;

/** Modal callback ids (`app.view`). Add one per modal, next to its builder. */
export const VIEWS = {
  /** The "Assign follow-up" modal. */
  ASSIGN_FOLLOWUP_MODAL: 'assign_followup_modal',
  /** Follow-ups: "what is blocking it?" and "change due date" modals. private_metadata: follow-up id + where. */
  FOLLOWUP_BLOCK_MODAL: 'followup_block_modal',
  FOLLOWUP_DUE_MODAL: 'followup_due_modal',
} as const;

/** Events the app subscribes to (manifest.yml `settings.event_subscriptions.bot_events`). */
export const EVENTS = {
  APP_MENTION: 'app_mention',
  APP_HOME_OPENED: 'app_home_opened',
  /** A file shared in the bot's DM: a document to index. */
  FILE_SHARED: 'file_shared',
} as const;

export type ActionId = (typeof ACTIONS)[keyof typeof ACTIONS];
export type ShortcutId = (typeof SHORTCUTS)[keyof typeof SHORTCUTS];
export type ViewId = (typeof VIEWS)[keyof typeof VIEWS];
