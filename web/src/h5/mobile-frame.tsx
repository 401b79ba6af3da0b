import './mobile-render';
import './h5.css';
import { ConfigProvider, NavBar } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../app/i18n/i18n-setup';
import { languageNames } from '../app/i18n/language';

/**
 * The phone-sized page every H5 screen sits in: a title bar with the language switch and a
 * column no wider than a large phone, centred when opened on a desktop.
 */
export function MobileFrame({
  title,
  pageTitle,
  onBack,
  children,
}: {
  title?: ReactNode;
  /** The browser tab's (and the wallet web view's) title; the application form's by default. */
  pageTitle?: string;
  onBack?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const tabTitle = pageTitle ?? t('apply.title');

  useEffect(() => {
    const previous = document.title;
    document.title = `${tabTitle} · ${t('apply.bankName')}`;
    return () => {
      document.title = previous;
    };
  }, [t, tabTitle]);

  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
      <div style={{ minHeight: '100vh', background: '#f2f4f7' }}>
        <div
          style={{
            maxWidth: 560,
            margin: '0 auto',
            minHeight: '100vh',
            background: '#f5f6f8',
            display: 'flex',
            flexDirection: 'column',
          }}
        >
          <NavBar
            back={onBack ? '' : null}
            onBack={onBack}
            style={{
              background: '#fff',
              borderBottom: '1px solid #eee',
              position: 'sticky',
              top: 0,
              zIndex: 10,
            }}
            right={
              <button
                type="button"
                data-testid="h5-language"
                onClick={() => void changeLanguage(language === 'en' ? 'zh-CN' : 'en')}
                style={{
                  border: 'none',
                  background: 'none',
                  color: '#1677ff',
                  fontSize: 14,
                  padding: 0,
                  cursor: 'pointer',
                }}
              >
                {language === 'en' ? languageNames.zhCN : languageNames.en}
              </button>
            }
          >
            {title ?? t('apply.title')}
          </NavBar>
          <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>{children}</div>
        </div>
      </div>
    </ConfigProvider>
  );
}
