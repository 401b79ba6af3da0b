import { useMutation } from '@tanstack/react-query';
import { App, Button, Col, Drawer, Form, Input, Row, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import type { Merchant, MerchantKind, StaffApplicationFields } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { RegionCascader } from '../org/region-cascader';
import { merchantPath, useRefreshMerchant } from './merchant-api';
import { BankSelect, KindSelect, MccSelect, OrgNodeTreeSelect } from './pickers';

type FormFields = Omit<StaffApplicationFields, 'regionCode'> & { regionPath?: string[] };

const textFields = [
  'registeredName',
  'shortName',
  'creditCode',
  'legalRepName',
  'legalRepIdNumber',
  'mobile',
  'address',
  'settlementAccountName',
  'settlementAccountNumber',
  'referralCode',
] as const;

/** A micro merchant trades without a business licence, so it has no legal name or credit code. */
const needsLicence = (kind: MerchantKind | undefined) => kind !== 'micro';

/** Masked fields start empty on edit and are sent only when retyped. */
function toBody(fields: FormFields, merchant: Merchant | undefined): StaffApplicationFields {
  const body: StaffApplicationFields = {};
  if (fields.kind) body.kind = fields.kind;
  for (const name of textFields) {
    const value = fields[name]?.trim();
    // An empty field is left out: on edit that keeps the stored value (masked ones included).
    if (value) body[name] = value;
  }
  if (!needsLicence(fields.kind)) {
    delete body.registeredName;
    delete body.creditCode;
  }
  const regionCode = fields.regionPath?.[fields.regionPath.length - 1];
  if (regionCode) body.regionCode = regionCode;
  if (fields.mcc) body.mcc = fields.mcc;
  if (fields.settlementBankCode) body.settlementBankCode = fields.settlementBankCode;
  if (fields.orgNodeId && fields.orgNodeId !== merchant?.orgNode.id)
    body.orgNodeId = fields.orgNodeId;
  return body;
}

/**
 * A bank operator files an application for a merchant (代客申请), or edits one that is still a
 * draft or was sent back. Completeness is checked on submit, by the server, all at once.
 */
export function MerchantFormDrawer({
  merchant,
  onClose,
  onSaved,
}: {
  merchant?: Merchant;
  onClose: () => void;
  onSaved: (merchant: Merchant) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormFields>();
  const showError = useShowError();
  const refresh = useRefreshMerchant();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const kind = Form.useWatch('kind', form) ?? merchant?.kind;

  const save = useMutation({
    mutationFn: (fields: FormFields) => {
      const body = toBody(fields, merchant);
      return merchant
        ? api.patch<Merchant>(merchantPath(merchant.id), body)
        : api.post<Merchant>('/merchants', body, { 'Idempotency-Key': idempotencyKey });
    },
    onSuccess: async (saved) => {
      await refresh();
      void message.success(merchant ? t('merchants.form.updated') : t('merchants.form.created'));
      onSaved(saved);
    },
    onError: (error) => showError(error, form),
  });

  const initialValues: FormFields = merchant
    ? {
        kind: merchant.kind,
        registeredName: merchant.registeredName ?? undefined,
        shortName: merchant.shortName ?? undefined,
        creditCode: merchant.creditCode ?? undefined,
        address: merchant.address ?? undefined,
        mcc: merchant.mcc ?? undefined,
        settlementBankCode: merchant.settlementBankCode ?? undefined,
        orgNodeId: merchant.orgNode.id,
      }
    : { kind: 'individual_business' };

  const maskedHint = (current: string | null) =>
    merchant && current ? t('merchants.form.keepMasked', { value: current }) : undefined;

  return (
    <Drawer
      open
      size={720}
      title={
        merchant
          ? t('merchants.form.editTitle', { name: merchant.shortName ?? merchant.id })
          : t('merchants.form.createTitle')
      }
      onClose={onClose}
      destroyOnHidden
      data-testid="merchant-form"
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="merchant-form-submit"
          >
            {merchant ? t('common.save') : t('merchants.form.createSubmit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('merchants.form.hint')}</Typography.Paragraph>
      <Form<FormFields>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(fields) => save.mutate(fields)}
      >
        <Typography.Title level={5}>{t('merchants.form.sectionBusiness')}</Typography.Title>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="kind"
              label={t('merchants.field.kind')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <KindSelect data-testid="merchant-form-kind" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="shortName"
              label={t('merchants.field.shortName')}
              extra={t('merchants.form.shortNameHint')}
            >
              <Input maxLength={20} showCount data-testid="merchant-form-short-name" />
            </Form.Item>
          </Col>
          {needsLicence(kind) && (
            <>
              <Col span={12}>
                <Form.Item name="registeredName" label={t('merchants.field.registeredName')}>
                  <Input maxLength={100} data-testid="merchant-form-registered-name" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="creditCode"
                  label={t('merchants.field.creditCode')}
                  normalize={(value: string) => value.toUpperCase()}
                  rules={[{ len: 18, message: t('merchants.form.creditCodeRule') }]}
                >
                  <Input maxLength={18} data-testid="merchant-form-credit-code" />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={12}>
            <Form.Item name="mcc" label={t('merchants.field.mcc')}>
              <MccSelect data-testid="merchant-form-mcc" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="referralCode" label={t('merchants.field.referralCodeGiven')}>
              <Input maxLength={12} data-testid="merchant-form-referral-code" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="regionPath"
              label={t('merchants.field.region')}
              extra={
                merchant?.regionName
                  ? t('merchants.form.currentRegion', { name: merchant.regionName })
                  : t('merchants.form.regionHint')
              }
            >
              <RegionCascader />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="address" label={t('merchants.field.address')}>
              <Input maxLength={200} data-testid="merchant-form-address" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="orgNodeId"
              label={t('merchants.field.orgNode')}
              extra={t('merchants.form.orgNodeHint')}
            >
              <OrgNodeTreeSelect allowClear data-testid="merchant-form-org-node" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('merchants.form.sectionLegalRep')}</Typography.Title>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="legalRepName"
              label={t('merchants.field.legalRepName')}
              extra={maskedHint(merchant?.legalRepName ?? null)}
            >
              <Input maxLength={50} data-testid="merchant-form-legal-rep-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="legalRepIdNumber"
              label={t('merchants.field.legalRepIdNumber')}
              extra={maskedHint(merchant?.legalRepIdNumber ?? null)}
              normalize={(value: string) => value.toUpperCase()}
              rules={[{ pattern: /^\d{17}[\dX]$/, message: t('merchants.form.idNumberRule') }]}
            >
              <Input maxLength={18} autoComplete="off" data-testid="merchant-form-id-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="mobile"
              label={t('merchants.field.mobile')}
              extra={maskedHint(merchant?.mobile ?? null) ?? t('merchants.form.mobileHint')}
              rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('merchants.form.mobileRule') }]}
            >
              <Input maxLength={11} autoComplete="off" data-testid="merchant-form-mobile" />
            </Form.Item>
          </Col>
        </Row>

        <Typography.Title level={5}>{t('merchants.form.sectionSettlement')}</Typography.Title>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="settlementAccountName"
              label={t('merchants.field.settlementAccountName')}
              extra={maskedHint(merchant?.settlementAccountName ?? null)}
            >
              <Input maxLength={100} data-testid="merchant-form-account-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="settlementAccountNumber"
              label={t('merchants.field.settlementAccountNumber')}
              extra={maskedHint(merchant?.settlementAccountNumber ?? null)}
              normalize={(value: string) => value.replace(/\s+/g, '')}
              rules={[{ pattern: /^\d{16,19}$/, message: t('merchants.form.accountRule') }]}
            >
              <Input maxLength={23} autoComplete="off" data-testid="merchant-form-account-number" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="settlementBankCode" label={t('merchants.field.settlementBankCode')}>
              <BankSelect data-testid="merchant-form-bank" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
