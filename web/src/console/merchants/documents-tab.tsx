import { DeleteOutlined, FilePdfOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Image,
  Select,
  Skeleton,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicationOptions } from '../../app/api/application-options';
import { api } from '../../app/api/client';
import {
  type DocumentType,
  documentTypes,
  type Merchant,
  type MerchantDocument,
} from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { hasPermission } from '../../app/auth/permissions';
import { useCurrentMe } from '../../app/auth/use-current-me';
import { QueryError } from '../../app/shell/query-error';
import { formatTime } from '../shared/format-time';
import { documentTypeLabel } from './labels';
import { merchantPath, useMerchantDocuments, useRefreshMerchant } from './merchant-api';

const accepted = '.jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf';
const maxBytes = 10 * 1024 * 1024;

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The bytes come through the API, which checks the viewer's scope like any other read. */
const fileUrl = (merchantId: string, documentId: string) =>
  `/api/v1${merchantPath(merchantId)}/documents/${encodeURIComponent(documentId)}`;

export function DocumentsTab({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const documents = useMerchantDocuments(merchant.id);
  const options = useApplicationOptions();
  const editable =
    (merchant.status === 'draft' || merchant.status === 'needs_changes') &&
    hasPermission(me, 'merchant:write');

  if (documents.isError)
    return <QueryError error={documents.error} onRetry={() => void documents.refetch()} />;
  if (documents.isPending) return <Skeleton active />;

  const uploaded = new Set(documents.data.map((document) => document.type));
  const required = options.data?.requiredDocuments[merchant.kind] ?? [];
  const missing = required.filter((type) => !uploaded.has(type));

  return (
    <Flex vertical gap={16} data-testid="merchant-documents">
      {missing.length > 0 && merchant.status !== 'active' && (
        <Alert
          type="info"
          showIcon
          title={t('merchants.documents.missing', {
            types: missing.map(documentTypeLabel).join('、'),
          })}
        />
      )}
      {editable && <DocumentUpload merchant={merchant} />}
      {documents.data.length === 0 ? (
        <Empty description={t('merchants.documents.empty')} />
      ) : (
        <Flex wrap gap={16}>
          {documents.data.map((document) => (
            <DocumentCard
              key={document.id}
              merchant={merchant}
              document={document}
              removable={editable}
            />
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function DocumentCard({
  merchant,
  document,
  removable,
}: {
  merchant: Merchant;
  document: MerchantDocument;
  removable: boolean;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const url = fileUrl(merchant.id, document.id);
  const isImage = document.contentType.startsWith('image/');

  const remove = useMutation({
    mutationFn: () =>
      api.delete(`${merchantPath(merchant.id)}/documents/${encodeURIComponent(document.id)}`),
    onSuccess: async () => {
      await refresh();
      void message.success(t('merchants.documents.removed'));
    },
    onError: (error) => showError(error),
  });

  return (
    <Card
      size="small"
      style={{ width: 220 }}
      data-testid={`document-${document.type}`}
      cover={
        isImage ? (
          <Image
            src={url}
            alt={document.fileName}
            height={150}
            style={{ objectFit: 'cover' }}
            data-testid="document-thumbnail"
          />
        ) : (
          <a
            href={url}
            target="_blank"
            rel="noreferrer"
            style={{
              height: 150,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              background: '#fafafa',
            }}
          >
            <FilePdfOutlined style={{ fontSize: 48, color: '#cf1322' }} />
          </a>
        )
      }
      actions={
        removable
          ? [
              <Button
                key="remove"
                type="link"
                danger
                size="small"
                icon={<DeleteOutlined />}
                loading={remove.isPending}
                onClick={() =>
                  modal.confirm({
                    title: t('merchants.documents.confirmRemove', { name: document.fileName }),
                    okText: t('common.ok'),
                    cancelText: t('common.cancel'),
                    okButtonProps: { danger: true, 'data-testid': 'confirm-ok' },
                    onOk: () => remove.mutateAsync().catch(() => undefined),
                  })
                }
              >
                {t('merchants.documents.remove')}
              </Button>,
            ]
          : undefined
      }
    >
      <Flex vertical gap={4}>
        <span>
          <Tag color="blue">{documentTypeLabel(document.type)}</Tag>
        </span>
        <Typography.Link href={url} target="_blank" ellipsis title={document.fileName}>
          {document.fileName}
        </Typography.Link>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatSize(document.sizeBytes)} · {formatTime(document.uploadedAt)}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** Multipart with `type` first, then `file`, as the API reads the type before the bytes. */
function DocumentUpload({ merchant }: { merchant: Merchant }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const [type, setType] = useState<DocumentType>('licence');

  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('type', type);
      body.append('file', file);
      return api.upload<MerchantDocument>(`${merchantPath(merchant.id)}/documents`, body);
    },
    onSuccess: async () => {
      await refresh();
      void message.success(t('merchants.documents.uploaded'));
    },
    onError: (error) => showError(error),
  });

  return (
    <Card size="small">
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('merchants.documents.uploadType')}</Typography.Text>
        <Select<DocumentType>
          value={type}
          onChange={setType}
          style={{ width: 160 }}
          data-testid="document-type"
          options={documentTypes.map((value) => ({ value, label: documentTypeLabel(value) }))}
        />
        <Upload
          accept={accepted}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > maxBytes) {
              void message.error(t('merchants.documents.tooLarge'));
              return Upload.LIST_IGNORE;
            }
            upload.mutate(file);
            // The mutation sends it; antd's own request is not used.
            return false;
          }}
        >
          <Button
            icon={<UploadOutlined />}
            loading={upload.isPending}
            data-testid="document-upload"
          >
            {t('merchants.documents.upload')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t('merchants.documents.rule')}</Typography.Text>
      </Flex>
    </Card>
  );
}
