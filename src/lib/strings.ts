/** The UI languages: Chinese by default, English with BOT_LOCALE=en. */
export type Locale = 'zh' | 'en';

/** One feature's UI strings: Chinese is the source of truth, English must have exactly the same keys. */
export interface LocalizedStrings<T> {
  zh: T;
  en: T;
}

/**
 * One feature's table of strings in both languages. The type comes from the Chinese table alone (`NoInfer`),
 * so an English table with a key missing, an extra key or a different signature fails the typecheck.
 *
 * @example defineStrings({ hello: '你好' }, { hello: 'Hello' })
 */
export function defineStrings<T>(zh: T, en: NoInfer<T>): LocalizedStrings<T> {
  return { zh, en };
}
