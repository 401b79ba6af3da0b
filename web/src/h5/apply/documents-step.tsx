import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, ErrorBlock, SpinLoading, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApplicationOptions } from '../../app/api/application-options';
import type { DocumentType, MerchantDocument, MerchantKind } from '../../app/api/merchant-types';
import { applicantApi } from './applicant-api';
import { allowedDocumentTypes, maxDocumentBytes, maxStorefrontPhotos } from './application-form';
import { errorText } from './error-text';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * A thumbnail for an uploaded image. The bytes need the applicant token, so no plain
 * <img src>; and the page's CSP admits data: images but not blob: ones.
 */
function DocumentThumb({
  applicationId,
  token,
  document,
}: {
  applicationId: string;
  token: string;
  document: MerchantDocument;
}) {
  const [url, setUrl] = useState<string>();
  const isImage = document.contentType.startsWith('image/');

  useEffect(() => {
    if (!isImage) return;
    let cancelled = false;
    applicantApi
      .documentBlob(applicationId, token, document.id)
      .then(readAsDataUrl)
      .then((dataUrl) => {
        if (!cancelled) setUrl(dataUrl);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [applicationId, token, document.id, isImage]);

  if (isImage && url) return <img src={url} alt={document.fileName} />;
  return (
    <span style={{ padding: 6, textAlign: 'center', wordBreak: 'break-all' }}>
      {isImage ? <SpinLoading style={{ '--size': '20px' }} /> : 'PDF'}
    </span>
  );
}

function DocumentSlot({
  applicationId,
  token,
  type,
  documents,
  error,
  onUploaded,
}: {
  applicationId: string;
  token: string;
  type: DocumentType;
  documents: MerchantDocument[];
  error?: string;
  onUploaded: (type: DocumentType) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const multiple = type === 'storefront';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['application', applicationId] });

  const upload = useMutation({
    mutationFn: (file: File) => applicantApi.upload(applicationId, token, type, file),
    onSuccess: async () => {
      onUploaded(type);
      await refresh();
    },
    onError: (failure) => {
      Toast.show({ icon: 'fail', content: errorText(failure, t) });
    },
  });
  const remove = useMutation({
    mutationFn: (documentId: string) =>
      applicantApi.removeDocument(applicationId, token, documentId),
    onSuccess: refresh,
    onError: (failure) => {
      Toast.show({ icon: 'fail', content: errorText(failure, t) });
    },
  });

  const pick = (file: File | undefined) => {
    if (!file) return;
    if (!allowedDocumentTypes.includes(file.type)) {
      Toast.show({ content: t('apply.documents.wrongType') });
      return;
    }
    if (file.size > maxDocumentBytes) {
      Toast.show({ content: t('apply.documents.tooLarge') });
      return;
    }
    upload.mutate(file);
  };

  const full = multiple && documents.length >= maxStorefrontPhotos;
  const addLabel = upload.isPending
    ? t('apply.documents.uploading')
    : documents.length === 0
      ? t('apply.documents.upload')
      : multiple
        ? t('apply.documents.addMore')
        : t('apply.documents.reupload');

  return (
    <div className="h5-section" data-testid={`doc-slot-${type}`}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
        <span style={{ fontSize: 16, fontWeight: 600 }}>{t(`apply.documents.types.${type}`)}</span>
        {documents.length > 0 && (
          <span style={{ color: '#00b578', fontSize: 13 }}>
            ✓ {t('apply.documents.uploaded')}
            {multiple ? ` ${documents.length}/${maxStorefrontPhotos}` : ''}
          </span>
        )}
      </div>
      <div style={{ color: '#999', fontSize: 13, marginTop: 4 }}>
        {t(`apply.documents.hints.${type}`)}
      </div>
      <div className="h5-doc-grid">
        {documents.map((document) => (
          <div
            key={document.id}
            className="h5-doc-tile"
            title={`${document.fileName} · ${formatSize(document.sizeBytes)}`}
          >
            <DocumentThumb applicationId={applicationId} token={token} document={document} />
            <button
              type="button"
              className="h5-doc-remove"
              aria-label={t('apply.documents.remove')}
              onClick={async () => {
                const confirmed = await Dialog.confirm({
                  content: t('apply.documents.removeConfirm'),
                  confirmText: t('apply.documents.remove'),
                  cancelText: t('common.cancel'),
                });
                if (confirmed) remove.mutate(document.id);
              }}
            >
              ×
            </button>
          </div>
        ))}
        {!full && (
          <label className="h5-doc-add" style={{ opacity: upload.isPending ? 0.6 : 1 }}>
            {upload.isPending ? (
              <SpinLoading style={{ '--size': '22px' }} />
            ) : (
              <span style={{ fontSize: 26, lineHeight: 1 }}>+</span>
            )}
            <span>{addLabel}</span>
            <input
              type="file"
              accept={allowedDocumentTypes.join(',')}
              disabled={upload.isPending}
              data-testid={`doc-input-${type}`}
              onChange={(event) => {
                pick(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {error && (
        <div className="h5-error-text" data-testid={`doc-error-${type}`}>
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * Step 5: each document the kind requires, with its hint; files upload the moment they are
 * chosen. Which documents a kind needs is the server's rule, from /application-options.
 */
export function DocumentsStep({
  applicationId,
  token,
  kind,
  documents,
  errors,
  onUploaded,
}: {
  applicationId: string;
  token: string;
  kind: MerchantKind;
  documents: MerchantDocument[];
  errors: Partial<Record<DocumentType, string>>;
  onUploaded: (type: DocumentType) => void;
}) {
  const { t } = useTranslation();
  const options = useApplicationOptions();
  return (
    <div>
      <div style={{ margin: '12px 16px 0', color: '#666', fontSize: 13, lineHeight: 1.6 }}>
        {t('apply.documents.intro')}
        <br />
        <span data-testid="doc-limits">{t('apply.documents.limits')}</span>
      </div>
      {options.isPending && (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      )}
      {options.isError && (
        <ErrorBlock
          status="default"
          title={t('apply.errors.loadFailed')}
          description={errorText(options.error, t)}
        >
          <Button onClick={() => void options.refetch()}>{t('common.retry')}</Button>
        </ErrorBlock>
      )}
      {(options.data?.requiredDocuments[kind] ?? []).map((type) => (
        <DocumentSlot
          key={type}
          applicationId={applicationId}
          token={token}
          type={type}
          documents={documents.filter((document) => document.type === type)}
          error={errors[type]}
          onUploaded={onUploaded}
        />
      ))}
    </div>
  );
}
