import { SPACE, normalizeCommandText } from '../subcommands/route.ts';
import { parseDue } from './parse-due.ts';

/** Filters typed as words after the keywords. Mirrors searchMeasures' filters. */
export interface SearchFilters {
  department?: string;
  region?: string;
  kind?: 'measure' | 'answer' | 'proposal';
  dueFrom?: string;
  dueTo?: string;
  inForce?: boolean;
}

export interface ParsedSearch {
  /** The keywords with the filter words removed (may be empty when filters alone narrow the search). */
  query: string;
  filters: SearchFilters;
  /** Human-readable filter chips, e.g. [['department','商务'],['due','2023']]. */
  chips: [keyof ChipNames, string][];
}

type ChipNames = { department: 1; region: 1; kind: 1; due: 1; inForce: 1 };

export type SearchParse = { ok: true; search: ParsedSearch } | { ok: false; problem: 'bad_due' | 'bad_kind'; value: string };

const KEYS: Record<string, 'department' | 'region' | 'due' | 'kind'> = {
  部门: 'department', dept: 'department', department: 'department', 单位: 'department',
  地区: 'region', region: 'region', 地方: 'region',
  年: 'due', 年份: 'due', 期限: 'due', due: 'due', year: 'due',
  类型: 'kind', kind: 'kind', type: 'kind',
};

const KINDS: Record<string, SearchFilters['kind']> = {
  measure: 'measure', 举措: 'measure', 措施: 'measure',
  answer: 'answer', qa: 'answer', 问答: 'answer',
  proposal: 'proposal', 建议: 'proposal',
};

const IN_FORCE = new Set(['in-force', 'inforce', 'in_force', '现行', '现行有效', '有效']);

const unquote = (v: string) => v.replace(/^["'“”‘’「」]+|["'“”‘’「」]+$/g, '');

/**
 * Splits `冷链 部门:商务 年:2023 现行` into keywords and filters. Full-width colons (：) are accepted because
 * Chinese IMEs type them. A `key:` this does not know stays a keyword (people search for "5G:" too).
 */
const SLACK_TOKEN = /<[!@#][^<>]*>/g;

export function parseSearchText(text: string, today: string): SearchParse {
  // Slack-formatted tokens (<!channel>, <@U123|wang>, <#C1|general>) are not keywords: drop them.
  const words = normalizeCommandText(text.replace(SLACK_TOKEN, ' ')).split(SPACE).filter((w) => w !== '');
  const keywords: string[] = [];
  const filters: SearchFilters = {};
  const chips: ParsedSearch['chips'] = [];
  for (const word of words) {
    if (IN_FORCE.has(word.toLowerCase())) {
      filters.inForce = true;
      chips.push(['inForce', '✓']);
      continue;
    }
    const m = word.match(/^([^:：]+)[:：](.*)$/);
    const key = m ? KEYS[m[1]!.toLowerCase()] : undefined;
    const value = m ? unquote(m[2]!.trim()) : '';
    if (!key || value === '') {
      keywords.push(word);
      continue;
    }
    if (key === 'department' || key === 'region') {
      filters[key] = value;
      chips.push([key, value]);
    } else if (key === 'kind') {
      const kind = KINDS[value.toLowerCase()];
      if (!kind) return { ok: false, problem: 'bad_kind', value };
      filters.kind = kind;
      chips.push(['kind', value]);
    } else {
      const due = parseDue(value, today);
      if (!due) return { ok: false, problem: 'bad_due', value };
      if (due.dueFrom) filters.dueFrom = due.dueFrom;
      if (due.dueTo) filters.dueTo = due.dueTo;
      chips.push(['due', due.label]);
    }
  }
  return { ok: true, search: { query: keywords.join(' '), filters, chips } };
}
