import { Form, Input, Select } from 'antd';
import { codeLabel, useApplicationOptions } from '../app/api/application-options';

/** A person paid to a bank card: a market's buyer member, a purchaser's farmer. */
export interface PersonAccountValues {
  name: string;
  idNumber: string;
  accountNumber: string;
  bankCode: string;
}

/**
 * The fields as the server checks them: the name trimmed, the ID number's check character
 * upper-cased (GB 11643 allows an X), the card without the spaces people type in groups.
 */
export function personAccountBody(values: Partial<PersonAccountValues>): PersonAccountValues {
  return {
    name: values.name?.trim() ?? '',
    idNumber: (values.idNumber ?? '').trim().toUpperCase(),
    accountNumber: (values.accountNumber ?? '').replace(/\s+/g, ''),
    bankCode: values.bankCode ?? '',
  };
}

/**
 * The name, ID number, bank card and bank of a person, inside a form whose fields carry these
 * names; the server names every field it refuses, so its messages land under them. Tested by
 * `${testIdPrefix}-name`, `-id-number`, `-account` and `-bank`.
 */
export function PersonAccountFields({
  labels,
  testIdPrefix,
}: {
  labels: Record<'name' | 'idNumber' | 'accountNumber' | 'bank', string>;
  testIdPrefix: string;
}) {
  const options = useApplicationOptions();
  return (
    <>
      <Form.Item name="name" label={labels.name}>
        <Input maxLength={50} data-testid={`${testIdPrefix}-name`} />
      </Form.Item>
      <Form.Item name="idNumber" label={labels.idNumber}>
        <Input maxLength={18} data-testid={`${testIdPrefix}-id-number`} />
      </Form.Item>
      <Form.Item name="accountNumber" label={labels.accountNumber}>
        <Input inputMode="numeric" maxLength={23} data-testid={`${testIdPrefix}-account`} />
      </Form.Item>
      <Form.Item name="bankCode" label={labels.bank}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid={`${testIdPrefix}-bank`}
          options={(options.data?.banks ?? []).map((bank) => ({
            value: bank.code,
            label: codeLabel(bank),
          }))}
        />
      </Form.Item>
    </>
  );
}
