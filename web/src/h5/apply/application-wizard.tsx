import { useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Form,
  type FormItemProps,
  Input,
  NoticeBar,
  Selector,
  TextArea,
  Toast,
} from 'antd-mobile';
import { type ReactElement, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../app/api/api-error';
import { ApiError } from '../../app/api/api-error';
import { codeLabel, useApplicationOptions } from '../../app/api/application-options';
import { type DocumentType, type MerchantKind, merchantKinds } from '../../app/api/merchant-types';
import { type ApplicationDetail, applicantApi } from './applicant-api';
import { storeApplicantToken } from './applicant-token';
import {
  documentTypeOfParam,
  type FieldName,
  type FormValues,
  formats,
  formFieldNames,
  initialFormValues,
  type MaskedField,
  type StepKey,
  savedMaskedValue,
  stepFields,
  stepKeys,
  stepOfParam,
  toApplicationFields,
} from './application-form';
import { ContinueLink } from './continue-link';
import { DocumentsStep } from './documents-step';
import { errorText } from './error-text';
import { OptionPicker } from './option-picker';
import { RegionPicker } from './region-picker';

/** A rule that checks the shape of a value someone typed; empty fields are the server's call. */
function formatRule(pattern: RegExp, message: string, normalise = (value: string) => value) {
  return {
    validator: async (_rule: unknown, value?: string) => {
      const typed = normalise(value?.trim() ?? '');
      if (typed && !pattern.test(typed)) throw new Error(message);
    },
  };
}

const upper = (value: string) => value.toUpperCase();
const noSpaces = (value: string) => value.replace(/\s+/g, '');

/** The fields that `apply.fields` gives a label and a placeholder of their own. */
type PlainField = Exclude<FieldName, 'kind' | 'regionCode'>;

/**
 * A field of the form with its label from `apply.fields`: a one-line input with the field's
 * placeholder, unless another control is given.
 */
function Field({
  name,
  label,
  children,
  maxLength,
  type,
  inputMode,
  ...item
}: {
  name: PlainField;
  /** Instead of the field's usual label. */
  label?: string;
  description?: string;
  hidden: boolean;
  rules?: FormItemProps['rules'];
  children?: ReactElement;
  maxLength?: number;
  type?: 'tel';
  inputMode?: 'numeric';
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label ?? t(`apply.fields.${name}`)}
      {...item}
      data-testid={`field-${name}`}
    >
      {children ?? (
        <Input
          type={type}
          inputMode={inputMode}
          placeholder={t(`apply.fields.${name}Placeholder`)}
          maxLength={maxLength}
          clearable
        />
      )}
    </Form.Item>
  );
}

/**
 * The application form, one step at a time. Every step is saved as a draft when the applicant
 * moves on (the first save creates the application and its token). All fields stay mounted, so
 * the field errors of a refused submit land on their fields at once, wherever they are; the
 * form then opens the first step that has one.
 */
export function ApplicationWizard({
  kind: initialKind,
  detail,
  token,
  initialStep = 0,
  onCreated,
  onSubmitted,
}: {
  kind: MerchantKind;
  detail?: ApplicationDetail;
  token?: string;
  initialStep?: number;
  onCreated: (id: string, token: string, nextStep: number) => void;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const options = useApplicationOptions();
  const [form] = Form.useForm<FormValues>();
  const application = detail?.application;
  const [step, setStep] = useState(Math.min(Math.max(initialStep, 0), stepKeys.length - 1));
  const [busy, setBusy] = useState<'saving' | 'submitting' | null>(null);
  /** Server-side field errors by param, cleared as the applicant edits each field. */
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const watchedKind = Form.useWatch('kind', form) as MerchantKind | undefined;
  const typedMasked: Partial<Record<MaskedField, string>> = {
    legalRepName: Form.useWatch('legalRepName', form),
    legalRepIdNumber: Form.useWatch('legalRepIdNumber', form),
    mobile: Form.useWatch('mobile', form),
    settlementAccountName: Form.useWatch('settlementAccountName', form),
    settlementAccountNumber: Form.useWatch('settlementAccountNumber', form),
  };
  const kind = watchedKind ?? application?.kind ?? initialKind;
  const micro = kind === 'micro';
  const stepKey = stepKeys[step] as StepKey;
  const initialValues = useMemo(
    () => initialFormValues(application, initialKind),
    [application, initialKind],
  );

  const errorSteps = useMemo(() => {
    const steps = new Set<number>();
    for (const param of Object.keys(serverErrors)) steps.add(stepOfParam(param));
    return steps;
  }, [serverErrors]);

  const documentErrors = useMemo(() => {
    const errors: Partial<Record<DocumentType, string>> = {};
    for (const [param, message] of Object.entries(serverErrors)) {
      const type = documentTypeOfParam(param);
      if (type) errors[type] = message;
    }
    return errors;
  }, [serverErrors]);

  const goTo = (index: number) => {
    setStep(index);
    window.scrollTo({ top: 0 });
  };

  /** Puts each field error at its field, remembers the rest for the step chips and documents. */
  const showFieldErrors = (errors: FieldError[]) => {
    const byParam: Record<string, string> = {};
    for (const error of errors) {
      const param = error.param.replace(/^body\./, '');
      byParam[param] = byParam[param] ?? error.message;
    }
    setServerErrors(byParam);
    form.setFields(
      Object.entries(byParam)
        .filter(([param]) => formFieldNames.includes(param as FieldName))
        .map(([param, message]) => ({ name: param, errors: [message] })),
    );
    const unplaced = Object.entries(byParam).filter(([param]) => stepOfParam(param) < 0);
    if (unplaced[0]) Toast.show({ content: unplaced[0][1] });
    const steps = Object.keys(byParam)
      .map(stepOfParam)
      .filter((index) => index >= 0);
    if (steps.length) goTo(Math.min(...steps));
  };

  const handleFailure = (failure: unknown) => {
    if (failure instanceof ApiError) {
      const fieldErrors = failure.errors.length
        ? failure.errors
        : failure.param
          ? [{ param: failure.param, code: failure.code, message: failure.message }]
          : [];
      if (fieldErrors.length) {
        showFieldErrors(fieldErrors);
        if (failure.code !== 'application_incomplete') {
          Toast.show({ icon: 'fail', content: failure.message });
        }
        return;
      }
    }
    Toast.show({ icon: 'fail', content: errorText(failure, t) });
  };

  /** Saves the draft; the first save creates the application. Returns false when it failed. */
  const save = async (nextStep: number): Promise<boolean> => {
    const fields = toApplicationFields(form.getFieldsValue(true) as FormValues);
    if (!application || !token) {
      const created = await applicantApi.create({ ...fields, kind });
      storeApplicantToken(created.application.id, created.applicantToken);
      queryClient.setQueryData<ApplicationDetail>(['application', created.application.id], {
        application: created.application,
        documents: [],
        ownerSetUp: false,
      });
      onCreated(created.application.id, created.applicantToken, nextStep);
      return false;
    }
    const updated = await applicantApi.update(application.id, token, fields);
    queryClient.setQueryData<ApplicationDetail>(['application', application.id], (current) =>
      current ? { ...current, application: updated.application } : current,
    );
    return true;
  };

  const next = async () => {
    try {
      await form.validateFields(stepFields[stepKey]);
    } catch {
      return;
    }
    setBusy('saving');
    try {
      if (stepKey === 'documents' || (await save(step + 1))) goTo(step + 1);
    } catch (failure) {
      handleFailure(failure);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!application || !token) return;
    try {
      await form.validateFields();
    } catch {
      const first = formFieldNames.find((name) => form.getFieldError(name).length > 0);
      if (first) goTo(stepOfParam(first));
      return;
    }
    setBusy('submitting');
    try {
      await save(step);
      await applicantApi.submit(application.id, token);
      await queryClient.invalidateQueries({ queryKey: ['application', application.id] });
      onSubmitted();
    } catch (failure) {
      handleFailure(failure);
    } finally {
      setBusy(null);
    }
  };

  const kindOptions = merchantKinds.map((code) => ({
    value: code,
    label: t(`apply.kinds.${code}`),
    description: t(`apply.kindHints.${code}`),
  }));
  const mccOptions = (options.data?.mccs ?? []).map((entry) => ({
    value: entry.code,
    label: `${codeLabel(entry)}（${entry.code}）`,
  }));
  const bankOptions = (options.data?.banks ?? []).map((entry) => ({
    value: entry.code,
    label: codeLabel(entry),
  }));

  const hiddenUnless = (key: StepKey) => stepKey !== key;
  const savedHint = (name: MaskedField, hint?: string) => {
    // Only beside an empty input: once retyped, the new value is what will be saved.
    const saved = typedMasked[name]?.trim() ? null : savedMaskedValue(application, name);
    const parts = [hint, saved ? t('apply.fields.savedValue', { value: saved }) : undefined];
    const text = parts.filter(Boolean).join(' · ');
    return text || undefined;
  };
  const errorCount = Object.keys(serverErrors).length;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1 }}>
      <div className="h5-steps" data-testid="apply-steps">
        {stepKeys.map((key, index) => (
          <button
            key={key}
            type="button"
            className="h5-step"
            data-testid={`apply-step-${key}`}
            data-state={index === step ? 'current' : index < step ? 'done' : 'todo'}
            data-error={errorSteps.has(index) ? 'true' : 'false'}
            // Steps after the first save are free to visit: the draft keeps what was typed.
            disabled={!application && index > 0}
            onClick={() => goTo(index)}
          >
            {index + 1}. {t(`apply.steps.${key}`)}
          </button>
        ))}
      </div>
      <div style={{ padding: '8px 16px 0', color: '#999', fontSize: 13 }}>
        {t('apply.stepOf', { current: step + 1, total: stepKeys.length })}
      </div>
      {errorCount > 0 && (
        <NoticeBar
          color="error"
          wrap
          data-testid="apply-error-summary"
          content={t('apply.fixErrors', { count: errorCount })}
          style={{ margin: '8px 12px 0', borderRadius: 8 }}
        />
      )}

      <div style={{ display: stepKey === 'documents' ? 'none' : 'block', flex: 1 }}>
        <Form
          form={form}
          initialValues={initialValues}
          layout="vertical"
          mode="card"
          requiredMarkStyle="none"
          onValuesChange={(changed: FormValues) => {
            const names = Object.keys(changed);
            if (names.some((name) => serverErrors[name])) {
              setServerErrors((current) => {
                const next = { ...current };
                for (const name of names) delete next[name];
                return next;
              });
            }
          }}
          style={{ '--border-top': 'none' }}
        >
          <Form.Header>{t(`apply.steps.${stepKey}`)}</Form.Header>

          <Form.Item
            name="kind"
            label={t('apply.fields.kind')}
            hidden={hiddenUnless('basic')}
            getValueProps={(value?: string) => ({ value: value ? [value] : [] })}
            getValueFromEvent={(value: string[]) => value[0]}
            normalize={(value?: string, previous?: string) => value ?? previous}
          >
            <Selector columns={2} options={kindOptions} data-testid="field-kind" />
          </Form.Item>
          <Field name="registeredName" maxLength={100} hidden={hiddenUnless('basic') || micro} />
          <Field
            name="shortName"
            maxLength={20}
            description={t('apply.fields.shortNameHint')}
            hidden={hiddenUnless('basic')}
          />
          <Field
            name="creditCode"
            maxLength={18}
            hidden={hiddenUnless('basic') || micro}
            rules={[formatRule(formats.creditCode, t('apply.formats.creditCode'), upper)]}
          />

          <Field
            name="legalRepName"
            maxLength={50}
            label={micro ? t('apply.fields.legalRepNameMicro') : undefined}
            description={savedHint('legalRepName')}
            hidden={hiddenUnless('legalRep')}
          />
          <Field
            name="legalRepIdNumber"
            maxLength={18}
            description={savedHint('legalRepIdNumber')}
            hidden={hiddenUnless('legalRep')}
            rules={[formatRule(formats.idNumber, t('apply.formats.idNumber'), upper)]}
          />
          <Field
            name="mobile"
            type="tel"
            maxLength={13}
            description={savedHint('mobile', t('apply.fields.mobileHint'))}
            hidden={hiddenUnless('legalRep')}
            rules={[formatRule(formats.mobile, t('apply.formats.mobile'), noSpaces)]}
          />

          <Form.Item
            name="regionCode"
            label={t('apply.fields.region')}
            hidden={hiddenUnless('business')}
            data-testid="field-regionCode"
          >
            <RegionPicker
              initialLabel={application?.regionName}
              placeholder={t('apply.fields.regionPlaceholder')}
            />
          </Form.Item>
          <Field name="address" hidden={hiddenUnless('business')}>
            <TextArea
              placeholder={t('apply.fields.addressPlaceholder')}
              maxLength={200}
              autoSize={{ minRows: 2, maxRows: 4 }}
            />
          </Field>
          <Field name="mcc" hidden={hiddenUnless('business')}>
            <OptionPicker
              options={mccOptions}
              title={t('apply.fields.mcc')}
              placeholder={t('apply.fields.mccPlaceholder')}
              testId="mcc-picker"
            />
          </Field>

          <Field
            name="settlementAccountName"
            maxLength={100}
            description={savedHint('settlementAccountName')}
            hidden={hiddenUnless('settlement')}
          />
          <Field
            name="settlementAccountNumber"
            inputMode="numeric"
            maxLength={23}
            description={savedHint('settlementAccountNumber')}
            hidden={hiddenUnless('settlement')}
            rules={[formatRule(formats.accountNumber, t('apply.formats.accountNumber'), noSpaces)]}
          />
          <Field name="settlementBankCode" hidden={hiddenUnless('settlement')}>
            <OptionPicker
              options={bankOptions}
              title={t('apply.fields.settlementBankCode')}
              placeholder={t('apply.fields.settlementBankCodePlaceholder')}
              testId="bank-picker"
            />
          </Field>

          <Field
            name="referralCode"
            maxLength={12}
            description={t('apply.fields.referralHint')}
            hidden={hiddenUnless('referral')}
          />
        </Form>
        {stepKey === 'referral' && (
          <div className="h5-section" data-testid="apply-summary">
            <div style={{ fontSize: 16, fontWeight: 600, marginBottom: 6 }}>
              {t('apply.summary.title')}
            </div>
            <div style={{ color: '#666', fontSize: 14, lineHeight: 1.6 }}>
              {t('apply.summary.hint')}
            </div>
          </div>
        )}
      </div>

      {stepKey === 'documents' && application && token && (
        <div style={{ flex: 1 }}>
          <DocumentsStep
            applicationId={application.id}
            token={token}
            kind={kind}
            documents={detail?.documents ?? []}
            errors={documentErrors}
            onUploaded={(type) =>
              setServerErrors((current) => {
                const next = { ...current };
                delete next[`documents.${type}`];
                return next;
              })
            }
          />
        </div>
      )}

      {application && token && stepKey !== 'documents' && (
        <ContinueLink applicationId={application.id} token={token} compact />
      )}

      <div className="h5-footer">
        {step > 0 && (
          <Button
            style={{ flex: 1 }}
            onClick={() => goTo(step - 1)}
            disabled={busy !== null}
            data-testid="apply-prev"
          >
            {t('apply.prev')}
          </Button>
        )}
        {stepKey === 'referral' ? (
          <Button
            color="primary"
            style={{ flex: 2 }}
            loading={busy === 'submitting'}
            disabled={busy !== null}
            onClick={() => void submit()}
            data-testid="apply-submit"
          >
            {t('apply.submit')}
          </Button>
        ) : (
          <Button
            color="primary"
            style={{ flex: 2 }}
            loading={busy === 'saving'}
            loadingText={t('apply.saving')}
            disabled={busy !== null}
            onClick={() => void next()}
            data-testid="apply-next"
          >
            {t('apply.next')}
          </Button>
        )}
      </div>
    </div>
  );
}
