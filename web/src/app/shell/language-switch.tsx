import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n/i18n';
import type { Language } from '../i18n/language';

export function LanguageSwitch() {
  // Subscribes to language changes so the selected segment follows the switch.
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('language.label')}
      data-testid="language-switch"
      value={currentLanguage()}
      options={[
        { label: t('language.zhCN'), value: 'zh-CN' },
        { label: t('language.en'), value: 'en' },
      ]}
      onChange={(language) => void changeLanguage(language)}
    />
  );
}
