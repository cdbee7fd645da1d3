import fs from 'node:fs';
import path from 'node:path';
import { SHARED_DIR } from './paths.ts';

/** ../shared/eval/seeds-gold.json: the seeds' expected structure, read by the parser and the end-to-end tests. */

export const GOLD_PATH = path.join(SHARED_DIR, 'eval', 'seeds-gold.json');

export interface GoldTarget {
  quote: string;
  due?: string;
  /** Any of these dues is right (a vague deadline). */
  due_accept?: string[];
  precision: string;
  period_start?: string;
}

export interface GoldMeasure {
  label: string;
  title: string;
  tasks: { departments: string[]; targets?: GoldTarget[] }[];
}

export interface GoldDoc {
  file: string;
  title: string;
  region: string;
  kind: string;
  doc_number?: string | null;
  date?: string;
  expires?: string | null;
  notes?: string;
  measures?: GoldMeasure[];
  /** Document-level targets (documents without numbered measures in the gold). */
  targets?: GoldTarget[];
  non_targets?: string[];
  non_department_parentheticals?: string[];
}

export function loadGold(): GoldDoc[] {
  return (JSON.parse(fs.readFileSync(GOLD_PATH, 'utf8')) as { documents: GoldDoc[] }).documents;
}
