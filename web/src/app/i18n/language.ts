// Chinese is the default: the bank's staff work in Chinese and English is the exception.
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'sharefin.language';

export function readStoredLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh-CN';
  } catch {
    // Storage can be disabled by policy on locked-down branch PCs; the default still works.
    return 'zh-CN';
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not persisting the choice is acceptable; the switch still applies to this tab.
  }
}

/** Each language named in itself, so the names are the same whatever the UI language is. */
export const languageNames = { zhCN: '中文', en: 'English' } as const;
