import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../app/api/idempotency-key';
import { useShowError } from '../../app/api/use-show-error';
import { RegionCascader } from '../../console/org/region-cascader';
import { useRegisterFarmer } from '../../farmers/farmer-api';
import {
  PersonAccountFields,
  type PersonAccountValues,
  personAccountBody,
} from '../person-account-fields';

interface FarmerValues extends PersonAccountValues {
  /** The cascader's path of codes, province first; the county's code is sent. */
  regionCode: string[];
  mobile?: string;
}

/**
 * Registers a farmer the purchaser buys from. The server checks every field at once (ID number,
 * card, a county-level region) and names each it refuses; the messages land under the fields,
 * which carry the server's names for that reason.
 */
export function FarmerFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FarmerValues>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const register = useRegisterFarmer();

  const submit = (values: FarmerValues) => {
    const mobile = values.mobile?.trim();
    register.mutate(
      {
        body: {
          ...personAccountBody(values),
          regionCode: values.regionCode[values.regionCode.length - 1] ?? '',
          ...(mobile ? { mobile } : {}),
        },
        idempotencyKey,
      },
      {
        onSuccess: () => {
          void message.success(t('farmers.farmers.registered'));
          onClose();
        },
        onError: (error) => {
          // A refused body may be corrected and sent again: that is a new request.
          setIdempotencyKey(newIdempotencyKey());
          showError(error, form);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('farmers.farmers.registerTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: register.isPending, 'data-testid': 'farmer-form-submit' }}
      destroyOnHidden
    >
      <Form<FarmerValues> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <PersonAccountFields
          testIdPrefix="farmer-form"
          labels={{
            name: t('farmers.farmers.name'),
            idNumber: t('farmers.farmers.idNumber'),
            accountNumber: t('farmers.farmers.accountNumber'),
            bank: t('farmers.farmers.bank'),
          }}
        />
        <Form.Item
          name="regionCode"
          label={t('farmers.farmers.region')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('farmers.farmers.regionRequired') },
          ]}
        >
          <RegionCascader />
        </Form.Item>
        <Form.Item
          name="mobile"
          label={t('farmers.farmers.mobile')}
          extra={t('farmers.farmers.mobileOptional')}
        >
          <Input inputMode="tel" maxLength={11} data-testid="farmer-form-mobile" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
