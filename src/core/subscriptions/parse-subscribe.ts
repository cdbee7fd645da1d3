import { normalizeQueryText, parseSearchText, QUERY_SPACE, type SearchParse } from '../search/query-text.ts';
import { DEFAULT_SUBSCRIPTION_OPTIONS, type IsoWeekday, type SubscriptionOptions } from './model.ts';

/**
 * `/measures subscribe …`: the schedule words of a subscription, then the rest, which is a search query in the
 * one search grammar (core/search/query-text.ts) and is checked by it. Schedule words:
 * a weekday (`周三`, `星期三`, `每周三`, `wed`, `wednesday`), a time (`08:30`), `horizon:14` / `提前:14天`,
 * `tz:Europe/Berlin` / `时区:…`, `skip-empty` / `无则不发`, `changes` / `仅变化`.
 */

export type SubscribeProblem =
  | { problem: 'bad_time'; value: string }
  | { problem: 'bad_horizon'; value: string }
  | { problem: 'bad_time_zone'; value: string }
  | { problem: 'bad_due'; value: string }
  | { problem: 'bad_kind'; value: string };

export type SubscribeParse =
  | { ok: true; query: string; options: SubscriptionOptions }
  | ({ ok: false } & SubscribeProblem);

const ZH_DAYS: Record<string, IsoWeekday> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const EN_DAYS: Record<string, IsoWeekday> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};
export const MAX_HORIZON_DAYS = 366;

function weekdayOf(word: string): IsoWeekday | undefined {
  const zh = word.match(/^(?:每周|周|星期|礼拜)([一二三四五六日天])$/);
  if (zh) return ZH_DAYS[zh[1]!];
  const lower = word.toLowerCase();
  return Object.hasOwn(EN_DAYS, lower) ? EN_DAYS[lower] : undefined;
}

const OPTION = /^(horizon|提前|范围|tz|时区)[:：](.+)$/i;

/**
 * @example parseSubscribe('地区:天津 周三 08:30 skip-empty', isZone)
 *   // ok, query '地区:天津', options { weekday: 3, time: '08:30', skipEmpty: true, … }
 */
export function parseSubscribe(text: string, isTimeZone: (tz: string) => boolean, today: string): SubscribeParse {
  const options: SubscriptionOptions = { ...DEFAULT_SUBSCRIPTION_OPTIONS };
  const rest: string[] = [];
  for (const word of normalizeQueryText(text)
    .split(QUERY_SPACE)
    .filter((w) => w !== '')) {
    const normalized = word.normalize('NFKC');
    const day = weekdayOf(normalized);
    if (day) {
      options.weekday = day;
      continue;
    }
    const time = normalized.match(/^(\d{1,2})[:：](\d{2})$/);
    if (time) {
      const h = Number(time[1]);
      const m = Number(time[2]);
      if (h > 23 || m > 59) return { ok: false, problem: 'bad_time', value: word };
      options.time = `${String(h).padStart(2, '0')}:${time[2]}`;
      continue;
    }
    const lower = normalized.toLowerCase();
    if (lower === 'skip-empty' || lower === 'skipempty' || word === '无则不发') {
      options.skipEmpty = true;
      continue;
    }
    if (lower === 'changes' || lower === 'changes-only' || word === '仅变化' || word === '只看变化') {
      options.changesOnly = true;
      continue;
    }
    const opt = normalized.match(OPTION);
    if (opt) {
      const key = opt[1]!.toLowerCase();
      const value = opt[2]!;
      if (key === 'tz' || key === '时区') {
        if (!isTimeZone(value)) return { ok: false, problem: 'bad_time_zone', value };
        options.timeZone = value;
      } else {
        const n = value.replace(/天$|d$|days?$/i, '');
        if (!/^\d{1,3}$/.test(n) || Number(n) < 1 || Number(n) > MAX_HORIZON_DAYS)
          return { ok: false, problem: 'bad_horizon', value };
        options.horizonDays = Number(n);
      }
      continue;
    }
    rest.push(word);
  }
  const query = rest.join(' ');
  // Checked now so a typo is answered at once, not on Monday; parsed again at every digest.
  const parsed: SearchParse = parseSearchText(query, today);
  if (!parsed.ok) return { ok: false, problem: parsed.problem, value: parsed.value };
  return { ok: true, query, options };
}
