import { Button, Form } from 'antd';
import { useTranslation } from 'react-i18next';

/** The search and reset buttons that end an inline filter form. */
export function SearchButtons({ testId, onReset }: { testId: string; onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid={testId}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={onReset}>{t('common.reset')}</Button>
      </Form.Item>
    </>
  );
}
