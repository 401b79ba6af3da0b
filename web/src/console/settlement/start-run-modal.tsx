import { App, DatePicker, Form, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../app/shell/query-error';
import { useStartSettlementRun } from '../../settlement/settlement-api';

interface StartRunFields {
  date: Dayjs;
}

/**
 * Starts (or resumes) the settlement of a date. A refusal (the date is not due yet, another run
 * is in progress) stays in the modal with the server's message, so the user can pick another
 * date. The run then heads the list, which refreshes; one that left failures says so.
 */
export function StartRunModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StartRunFields>();
  const start = useStartSettlementRun();

  const submit = ({ date }: StartRunFields) => {
    start.mutate(date.format('YYYY-MM-DD'), {
      onSuccess: (run) => {
        const values = { date: run.settlementDate };
        if (run.status === 'completed') void message.success(t('settlement.runs.started', values));
        else void message.warning(t('settlement.runs.startedFailed', values));
        onClose();
      },
    });
  };

  return (
    <Modal
      open
      title={t('settlement.runs.startTitle')}
      okText={t('settlement.runs.submit')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={start.isPending}
      okButtonProps={{ 'data-testid': 'start-run-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('settlement.runs.startHint')}</Typography.Paragraph>
      {start.isError && (
        <div style={{ marginBottom: 16 }} data-testid="start-run-error">
          <QueryError error={start.error} />
        </div>
      )}
      <Form<StartRunFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        // The usual run settles yesterday's business day.
        initialValues={{ date: dayjs().subtract(1, 'day') }}
      >
        <Form.Item
          name="date"
          label={t('settlement.runs.date')}
          rules={[{ required: true, message: t('settlement.runs.dateRequired') }]}
        >
          <DatePicker
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            data-testid="start-run-date"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
