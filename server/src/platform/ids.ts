import { monotonicFactory } from 'ulid';

/**
 * Wire prefixes of every id kind. Ids are ULIDs: time-sortable, generated in the application
 * (PostgreSQL 15 has no uuidv7), so a list ordered by id is ordered by creation.
 */
export const idPrefixes = {
  orgNode: 'org',
  user: 'usr',
  session: 'ses',
  auditEvent: 'aud',
  job: 'job',
  event: 'evt',
  request: 'req',
  merchant: 'mch',
  document: 'doc',
  store: 'sto',
  notification: 'ntf',
  accountChange: 'sac',
  market: 'mkt',
  membership: 'mbr',
  buyer: 'byr',
  payment: 'pay',
  refund: 'rfd',
  journal: 'jnl',
  ledgerAccount: 'acc',
  storeCode: 'qrc',
  apiKey: 'key',
  channelNotification: 'cnt',
  payout: 'pyo',
  settlementRun: 'srn',
  settlementLine: 'sln',
  farmer: 'frm',
  farmerPurchase: 'fpu',
  purchaserDeposit: 'pdp',
  statementImport: 'sti',
  reconBreak: 'brk',
} as const;

export type IdKind = keyof typeof idPrefixes;

const nextUlid = monotonicFactory();

export function newId(kind: IdKind, nowMs: number = Date.now()): string {
  return `${idPrefixes[kind]}_${nextUlid(nowMs).toLowerCase()}`;
}

export function isId(kind: IdKind, value: string): boolean {
  return new RegExp(`^${idPrefixes[kind]}_[0-9a-hjkmnp-tv-z]{26}$`).test(value);
}
