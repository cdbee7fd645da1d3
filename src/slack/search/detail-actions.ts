import type { Button } from '@slack/types';
import { assignFollowupDetailAction } from '../followups/detail-action.ts';
import { ACTIONS } from '../ids.ts';
import { button } from '../kit/elements.ts';
import { MAX_ACTIONS_ELEMENTS } from '../kit/limits.ts';
import type { Strings } from '../strings.ts';

/**
 * Buttons under a measure's detail view. Extension point: a feature that acts on a measure (follow-ups:
 * "Assign follow-up" with ACTIONS.ASSIGN_FOLLOWUP) adds one builder to `detailActionBuilders` and registers a
 * handler for its action id. Keep the list short: Slack shows at most 25 elements per actions block, and people
 * read about three.
 */
export type DetailActionBuilder = (measure: { id: string; shared: boolean }, strings: Strings) => Button[];

const shareMeasure: DetailActionBuilder = (m, s) => (m.shared ? [] : [button(ACTIONS.SHARE_MEASURE, s.share, m.id)]);

export const detailActionBuilders: DetailActionBuilder[] = [shareMeasure, assignFollowupDetailAction];

export function detailActions(
  measure: { id: string; shared: boolean },
  strings: Strings,
  builders = detailActionBuilders,
): Button[] {
  return builders.flatMap((b) => b(measure, strings)).slice(0, MAX_ACTIONS_ELEMENTS);
}
