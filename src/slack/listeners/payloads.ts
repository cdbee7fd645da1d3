import { z } from 'zod';

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

/** A block_actions payload for one button press. */
export const buttonActionSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().optional(), is_ephemeral: z.boolean().optional() }).passthrough().optional(),
  team: z.object({ id: z.string() }).nullable().optional(),
  trigger_id: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().max(2000).optional() }).passthrough()).min(1),
});

export type ButtonAction = z.infer<typeof buttonActionSchema>;

export const appMentionSchema = z.object({
  user: z.string().optional(),
  text: z.string(),
  channel: z.string().min(1),
  ts: z.string(),
  thread_ts: z.string().optional(),
  bot_id: z.string().optional(),
});

export const appHomeOpenedSchema = z.object({
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** The channel a button was pressed in (messages from slash commands carry it in `channel` or `container`). */
export function channelOf(a: ButtonAction): string | undefined {
  return a.channel?.id ?? a.container?.channel_id;
}
