import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language, readStoredLanguage, storeLanguage } from './language';

// The i18next set-up without any texts. The console app registers all of its texts (i18n.ts);
// the payer's cashier registers only its own, so a phone opening a store code does not
// download the console's words. Both share the language switch and the stored choice.

// dayjs keeps its own global locale; it must follow the UI language or the antd date
// pickers would show English month names inside a Chinese page.
function applyDayjsLocale(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
}

export function initI18n(zhCN: object, en: object): void {
  const initialLanguage = readStoredLanguage();
  applyDayjsLocale(initialLanguage);
  document.documentElement.lang = initialLanguage;
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: initialLanguage,
    fallbackLng: 'zh-CN',
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  applyDayjsLocale(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export { i18n };
