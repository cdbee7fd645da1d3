import type { DocumentKind } from '../model.ts';
import { commentarySignals } from './commentary.ts';
import { isQa } from './qa.ts';
import { hasResponsibilityBracket } from './tasks.ts';

/**
 * Q&A when it has 问：/答： pairs; commentary when it reads like a newspaper page (bylines, 编者按, 作者单位…)
 * and assigns no responsibilities; otherwise a policy.
 */
export function classify(paras: string[]): DocumentKind {
  if (isQa(paras)) return 'qa';
  if (commentarySignals(paras) >= 1 && !hasResponsibilityBracket(paras.join('\n'))) return 'commentary';
  return 'policy';
}
