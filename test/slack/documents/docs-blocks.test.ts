import { describe, expect, it } from 'vitest';
import { SEEDS_ADDED_BY } from '../../../src/services/ingest-service.ts';
import { addedByText } from '../../../src/slack/documents/docs-blocks.ts';
import { stringsFor } from '../../../src/slack/strings.ts';

describe('who added a document, in the docs list', () => {
  it.each([
    ['zh', 'UWANG', '<@UWANG>'],
    ['zh', SEEDS_ADDED_BY, '随附的示例文件'],
    ['en', SEEDS_ADDED_BY, 'the bundled seeds'],
    ['zh', 'unknown', '（未记录）'],
    ['en', 'root', 'root'],
  ] as const)('%s: %s → %s', (locale, addedBy, shown) => {
    expect(addedByText(addedBy, stringsFor(locale))).toBe(shown);
  });

  it('escapes an OS user name that looks like markup', () => {
    expect(addedByText('<!channel>', stringsFor('en'))).not.toContain('<!channel>');
  });
});
