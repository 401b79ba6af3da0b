import { en } from './en';
import { initI18n } from './i18n-setup';
import { type TranslationResources, zhCN } from './zh-CN';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TranslationResources };
  }
}

// The console app's texts, all of them; the set-up itself is shared with the cashier.
initI18n(zhCN, en);

export { changeLanguage, currentLanguage, i18n } from './i18n-setup';
