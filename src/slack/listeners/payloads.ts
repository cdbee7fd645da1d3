import { z } from 'zod';
import { MAX_BUTTON_VALUE } from '../kit/limits.ts';

/**
 * zod schemas for the parts of Slack payloads the handlers read. Bolt's types are compile-time only; these
 * check at run time, so a surprising payload is answered with a message instead of a crash.
 */

export const slashCommandSchema = z.object({
  text: z.string().default(''),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
  team_id: z.string().optional(),
  trigger_id: z.string().optional(),
  response_url: z.string().optional(),
});

/** A block_actions payload for one button press: in a message (channel, thread, ephemeral) or the Home tab. */
export const buttonActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z
    .object({
      type: z.string().optional(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .passthrough()
    .optional(),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  view: z.object({ type: z.string() }).passthrough().optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).passthrough().optional(),
  actions: z
    .array(z.object({ action_id: z.string(), value: z.string().max(MAX_BUTTON_VALUE).default('') }).passthrough())
    .min(1),
});

export type ButtonAction = z.infer<typeof buttonActionSchema>;

export interface Place {
  user: string;
  channel: string | null;
  threadTs: string | null;
  inHome: boolean;
}

/** Where a button was pressed: a channel (and thread) to answer in, or the Home tab (no channel). */
export function placeOf(p: ButtonAction): Place {
  return {
    user: p.user.id,
    channel: channelOf(p) ?? null,
    threadTs: p.message?.thread_ts ?? p.container?.thread_ts ?? p.message?.ts ?? null,
    inHome: p.view?.type === 'home' || p.container?.type === 'view',
  };
}

/** Where to tell the presser something privately (see tell): their channel and thread, or a DM from the Home tab. */
export function replyTo(place: Place): { user: string; channel: string | null; threadTs: string | null } {
  return place.inHome
    ? { user: place.user, channel: null, threadTs: null }
    : { user: place.user, channel: place.channel, threadTs: place.threadTs };
}

/** A view_submission: the fields the modals read. */
export const viewSubmissionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  view: z
    .object({
      id: z.string().min(1),
      callback_id: z.string().optional(),
      private_metadata: z.string().default(''),
      state: z.object({
        values: z.record(
          z.record(
            z
              .object({
                type: z.string().optional(),
                value: z.string().nullable().optional(),
                selected_user: z.string().nullable().optional(),
                selected_date: z.string().nullable().optional(),
              })
              .passthrough(),
          ),
        ),
      }),
    })
    .passthrough(),
});

/** A modal's private_metadata (JSON we wrote), checked like any other input; undefined when it does not fit. */
export function parseMetadata<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, raw: string): T | undefined {
  try {
    const r = schema.safeParse(JSON.parse(raw || '{}'));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

export const appMentionSchema = z.object({
  user: z.string().optional(),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
  /** Files shared with the mention: documents to index (documents/add-shared-file.ts). */
  files: z.array(z.object({ id: z.string().min(1) }).passthrough()).optional(),
});

/** file_shared: a file shared where the bot is (only the bot's DM is acted on). */
export const fileSharedSchema = z.object({
  file_id: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().min(1),
});

export const appHomeOpenedSchema = z.object({
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** The channel a button was pressed in (messages from slash commands carry it in `channel` or `container`). */
export function channelOf(a: ButtonAction): string | undefined {
  return a.channel?.id ?? a.container?.channel_id;
}
