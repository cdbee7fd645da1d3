import type { Button } from '@slack/types';
import { ACTIONS } from '../ids.ts';
import { button } from '../kit/elements.ts';
import type { Strings } from '../strings.ts';

/**
 * "Assign follow-up" under a measure's detail view (value: the measure id). Shown on private and shared views:
 * on a shared one the follow-up lives in that message's thread; on a private one the bot posts a parent message.
 */
export function assignFollowupDetailAction(measure: { id: string; shared: boolean }, s: Strings): Button[] {
  return [button(ACTIONS.ASSIGN_FOLLOWUP, s.fuAssignButton, measure.id)];
}
