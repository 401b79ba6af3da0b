import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api/client';
import type { Store } from '../../app/api/merchant-types';
import { useShowError } from '../../app/api/use-show-error';
import { RegionCascader } from '../../console/org/region-cascader';

interface StoreValues {
  name: string;
  region?: string[];
  address: string;
  hours: string;
  status?: Store['status'];
}

const storesKey = ['portal', 'stores'];

/** Adds a store, or edits one; on edit the region is only sent when a new one is chosen. */
export function StoreFormModal({ store, onClose }: { store?: Store; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<StoreValues>();

  const save = useMutation({
    mutationFn: (values: StoreValues) => {
      const regionCode = values.region?.[values.region.length - 1];
      const body = {
        name: values.name.trim(),
        address: values.address.trim(),
        hours: values.hours.trim(),
        ...(regionCode ? { regionCode } : {}),
        ...(store && values.status ? { status: values.status } : {}),
      };
      return store
        ? api.patch<Store>(`/portal/stores/${encodeURIComponent(store.id)}`, body)
        : api.post<Store>('/portal/stores', body);
    },
    onSuccess: async () => {
      void message.success(t('portal.stores.saved'));
      await queryClient.invalidateQueries({ queryKey: storesKey });
      onClose();
    },
    onError: (error) => showError(error, form),
  });

  return (
    <Modal
      open
      title={store ? t('portal.stores.edit') : t('portal.stores.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'store-form-submit' }}
      destroyOnHidden
    >
      <Form<StoreValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          store
            ? { name: store.name, address: store.address, hours: store.hours, status: store.status }
            : { hours: '08:00-21:00' }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item
          name="name"
          label={t('portal.stores.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={50} data-testid="store-form-name" />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('portal.stores.region')}
          extra={
            store
              ? t('portal.stores.regionKeep', { name: store.regionName ?? store.regionCode })
              : undefined
          }
          rules={store ? [] : [{ required: true, message: t('common.required') }]}
        >
          <RegionCascader />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('portal.stores.address')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} data-testid="store-form-address" />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('portal.stores.hours')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input
            maxLength={50}
            placeholder={t('portal.stores.hoursPlaceholder')}
            data-testid="store-form-hours"
          />
        </Form.Item>
        {store && (
          <Form.Item name="status" label={t('portal.stores.status')}>
            <Select
              options={[
                { value: 'open', label: t('portal.stores.open') },
                { value: 'closed', label: t('portal.stores.closed') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
