import { useQuery } from '@tanstack/react-query';
import { Button, DotLoading, ErrorBlock } from 'antd-mobile';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/api-error';
import type { MerchantKind } from '../../app/api/merchant-types';
import { MobileFrame } from '../mobile-frame';
import { applicantApi } from './applicant-api';
import { readApplicantToken } from './applicant-token';
import { ApplicationStatus } from './application-status';
import { ApplicationWizard } from './application-wizard';
import { errorText } from './error-text';
import { KindChooser } from './kind-chooser';

/** Where the wizard should resume after the first save moved the page to /apply/:id. */
interface ResumeState {
  step?: number;
}

function NewApplication() {
  const navigate = useNavigate();
  const [kind, setKind] = useState<MerchantKind>();
  if (!kind) {
    return (
      <MobileFrame>
        <KindChooser onChosen={setKind} />
      </MobileFrame>
    );
  }
  return (
    <MobileFrame onBack={() => setKind(undefined)}>
      <ApplicationWizard
        kind={kind}
        onCreated={(id, token, nextStep) =>
          void navigate(
            { pathname: `/apply/${encodeURIComponent(id)}`, hash: encodeURIComponent(token) },
            { replace: true, state: { step: nextStep } satisfies ResumeState },
          )
        }
        onSubmitted={() => undefined}
      />
    </MobileFrame>
  );
}

function ExistingApplication({ id }: { id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const token = useMemo(() => readApplicantToken(id, location.hash), [id, location.hash]);
  const resume = (location.state as ResumeState | null)?.step;
  const [editing, setEditing] = useState(false);
  const detail = useQuery({
    queryKey: ['application', id],
    queryFn: () => applicantApi.get(id, token ?? ''),
    enabled: Boolean(token),
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });

  if (!token || (detail.isError && detail.error instanceof ApiError && detail.error.status < 500)) {
    return (
      <MobileFrame>
        <ErrorBlock
          status="empty"
          title={t('apply.errors.notFound')}
          description={t('apply.errors.notFoundHint')}
          data-testid="application-not-found"
        >
          <Button color="primary" onClick={() => void navigate('/apply')}>
            {t('apply.status.startNew')}
          </Button>
        </ErrorBlock>
      </MobileFrame>
    );
  }
  if (detail.isError) {
    return (
      <MobileFrame>
        <ErrorBlock
          status="default"
          title={t('apply.errors.loadFailed')}
          description={errorText(detail.error, t)}
        >
          <Button onClick={() => void detail.refetch()}>{t('common.retry')}</Button>
        </ErrorBlock>
      </MobileFrame>
    );
  }
  if (detail.isPending) {
    return (
      <MobileFrame>
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      </MobileFrame>
    );
  }

  const { application } = detail.data;
  const editable =
    application.status === 'draft' || (application.status === 'needs_changes' && editing);
  if (editable) {
    return (
      <MobileFrame
        title={application.shortName ?? undefined}
        onBack={application.status === 'needs_changes' ? () => setEditing(false) : undefined}
      >
        <ApplicationWizard
          kind={application.kind}
          detail={detail.data}
          token={token}
          // The resume step only applies to the draft it was saved for: history state outlives
          // reloads, and a returned application starts over from the first step.
          initialStep={application.status === 'draft' ? (resume ?? 0) : 0}
          onCreated={() => undefined}
          onSubmitted={() => setEditing(false)}
        />
      </MobileFrame>
    );
  }
  return (
    <MobileFrame title={t('apply.status.title')}>
      <ApplicationStatus detail={detail.data} token={token} onEdit={() => setEditing(true)} />
    </MobileFrame>
  );
}

/** /apply starts a new application; /apply/:id continues one or shows where it stands. */
export function ApplyPage() {
  const { id } = useParams();
  return id ? <ExistingApplication key={id} id={id} /> : <NewApplication />;
}
