import './mobile-render';
import './h5.css';
import { ConfigProvider, NavBar } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../app/i18n/i18n';

/**
 * The phone-sized page every H5 screen sits in: a title bar with the language switch and a
 * column no wider than a large phone, centred when opened on a desktop.
 */
export function MobileFrame({
  title,
  onBack,
  children,
}: {
  title?: ReactNode;
  onBack?: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();

  useEffect(() => {
    const previous = document.title;
    document.title = `${t('apply.title')} · ${t('apply.bankName')}`;
    return () => {
      document.title = previous;
    };
  }, [t]);

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
                {language === 'en' ? t('language.zhCN') : t('language.en')}
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
