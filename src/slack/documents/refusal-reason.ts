import type { FileProblem } from '../../services/ingest-files.ts';
import type { Strings } from '../strings.ts';

/**
 * Why files were refused, in the bot's language (plain text): each problem's code through `docRefusal`, or
 * the service's English message for a problem without a code the strings know.
 * @example refusalReason([{ path: 'scan.pdf', message: '…', code: 'no_text_layer', params: {} }], stringsFor('zh'))
 */
export function refusalReason(problems: readonly FileProblem[], s: Strings): string {
  return problems
    .map((p) => {
      const say = p.code && Object.hasOwn(s.docRefusal, p.code) ? s.docRefusal[p.code] : undefined;
      return say ? say(p.path, p.params ?? {}) : p.message;
    })
    .join('\n');
}
