import type { SameShape } from '../../app/i18n/same-shape';

// Texts of the portal's API keys page (i18n namespace `apiKeys`).
export const apiKeysZh = {
  menu: 'API 密钥',
  title: 'API 密钥',
  intro:
    '贵商户自己的收银、ERP 等系统可以用 API 密钥调用本平台接口，发起收款和退款（请求头 Authorization: Bearer <密钥>）。密钥只能收款、退款和查看本商户的交易与门店，不能管理员工、结算账户或密钥。',
  create: '创建密钥',
  name: '名称',
  namePlaceholder: '用途，例如“门店收银系统”',
  prefix: '密钥前缀',
  createdAt: '创建时间',
  lastUsedAt: '最近使用',
  neverUsed: '从未使用',
  status: '状态',
  statuses: {
    active: '有效',
    revoked: '已吊销',
  },
  revoke: '吊销',
  revokeConfirm: '吊销“{{name}}”？使用它的系统将立即无法调用接口，此操作不可撤销。',
  revoked: '密钥已吊销',
  empty: '还没有 API 密钥',
  createdTitle: '密钥已创建',
  createdWarning:
    '请立即复制并妥善保存这个密钥。关闭此窗口后将无法再次查看；遗失后只能吊销并重新创建。',
  secret: '密钥',
  secretMissing: '这个密钥已在之前的回复中显示过，无法再次查看。如未保存，请吊销它并重新创建。',
  done: '我已保存',
  noPermission: '只有商户负责人可以管理 API 密钥',
};

export const apiKeysEn: SameShape<typeof apiKeysZh> = {
  menu: 'API keys',
  title: 'API keys',
  intro:
    'Your own till, ERP and other systems can call this platform with an API key to take payments and refunds (header Authorization: Bearer <key>). A key can take payments, refund them and see your payments and stores; it cannot manage staff, the settlement account or keys.',
  create: 'Create key',
  name: 'Name',
  namePlaceholder: 'What it is for, e.g. “Store till system”',
  prefix: 'Key prefix',
  createdAt: 'Created',
  lastUsedAt: 'Last used',
  neverUsed: 'Never used',
  status: 'Status',
  statuses: {
    active: 'Active',
    revoked: 'Revoked',
  },
  revoke: 'Revoke',
  revokeConfirm:
    'Revoke “{{name}}”? Systems using it can no longer call the API, at once. This cannot be undone.',
  revoked: 'Key revoked',
  empty: 'No API keys yet',
  createdTitle: 'Key created',
  createdWarning:
    'Copy this key now and keep it safe. It will not be shown again once you close this window; if lost, revoke it and create another.',
  secret: 'Secret key',
  secretMissing:
    'This key was shown in an earlier reply and cannot be shown again. If you did not save it, revoke it and create another.',
  done: 'I have saved it',
  noPermission: 'Only the merchant’s owner can manage API keys',
};
