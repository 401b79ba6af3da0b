/**
 * Every stable error code of the API, with its HTTP status, its type and the message a person
 * reads, Chinese first. The record is typed over the whole union, so adding a code without a
 * status or a message does not compile: this is the one place codes map to statuses.
 */
export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'api_error';

type CodeSpec = { status: number; type: ErrorType; zh: string; en: string };

export const errorCodes = {
  validation_failed: {
    status: 400,
    type: 'invalid_request_error',
    zh: '请求内容有误，请检查标出的字段',
    en: 'The request has invalid fields',
  },
  invalid_json: {
    status: 400,
    type: 'invalid_request_error',
    zh: '请求体不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  payload_too_large: {
    status: 413,
    type: 'invalid_request_error',
    zh: '请求体过大',
    en: 'The request body is too large',
  },
  unsupported_media_type: {
    status: 415,
    type: 'invalid_request_error',
    zh: '不支持的内容类型',
    en: 'Unsupported content type',
  },
  route_not_found: {
    status: 404,
    type: 'not_found_error',
    zh: '接口不存在',
    en: 'No such endpoint',
  },
  resource_not_found: {
    status: 404,
    type: 'not_found_error',
    zh: '找不到该记录，或您无权查看',
    en: 'No such resource, or you may not see it',
  },
  authentication_required: {
    status: 401,
    type: 'authentication_error',
    zh: '请先登录',
    en: 'Please log in',
  },
  session_expired: {
    status: 401,
    type: 'authentication_error',
    zh: '会话已过期，请重新登录',
    en: 'Your session has expired; please log in again',
  },
  api_key_invalid: {
    status: 401,
    type: 'authentication_error',
    zh: 'API 密钥无效或已被吊销',
    en: 'The API key is invalid or has been revoked',
  },
  api_key_limit_reached: {
    status: 409,
    type: 'conflict_error',
    zh: '有效的 API 密钥已达上限，请先吊销不再使用的密钥',
    en: 'The merchant has the most active API keys allowed; revoke one it no longer uses first',
  },
  invalid_credentials: {
    status: 401,
    type: 'authentication_error',
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  },
  account_locked: {
    status: 403,
    type: 'authentication_error',
    zh: '账户因多次登录失败已锁定，请联系管理员解锁',
    en: 'The account is locked after too many failed attempts; ask an administrator to unlock it',
  },
  mfa_required: {
    status: 403,
    type: 'authentication_error',
    zh: '请先完成双因素认证',
    en: 'Complete two-factor authentication first',
  },
  mfa_code_invalid: {
    status: 401,
    type: 'authentication_error',
    zh: '验证码错误或已过期',
    en: 'The verification code is wrong or expired',
  },
  mfa_not_enrolled: {
    status: 409,
    type: 'conflict_error',
    zh: '尚未绑定身份验证器',
    en: 'No authenticator is enrolled',
  },
  mfa_enrollment_not_started: {
    status: 409,
    type: 'conflict_error',
    zh: '请先开始绑定身份验证器',
    en: 'Start the authenticator enrollment first',
  },
  password_change_required: {
    status: 403,
    type: 'permission_error',
    zh: '请先修改初始密码',
    en: 'Change your temporary password first',
  },
  password_too_weak: {
    status: 400,
    type: 'invalid_request_error',
    zh: '密码至少 10 位，且须同时包含字母和数字',
    en: 'The password needs at least 10 characters with letters and digits',
  },
  password_reused: {
    status: 400,
    type: 'invalid_request_error',
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  current_password_wrong: {
    status: 400,
    type: 'invalid_request_error',
    zh: '当前密码不正确',
    en: 'The current password is wrong',
  },
  csrf_token_invalid: {
    status: 403,
    type: 'permission_error',
    zh: '请求缺少有效的 CSRF 令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token; reload the page and retry',
  },
  permission_denied: {
    status: 403,
    type: 'permission_error',
    zh: '您没有执行此操作的权限',
    en: 'You do not have permission for this action',
  },
  rate_limited: {
    status: 429,
    type: 'rate_limit_error',
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  idempotency_key_reused: {
    status: 422,
    type: 'invalid_request_error',
    zh: '该幂等键已用于内容不同的请求',
    en: 'This Idempotency-Key was used with a different request',
  },
  idempotency_key_in_progress: {
    status: 409,
    type: 'conflict_error',
    zh: '相同幂等键的请求正在处理中',
    en: 'A request with this Idempotency-Key is still being processed',
  },
  org_node_code_taken: {
    status: 409,
    type: 'conflict_error',
    zh: '机构代码已被使用',
    en: 'This organisation code is already used',
  },
  org_node_invalid_parent: {
    status: 400,
    type: 'invalid_request_error',
    zh: '不能放在该上级机构下：总行下设支行，支行下设网点，且不能移到自身的下级',
    en: 'Not a valid parent: branches sit under the head office, sub-branches under a branch, and a node cannot move under itself',
  },
  org_node_is_root: {
    status: 400,
    type: 'invalid_request_error',
    zh: '总行不能移动',
    en: 'The head office cannot be moved',
  },
  region_unknown: {
    status: 400,
    type: 'invalid_request_error',
    zh: '行政区划代码不存在（GB/T 2260）',
    en: 'Unknown administrative division code (GB/T 2260)',
  },
  username_taken: {
    status: 409,
    type: 'conflict_error',
    zh: '用户名已存在',
    en: 'This username is taken',
  },
  role_unknown: {
    status: 400,
    type: 'invalid_request_error',
    zh: '未知的角色',
    en: 'Unknown role',
  },
  cannot_change_self: {
    status: 400,
    type: 'invalid_request_error',
    zh: '不能对自己的账户执行此操作',
    en: 'You cannot do this to your own account',
  },
  application_incomplete: {
    status: 400,
    type: 'invalid_request_error',
    zh: '申请信息有误或不完整，请按标出的字段修改',
    en: 'The application has missing or invalid fields; see each field',
  },
  invalid_state_transition: {
    status: 409,
    type: 'conflict_error',
    zh: '当前状态不允许此操作',
    en: 'The record’s current status does not allow this',
  },
  maker_checker_required: {
    status: 403,
    type: 'permission_error',
    zh: '审核人不能同时作为审批人，请由另一位同事审批',
    en: 'The reviewer cannot also approve; another colleague must approve',
  },
  document_type_not_allowed: {
    status: 415,
    type: 'invalid_request_error',
    zh: '只能上传 JPG、PNG、WebP 图片或 PDF 文件',
    en: 'Only JPG, PNG or WebP images and PDF files can be uploaded',
  },
  document_too_large: {
    status: 413,
    type: 'invalid_request_error',
    zh: '文件不能超过 10 MB',
    en: 'The file must not exceed 10 MB',
  },
  document_limit_reached: {
    status: 409,
    type: 'conflict_error',
    zh: '该类材料已达上限，请先删除一份',
    en: 'This document type is at its limit; delete one first',
  },
  setup_code_invalid: {
    status: 400,
    type: 'invalid_request_error',
    zh: '设置码无效或已过期，请联系开户网点重新获取',
    en: 'The setup code is invalid or has expired; ask your branch for a new one',
  },
  owner_already_set_up: {
    status: 409,
    type: 'conflict_error',
    zh: '登录密码已设置，请直接登录',
    en: 'The login password is already set; please log in',
  },
  mobile_taken: {
    status: 409,
    type: 'conflict_error',
    zh: '该手机号已是其他商户账户的登录名',
    en: 'This mobile number is already the login of another merchant user',
  },
  account_change_pending: {
    status: 409,
    type: 'conflict_error',
    zh: '已有一笔结算账户变更在等待生效，请先撤销',
    en: 'A settlement account change is already pending; cancel it first',
  },
  step_up_required: {
    status: 403,
    type: 'authentication_error',
    zh: '此操作需要再次验证身份，请输入验证码',
    en: 'This action needs a fresh verification code',
  },
  commission_above_cap: {
    status: 400,
    type: 'invalid_request_error',
    zh: '佣金费率超过本行上限',
    en: 'The commission rate is above the bank’s cap',
  },
  merchant_not_active: {
    status: 409,
    type: 'conflict_error',
    zh: '商户未处于正常营业状态',
    en: 'The merchant is not active',
  },
  not_a_market_operator: {
    status: 409,
    type: 'conflict_error',
    zh: '只有市场运营方商户可以开设市场',
    en: 'Only a market operator merchant can run a market',
  },
  membership_exists: {
    status: 409,
    type: 'conflict_error',
    zh: '已申请或已加入该市场',
    en: 'Already asked to join or a member of this market',
  },
  buyer_exists: {
    status: 409,
    type: 'conflict_error',
    zh: '该证件号的采购商已在本市场登记',
    en: 'A buyer with this ID number is already registered in this market',
  },
  market_closed: {
    status: 409,
    type: 'conflict_error',
    zh: '该市场已关闭，不能加入新成员或登记采购商',
    en: 'The market is closed; it takes no new members or buyers',
  },
  market_own_operator: {
    status: 409,
    type: 'conflict_error',
    zh: '市场运营方不能申请加入自己的市场',
    en: 'A market’s operator cannot ask to join its own market',
  },
  insufficient_balance: {
    status: 409,
    type: 'conflict_error',
    zh: '商户待结算余额不足，无法完成此操作',
    en: 'The merchant’s payable balance is not enough for this',
  },
  payment_limit_exceeded: {
    status: 422,
    type: 'invalid_request_error',
    zh: '超出收款限额',
    en: 'The payment exceeds a limit',
  },
  card_number_not_allowed: {
    status: 400,
    type: 'invalid_request_error',
    zh: '不得上送完整卡号：请只传卡 BIN、后四位和收单主机令牌',
    en: 'Never send a full card number: send the BIN, the last four digits and the host token only',
  },
  payment_code_unrecognised: {
    status: 400,
    type: 'invalid_request_error',
    zh: '无法识别的付款码：微信付款码 10–15 开头 18 位，支付宝 25–30 开头 16–24 位，云闪付 62 开头 19 位',
    en: 'Unrecognised payment code: WeChat 18 digits starting 10–15, Alipay 16–24 digits starting 25–30, UnionPay 19 digits starting 62',
  },
  payment_not_refundable: {
    status: 409,
    type: 'conflict_error',
    zh: '只有支付成功的订单可以退款',
    en: 'Only a succeeded payment can be refunded',
  },
  refund_exceeds_payment: {
    status: 409,
    type: 'conflict_error',
    zh: '退款总额不能超过实收金额',
    en: 'Refunds cannot exceed the amount captured',
  },
  refund_limit_reached: {
    status: 409,
    type: 'conflict_error',
    zh: '该笔支付的退款次数已达上限（50 次）',
    en: 'This payment has reached the limit of 50 refunds',
  },
  refund_window_closed: {
    status: 409,
    type: 'conflict_error',
    zh: '已超过可退款期限',
    en: 'The refund window of this payment has closed',
  },
  order_not_payable: {
    status: 409,
    type: 'conflict_error',
    zh: '该订单已支付、已关闭或已过期，不能再付款',
    en: 'This order is paid, closed or expired and cannot be paid',
  },
  store_not_open: {
    status: 409,
    type: 'conflict_error',
    zh: '门店已停业，暂不能收款',
    en: 'The store is closed and cannot take payments',
  },
  channel_not_accepted: {
    status: 400,
    type: 'invalid_request_error',
    zh: '不支持该支付渠道',
    en: 'This payment channel is not accepted here',
  },
  channel_unavailable: {
    status: 502,
    type: 'api_error',
    zh: '支付渠道暂时无法响应，请稍后重试',
    en: 'The payment channel is not answering; please retry later',
  },
  notification_rejected: {
    status: 400,
    type: 'invalid_request_error',
    zh: '通知验签失败或内容不符',
    en: 'The notification failed verification',
  },
  internal_error: {
    status: 500,
    type: 'api_error',
    zh: '服务器内部错误，请稍后重试',
    en: 'Internal server error; please retry later',
  },
  settlement_calendar_missing: {
    status: 503,
    type: 'api_error',
    zh: '尚未安装该年度的法定节假日安排，无法计算 T+1 结算日',
    en: 'The official holiday calendar for that year is not installed yet, so the T+1 settlement date is unknown',
  },
  // Settlement and payouts.
  payout_not_retryable: {
    status: 409,
    type: 'conflict_error',
    zh: '只有失败的付款可以重新发起',
    en: 'Only a failed payout can be retried',
  },
  settlement_account_missing: {
    status: 409,
    type: 'conflict_error',
    zh: '商户尚未登记结算账户，无法付款',
    en: 'The merchant has no settlement account to pay to',
  },
  settlement_date_not_due: {
    status: 409,
    type: 'conflict_error',
    zh: '该结算日的交易尚未截止，不能结算',
    en: 'The trade days of that settlement date have not closed yet',
  },
  payout_file_malformed: {
    status: 422,
    type: 'invalid_request_error',
    zh: '付款文件格式有误，请查看标出的行和字段',
    en: 'The payout file is malformed; see the line and field named',
  },
  payout_file_value_invalid: {
    status: 422,
    type: 'invalid_request_error',
    zh: '付款明细中有不能写入付款文件的值，请查看标出的行和字段',
    en: 'A payout line holds a value the payout file cannot carry; see the line and field named',
  },
  // Reconciliation.
  statement_import_locked: {
    status: 409,
    type: 'conflict_error',
    zh: '该渠道当日的对账结果已有差错被处理，不能再用另一份对账单替换',
    en: 'Breaks of this channel and date have been worked on already; another statement file cannot replace the result',
  },
  statement_date_not_closed: {
    status: 400,
    type: 'invalid_request_error',
    zh: '只能对已经结束的日期对账',
    en: 'Only a day that has ended can be reconciled',
  },
  statement_download_unsupported: {
    status: 400,
    type: 'invalid_request_error',
    zh: '该渠道不提供对账单下载',
    en: 'This channel offers no statement download',
  },
  recon_break_not_actionable: {
    status: 409,
    type: 'conflict_error',
    zh: '该差错当前状态不允许此操作',
    en: 'The break is not in a state that allows this action',
  },
  recon_import_superseded: {
    status: 409,
    type: 'conflict_error',
    zh: '该对账结果已被新的对账单替换，请处理新结果中的差错',
    en: 'This reconciliation result was replaced by a newer statement; work on the newer result',
  },
  recon_self_approval: {
    status: 403,
    type: 'permission_error',
    zh: '不能审批自己提交的调账，请由另一位复核人审批',
    en: 'You cannot approve an adjustment you proposed; another checker must approve it',
  },
  statement_malformed: {
    status: 422,
    type: 'invalid_request_error',
    zh: '对账单格式有误',
    en: 'The statement file is malformed',
  },
  statement_unavailable: {
    status: 502,
    type: 'api_error',
    zh: '渠道未能提供对账单，请稍后重试',
    en: 'The channel did not provide the statement; please retry later',
  },
  // Farmers and field purchases.
  merchant_not_purchaser: {
    status: 403,
    type: 'permission_error',
    zh: '只有农产品收购商可以登记农户、收购付款',
    en: 'Only a produce purchaser can register farmers and pay for field purchases',
  },
  farmer_exists: {
    status: 409,
    type: 'conflict_error',
    zh: '该身份证号的农户已经登记过',
    en: 'A farmer with this ID number is already registered by this purchaser',
  },
  farmer_not_active: {
    status: 409,
    type: 'conflict_error',
    zh: '该农户已停用，不能向其付款',
    en: 'The farmer is no longer active and cannot be paid',
  },
  farmer_purchase_conflict: {
    status: 409,
    type: 'conflict_error',
    zh: '该收购单号已用于另一笔内容不同的收购，请勿重复使用',
    en: 'This client purchase id was already used for a purchase with other content',
  },
  purchaser_deposit_exists: {
    status: 409,
    type: 'conflict_error',
    zh: '该入账凭证号已经入账过',
    en: 'A deposit with this reference has already been credited',
  },
  service_unavailable: {
    status: 503,
    type: 'api_error',
    zh: '服务暂不可用',
    en: 'Service unavailable',
  },
} as const satisfies Record<string, CodeSpec>;

export type ErrorCode = keyof typeof errorCodes;
