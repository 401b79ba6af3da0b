import { InboxOutlined } from '@ant-design/icons';
import { App, DatePicker, Form, Modal, Select, Typography, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../../app/shell/query-error';
import { channelLabel } from '../../payments/labels';
import { useImportStatement } from './recon-api';
import { type StatementChannel, statementChannels } from './recon-types';

interface ImportFields {
  channel: StatementChannel;
  date: Dayjs;
}

export type ImportMode = 'upload' | 'fetch';

export const importDetailPath = (id: string) =>
  `/console/reconciliation/imports/${encodeURIComponent(id)}`;

/**
 * Reconciles a channel's statement of a day: a file the user picks (sent as its raw bytes) or
 * one the server fetches from the channel. The file is only picked here, not sent on its own,
 * because the upload needs the channel and date chosen with it. A refusal (a day not yet
 * closed, a malformed file, a result already worked on) stays in the modal with its message.
 */
export function StatementImportModal({ mode, onClose }: { mode: ImportMode; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ImportFields>();
  const [file, setFile] = useState<UploadFile | null>(null);
  const [fileMissing, setFileMissing] = useState(false);
  const importStatement = useImportStatement();
  const uploading = mode === 'upload';

  const submit = ({ channel, date }: ImportFields) => {
    const raw = file?.originFileObj;
    if (uploading && !raw) {
      setFileMissing(true);
      return;
    }
    importStatement.mutate(
      { channel, date: date.format('YYYY-MM-DD'), file: uploading ? raw : undefined },
      {
        onSuccess: (result) => {
          void message.success(
            t('reconciliation.imports.done', {
              channel: channelLabel(result.channel),
              date: result.statementDate,
              count: result.breakCount,
            }),
          );
          onClose();
          void navigate(importDetailPath(result.id));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={
        uploading ? t('reconciliation.imports.uploadTitle') : t('reconciliation.imports.fetchTitle')
      }
      okText={
        uploading
          ? t('reconciliation.imports.submitUpload')
          : t('reconciliation.imports.submitFetch')
      }
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={importStatement.isPending}
      okButtonProps={{ 'data-testid': 'import-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {uploading ? t('reconciliation.imports.uploadHint') : t('reconciliation.imports.fetchHint')}
      </Typography.Paragraph>
      {importStatement.isError && (
        <div style={{ marginBottom: 16 }} data-testid="import-error">
          <QueryError error={importStatement.error} />
        </div>
      )}
      <Form<ImportFields>
        form={form}
        layout="vertical"
        onFinish={submit}
        // Statements arrive the morning after: yesterday is the usual day to reconcile.
        initialValues={{ date: dayjs().subtract(1, 'day') }}
      >
        <Form.Item
          name="channel"
          label={t('reconciliation.imports.channel')}
          rules={[{ required: true, message: t('reconciliation.imports.channelRequired') }]}
        >
          <Select
            data-testid="import-channel"
            options={statementChannels.map((channel) => ({
              value: channel,
              label: channelLabel(channel),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="date"
          label={t('reconciliation.imports.date')}
          rules={[{ required: true, message: t('reconciliation.imports.dateRequired') }]}
        >
          <DatePicker
            allowClear={false}
            disabledDate={(day) => day.isAfter(dayjs(), 'day')}
            data-testid="import-date"
          />
        </Form.Item>
        {uploading && (
          <Form.Item
            label={t('reconciliation.imports.file')}
            required
            validateStatus={fileMissing ? 'error' : undefined}
            help={fileMissing ? t('reconciliation.imports.fileRequired') : undefined}
          >
            <Upload.Dragger
              maxCount={1}
              fileList={file ? [file] : []}
              // Keep the file for the submit, which sends it with the channel and date.
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFile(fileList[fileList.length - 1] ?? null);
                setFileMissing(false);
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('reconciliation.imports.fileDrop')}</p>
            </Upload.Dragger>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
