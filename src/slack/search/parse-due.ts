import { addDays, isIsoDate } from '../../lib/dates.ts';

/** A due-date window, inclusive, as ISO dates. */
export interface DueRange {
  dueFrom?: string;
  dueTo?: string;
  /** How the user wrote it, normalised for display (2023, 2023-06, next 90d). */
  label: string;
}

const lastDayOfMonth = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

/**
 * Reads a due spec: `2023` / `2023年`, `2023-06` / `2023年6月` / `2023/6`, `2023-06-30`, `next 90d` / `90d` /
 * `未来90天`, `next 3m`, `overdue` / `逾期` (before today). Returns undefined when it is none of these.
 */
export function parseDue(spec: string, today: string): DueRange | undefined {
  const s = spec.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  let m: RegExpMatchArray | null;
  if ((m = s.match(/^(\d{4})年?$/))) {
    const y = Number(m[1]);
    return { dueFrom: `${y}-01-01`, dueTo: `${y}-12-31`, label: String(y) };
  }
  if ((m = s.match(/^(\d{4})(?:-|\/|\.|年)(\d{1,2})月?$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    const mm = String(mo).padStart(2, '0');
    return { dueFrom: `${y}-${mm}-01`, dueTo: lastDayOfMonth(y, mo), label: `${y}-${mm}` };
  }
  if ((m = s.match(/^(\d{4})(?:-|\/|年)(\d{1,2})(?:-|\/|月)(\d{1,2})日?$/))) {
    const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isIsoDate(d) ? { dueFrom: d, dueTo: d, label: d } : undefined;
  }
  if ((m = s.match(/^(?:next ?|未来|近)?(\d{1,4}) ?(d|day|days|天|日|w|weeks?|周|m|months?|个月|月)$/))) {
    const n = Number(m[1]);
    const unit = m[2]!;
    const days = /^(w|week|weeks|周)$/.test(unit) ? n * 7 : /^(m|month|months|个月|月)$/.test(unit) ? n * 30 : n;
    if (days < 1 || days > 3660) return undefined;
    return { dueFrom: today, dueTo: addDays(today, days), label: `next ${days}d` };
  }
  if (/^(overdue|past|逾期|已过期|过期)$/.test(s)) {
    return { dueTo: addDays(today, -1), label: 'overdue' };
  }
  return undefined;
}
