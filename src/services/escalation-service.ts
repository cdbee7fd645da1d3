import { ESCALATION_STEPS, type EscalationStep, nextEscalationStep } from '../core/followups/escalation.ts';
import { ACTIVE_STATUSES, type Followup } from '../core/followups/model.ts';
import type { Segmenter } from '../core/search/segmenter.ts';
import { type RunWrite, retryingWrite } from '../db/busy-retry.ts';
import type { Db } from '../db/open.ts';
import type { Logger } from '../lib/logger.ts';
import { type WorkCalendar, workingDaysBetween } from '../lib/work-calendar.ts';
import { claimEscalation, ladderOf, settleEscalation } from '../repo/escalations-repo.ts';
import * as repo from '../repo/followups-repo.ts';
import { followupTitle } from './followup-service.ts';
import { type AudienceSettings, audienceScope, digestAudiences } from './subscription-service.ts';

/**
 * Escalation of overdue follow-ups, database side: which step each one is due (core/followups/escalation.ts),
 * the claim that makes each step happen once across processes, and the record in the follow-up's history.
 * Sending is the caller's `send` (src/slack/followups/send-escalations.ts).
 */

export interface EscalationSettings extends AudienceSettings {
  ESCALATION_WORKING_DAYS: readonly [number, number, number];
}

export interface EscalationTarget {
  followup: Followup;
  step: EscalationStep;
  /** The measure's title, or null when it vanished in a re-ingest. */
  title: string | null;
  /** Step 3: the channels whose subscriptions cover the follow-up's measure. */
  channels: string[];
  /** Working days since the due date. */
  overdueWorkingDays: number;
}

/** Sends one step. Resolves `skipped` when there is nowhere to send it (no thread, no subscribed channel). Throws on failure. */
export type SendEscalation = (t: EscalationTarget) => Promise<'sent' | 'skipped'>;

export interface EscalationReport {
  sent: { id: string; step: number }[];
  skipped: { id: string; step: number }[];
  failed: { id: string; step: number; error: string }[];
}

export interface EscalationDeps {
  db: Db;
  logger: Logger;
  calendar: WorkCalendar;
  settings: EscalationSettings;
  send: SendEscalation;
  /** Cuts the keywords of the subscriptions a step-3 escalation is sent by. */
  segmenter: Segmenter;
  /** How claims and outcomes are written; retried while another process holds the lock unless told (busy-retry.ts). */
  write?: RunWrite;
}

/** Runs today's steps. Call it as often as you like: each step is claimed once per (follow-up, due date). */
export async function runEscalations(
  deps: EscalationDeps,
  at: { today: string; nowIso: string },
): Promise<EscalationReport> {
  const { db, calendar, settings } = deps;
  const write = deps.write ?? retryingWrite();
  const report: EscalationReport = { sent: [], skipped: [], failed: [] };
  if (!calendar.isWorkingDay(at.today)) return report;
  let channelScopes: { channel: string; scope: Set<string> | null }[] | undefined;
  for (const f of repo.listFollowups(db, { statuses: ACTIVE_STATUSES })) {
    const due = f.due;
    if (due === null || due >= at.today) continue;
    const step = nextEscalationStep({
      status: f.status,
      due,
      today: at.today,
      calendar,
      delaysWorkingDays: settings.ESCALATION_WORKING_DAYS,
      ladder: ladderOf(db, f.id, due),
    });
    if (step === null) continue;
    if (!(await write(() => claimEscalation(db, { followupId: f.id, due, step, nowIso: at.nowIso })))) continue;
    let channels: string[] = [];
    if (step === ESCALATION_STEPS.channel) {
      channelScopes ??= digestAudiences(db, settings).map((a) => ({
        channel: a.channel,
        scope: audienceScope(db, a, at.today, deps.segmenter),
      }));
      channels = [
        ...new Set(channelScopes.filter((c) => c.scope === null || c.scope.has(f.measureId)).map((c) => c.channel)),
      ];
    }
    const settle = (status: 'sent' | 'failed' | 'skipped', error: string | null) =>
      write(
        db.transaction(() => {
          settleEscalation(db, { followupId: f.id, due, step, status, on: at.today, error });
          repo.insertEvent(db, f.id, at.nowIso, 'system', 'escalated', {
            step,
            due,
            outcome: status,
            ...(channels.length > 0 ? { channels } : {}),
            ...(error ? { error } : {}),
          });
        }),
      );
    try {
      const outcome = await deps.send({
        followup: f,
        step,
        title: followupTitle(db, f),
        channels,
        overdueWorkingDays: workingDaysBetween(calendar, due, at.today),
      });
      await settle(outcome, null);
      report[outcome].push({ id: f.id, step });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      await settle('failed', error);
      deps.logger.warn('escalation not sent', { id: f.id, step, error });
      report.failed.push({ id: f.id, step, error });
    }
  }
  return report;
}
