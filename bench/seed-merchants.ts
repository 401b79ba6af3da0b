import type pg from 'pg';
import {
  apiKeyDisplayPrefix,
  newApiKeySecret,
} from '../server/src/modules/identity/api-key-secrets.js';
import { merchantUsername } from '../server/src/modules/identity/merchant-users.js';
import { createEncryptor } from '../server/src/platform/crypto/encryption.js';
import { hashPassword } from '../server/src/platform/crypto/passwords.js';
import { sha256Hex } from '../server/src/platform/crypto/tokens.js';
import { newId } from '../server/src/platform/ids.js';
import { luhnCheckDigit } from '../server/src/platform/validation/bank-card.js';
import { creditCodeCheckChar } from '../server/src/platform/validation/credit-code.js';

/** What the load needs of one merchant: where it takes payments and the key it takes them with. */
export type BenchMerchant = { merchantId: string; storeId: string; apiKey: string };

const regionCode = '370202';
const rowsPerInsert = 2_000;

type Columns = Record<string, { type: string; values: unknown[] }>;

/** One multi-row INSERT from parallel arrays (`unnest`), a chunk at a time. */
async function insertRows(client: pg.Client, table: string, columns: Columns, count: number) {
  const names = Object.keys(columns);
  for (let start = 0; start < count; start += rowsPerInsert) {
    const end = Math.min(count, start + rowsPerInsert);
    const params = names.map((name) => columns[name]?.values.slice(start, end));
    const casts = names.map((name, i) => `$${i + 1}::${columns[name]?.type}[]`).join(', ');
    await client.query(
      `insert into ${table} (${names.join(', ')}) select * from unnest(${casts})`,
      params,
    );
  }
}

/**
 * `count` active merchants straight in the tables, the way server/test/merchant-factories.ts
 * builds one (personal data encrypted with the key the server is started with), each with one
 * open store, an owner (merchant_owner) and one live API key in the format
 * identity/api-key-secrets.ts issues (only its SHA-256 stored). Bulk SQL in one transaction:
 * seconds, where 10,000 key creations over HTTP would take minutes.
 */
export async function seedMerchants(
  client: pg.Client,
  options: { count: number; encryptionKeyHex: string },
): Promise<BenchMerchant[]> {
  const encryptor = createEncryptor(Buffer.from(options.encryptionKeyHex, 'hex'));
  const now = new Date();
  const headOffice = newId('orgNode', now.getTime());
  const branch = newId('orgNode', now.getTime());
  // One argon2id hash shared by every owner: 10,000 hashes at 19 MiB would take minutes.
  const passwordHash = await hashPassword('Bench-Owner-2026!');

  const merchant: Record<string, unknown[]> = {};
  const store: Record<string, unknown[]> = {};
  const user: Record<string, unknown[]> = {};
  const key: Record<string, unknown[]> = {};
  const push = (into: Record<string, unknown[]>, values: Record<string, unknown>) => {
    for (const [column, value] of Object.entries(values)) {
      into[column] ??= [];
      into[column].push(value);
    }
  };
  const result: BenchMerchant[] = [];
  for (let i = 0; i < options.count; i++) {
    const merchantId = newId('merchant', now.getTime());
    const storeId = newId('store', now.getTime());
    const userId = newId('user', now.getTime());
    const mobile = `139${String(i).padStart(8, '0')}`;
    const shortName = `压测商户${i}`;
    const creditFirst17 = `9137020${String(i).padStart(8, '0')}M${i % 10}`;
    const accountPartial = `622848${String(i).padStart(12, '0')}`;
    const apiKey = newApiKeySecret();
    push(merchant, {
      id: merchantId,
      status: 'active',
      kind: 'individual_business',
      channel: 'staff',
      registered_name: `青岛市${shortName}`,
      short_name: shortName,
      credit_code: `${creditFirst17}${creditCodeCheckChar(creditFirst17)}`,
      legal_rep_name: '张三',
      legal_rep_id_number_enc: encryptor.encrypt('11010519491231002X'),
      mobile_enc: encryptor.encrypt(mobile),
      mobile_index: encryptor.blindIndex(mobile),
      region_code: regionCode,
      address: '香港中路 8 号',
      mcc: '5411',
      settlement_account_name: `青岛市${shortName}`,
      settlement_account_number_enc: encryptor.encrypt(
        `${accountPartial}${luhnCheckDigit(accountPartial)}`,
      ),
      settlement_bank_code: '314',
      org_node_id: branch,
      referral_code: `B${String(i).padStart(6, '0')}`,
      risk_level: 'low',
      fee_plan: 'standard',
      owner_user_id: userId,
      activated_at: now,
      created_at: now,
      updated_at: now,
    });
    push(store, {
      id: storeId,
      merchant_id: merchantId,
      name: `${shortName}（总店）`,
      region_code: regionCode,
      address: '香港中路 8 号',
      hours: '08:00-21:00',
      status: 'open',
      created_at: now,
      updated_at: now,
    });
    push(user, {
      id: userId,
      realm: 'merchant',
      username: merchantUsername(encryptor, mobile),
      display_name: `店主${i}`,
      merchant_id: merchantId,
      mobile_enc: encryptor.encrypt(mobile),
      password_hash: passwordHash,
      created_at: now,
      updated_at: now,
    });
    push(key, {
      id: newId('apiKey', now.getTime()),
      merchant_id: merchantId,
      name: '压测收款系统',
      prefix: apiKeyDisplayPrefix(apiKey),
      secret_hash: sha256Hex(apiKey),
      created_by_user_id: userId,
      created_at: now,
    });
    result.push({ merchantId, storeId, apiKey });
  }

  const typed = (values: Record<string, unknown[]>): Columns =>
    Object.fromEntries(
      Object.entries(values).map(([column, list]) => [
        column,
        { type: list[0] instanceof Date ? 'timestamptz' : 'text', values: list },
      ]),
    );
  await client.query('begin');
  try {
    await client.query(
      `insert into org_nodes (id, parent_id, code, name, kind, region_code, path, depth, created_at, updated_at)
       values ($1, null, 'BENCH_HO', '压测总行', 'head_office', $3, $4, 0, $6, $6),
              ($2, $1, 'BENCH_BR', '压测分行', 'branch', $3, $5, 1, $6, $6)`,
      [headOffice, branch, regionCode, `/${headOffice}/`, `/${headOffice}/${branch}/`, now],
    );
    await insertRows(client, 'merchants', typed(merchant), options.count);
    await insertRows(client, 'stores', typed(store), options.count);
    await insertRows(client, 'users', typed(user), options.count);
    await insertRows(
      client,
      'user_roles',
      {
        user_id: { type: 'text', values: user.id ?? [] },
        role: { type: 'text', values: (user.id ?? []).map(() => 'merchant_owner') },
      },
      options.count,
    );
    await insertRows(client, 'merchant_api_keys', typed(key), options.count);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // Statistics for what was just loaded, and only that: an ANALYZE of the whole database would
  // also record the empty ledger and payment tables as empty, and plans cached by the run's
  // connections (the foreign-key checks among them) would then scan those tables as they grow,
  // until autovacuum analyzes them again a minute or more into the run.
  await client.query('analyze org_nodes, merchants, stores, users, user_roles, merchant_api_keys');
  return result;
}
