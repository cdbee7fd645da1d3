export type Locale = 'zh' | 'en';

/** One feature's UI strings: Chinese is the source of truth, English must have exactly the same keys. */
export interface LocalizedStrings<T> {
  zh: T;
  en: T;
}

/** Helper that makes TypeScript check the English table against the Chinese one. */
export function defineStrings<T>(zh: T, en: T): LocalizedStrings<T> {
  return { zh, en };
}
