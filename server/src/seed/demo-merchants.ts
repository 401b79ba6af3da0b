import { and, eq, inArray } from 'drizzle-orm';
import { createMerchantUser, users } from '../modules/identity/index.js';
import { buyerMembers, marketMemberships, markets } from '../modules/markets/tables.js';
import type { FeePlan } from '../modules/merchants/fee-plans.js';
import type { MccCode } from '../modules/merchants/mcc-codes.js';
import type { NotificationKind } from '../modules/merchants/notify-merchant.js';
import type { SettlementBankCode } from '../modules/merchants/settlement-banks.js';
import {
  type MerchantKind,
  type MerchantStatus,
  merchantNotifications,
  merchants,
  type RiskLevel,
  stores,
} from '../modules/merchants/tables.js';
import { findRegion, orgNodes } from '../modules/orgs/index.js';
import type { MerchantRole } from '../platform/auth/permissions.js';
import type { Clock } from '../platform/clock.js';
import type { Encryptor } from '../platform/crypto/encryption.js';
import type { Db } from '../platform/db/database.js';
import { newId } from '../platform/ids.js';
import { luhnCheckDigit } from '../platform/validation/bank-card.js';
import { creditCodeCheckChar } from '../platform/validation/credit-code.js';
import { residentIdCheckChar } from '../platform/validation/resident-id.js';
import { demoPassword } from './demo-bank.js';

/**
 * About fifty demo merchants of the demo bank: every kind, every branch, stores and staff, two
 * wholesale markets with members and buyers, referrals, and a review queue to work through.
 *
 * Everything is generated from a fixed seed, so every start gives the same demo bank (ids,
 * ciphertexts and timestamps relative to "now" aside). Seeding is idempotent: a merchant is
 * found again by its mobile and short name, and whatever exists is left as it is.
 *
 * Seeded merchants have no documents: `merchant_documents` rows would point at files the file
 * store does not have, and a reviewer opening one would get an error instead of a picture.
 */

/** The merchant-realm logins printed at start; every one uses the demo password. */
export const demoMerchantLogins = [
  {
    mobile: '13800000001',
    role: 'merchant_owner',
    merchant: '王记水果店',
    description: '个体工商户店主 (QD010)',
  },
  {
    mobile: '13800000002',
    role: 'merchant_owner',
    merchant: '城阳蔬菜批发市场',
    description: '市场运营方 (QD020)',
  },
  {
    mobile: '13800000003',
    role: 'merchant_cashier',
    merchant: '海韵便利店',
    description: '收银员 (QD011)',
  },
  {
    mobile: '13800000004',
    role: 'merchant_owner',
    merchant: '惠农农产品收购',
    description: '农产品收购商 (QD020)',
  },
] as const satisfies ReadonlyArray<{
  mobile: string;
  role: MerchantRole;
  merchant: string;
  description: string;
}>;

type Sex = 'male' | 'female';
type Person = { name: string; sex: Sex };

type StaffSpec = {
  role: 'merchant_manager' | 'merchant_cashier';
  name: string;
  /** A cashier's store, by its place in `stores`. */
  store?: number;
  mobile?: string;
};

type StoreSpec = { name: string; address?: string; closed?: boolean };

type MerchantSpec = {
  shortName: string;
  /** Defaults to city + county + short name for an individual business; none for micro. */
  registeredName?: string;
  kind: MerchantKind;
  node: string;
  region: string;
  mcc: MccCode;
  status: MerchantStatus;
  rep?: Person;
  mobile?: string;
  address?: string;
  hours?: string;
  channel?: 'h5' | 'staff';
  stores?: StoreSpec[];
  staff?: StaffSpec[];
  /** The short name of the merchant whose referral code this one gave. */
  referredBy?: string;
  risk?: RiskLevel;
  feePlan?: FeePlan;
  /** The reason of a suspension, closure, rejection or change request. */
  reason?: string;
  /** A credit code whose check character is wrong: routed to manual review, not rejected. */
  creditCodeFails?: boolean;
  /** An in-review application with the reviewer's recommendation already made. */
  recommended?: boolean;
  /** Days before the seed that the application was started; the queue is recent. */
  ageDays: number;
};

const market = {
  chengyang: {
    name: '青岛城阳蔬菜批发市场',
    operator: '城阳蔬菜批发市场',
    commissionBp: 80,
    ageDays: 370,
  },
  jimo: { name: '即墨水产批发市场', operator: '即墨水产批发市场', commissionBp: 60, ageDays: 330 },
} as const;
type MarketKey = keyof typeof market;

/** Who joined which market and how the operator decided; a few merchants are in both. */
const memberships: Array<{
  market: MarketKey;
  merchant: string;
  status: 'accepted' | 'requested' | 'declined';
}> = [
  ...[
    '城阳老孙蔬菜',
    '鲁丰土豆批发',
    '惠农农产品收购',
    '李沧鲜果批发',
    '王哥葱姜蒜',
    '流亭大白菜',
    '绿源果蔬配送',
    '马家沟芹菜收购',
    '沙子口渔港海产',
    '金沙滩水产',
  ].map((merchant) => ({ market: 'chengyang' as const, merchant, status: 'accepted' as const })),
  { market: 'chengyang', merchant: '里岔蔬菜收购站', status: 'requested' },
  { market: 'chengyang', merchant: '大泽山葡萄', status: 'requested' },
  { market: 'chengyang', merchant: '台东排骨米饭', status: 'declined' },
  ...[
    '老李海鲜',
    '沙子口渔港海产',
    '薛家岛海鲜码头',
    '鳌山卫海鲜',
    '田横岛渔家',
    '蓝村小刘水产',
    '即墨鲜鱼行',
    '金沙滩水产',
    '芝罘海产',
  ].map((merchant) => ({ market: 'jimo' as const, merchant, status: 'accepted' as const })),
  { market: 'jimo', merchant: '蓝村便民超市', status: 'requested' },
  { market: 'jimo', merchant: '黄岛鲅鱼水饺', status: 'requested' },
  { market: 'jimo', merchant: '即墨古城小吃', status: 'declined' },
];

/** Buyer members: traders who buy in the market and pay from their own bank account. */
const buyers: Record<MarketKey, Person[]> = {
  chengyang: [
    { name: '赵德顺', sex: 'male' },
    { name: '钱桂兰', sex: 'female' },
    { name: '周长海', sex: 'male' },
    { name: '吴秀英', sex: 'female' },
    { name: '郑家宝', sex: 'male' },
  ],
  jimo: [
    { name: '冯海涛', sex: 'male' },
    { name: '陈玉梅', sex: 'female' },
    { name: '褚大勇', sex: 'male' },
    { name: '卫红霞', sex: 'female' },
    { name: '蒋立新', sex: 'male' },
  ],
};

/**
 * The merchants, oldest application first within each group. Branch code, county and MCC are
 * chosen to match the name; the counties without a branch of their own belong to the nearest
 * one (市北 → 市南, 城阳 and 李沧 → 崂山, 胶州 → 黄岛, 莱西 → 平度), and merchants outside
 * Qingdao to the head office.
 */
const specs: MerchantSpec[] = [
  // Active merchants of 市南支行 and its sub-branches.
  {
    shortName: '王记水果店',
    kind: 'individual_business',
    node: 'QD010',
    region: '370202',
    mcc: '5499',
    status: 'active',
    rep: { name: '王建国', sex: 'male' },
    mobile: demoMerchantLogins[0].mobile,
    address: '闽江路 126 号',
    stores: [{ name: '王记水果店' }, { name: '王记水果店（南京路店）', address: '南京路 88 号' }],
    staff: [{ role: 'merchant_cashier', name: '王小红', store: 1 }],
    risk: 'low',
    ageDays: 420,
  },
  {
    shortName: '老李海鲜',
    kind: 'individual_business',
    node: 'QD010',
    region: '370202',
    mcc: '5422',
    status: 'active',
    rep: { name: '李明', sex: 'male' },
    ageDays: 410,
  },
  {
    shortName: '海韵便利店',
    kind: 'individual_business',
    node: 'QD011',
    region: '370202',
    mcc: '5499',
    status: 'active',
    rep: { name: '孙丽娟', sex: 'female' },
    address: '香港中路 36 号',
    hours: '00:00-24:00',
    stores: [{ name: '海韵便利店（香港中路店）' }, { name: '海韵便利店（东海西路店）' }],
    staff: [
      { role: 'merchant_manager', name: '孙涛' },
      {
        role: 'merchant_cashier',
        name: '周晓雯',
        store: 0,
        mobile: demoMerchantLogins[2].mobile,
      },
      { role: 'merchant_cashier', name: '马超', store: 1 },
    ],
    ageDays: 400,
  },
  {
    shortName: '海之味餐厅',
    registeredName: '青岛海之味餐饮有限公司',
    kind: 'company',
    node: 'QD010',
    region: '370202',
    mcc: '5812',
    status: 'active',
    rep: { name: '赵海军', sex: 'male' },
    hours: '10:30-22:00',
    stores: [
      { name: '海之味（中山路店）', address: '中山路 172 号' },
      { name: '海之味（五四广场店）', address: '东海西路 35 号' },
      { name: '海之味（台东店）', address: '台东一路 51 号', closed: true },
    ],
    staff: [
      { role: 'merchant_manager', name: '钱志强' },
      { role: 'merchant_cashier', name: '韩雪', store: 0 },
      { role: 'merchant_cashier', name: '杨帆', store: 1 },
    ],
    risk: 'medium',
    ageDays: 395,
  },
  {
    shortName: '八大关花艺',
    kind: 'individual_business',
    node: 'QD012',
    region: '370202',
    mcc: '5992',
    status: 'active',
    hours: '09:00-20:00',
    ageDays: 380,
  },
  {
    shortName: '中山路面包房',
    kind: 'individual_business',
    node: 'QD011',
    region: '370202',
    mcc: '5462',
    status: 'active',
    address: '中山路 98 号',
    hours: '07:00-20:00',
    ageDays: 360,
  },
  {
    shortName: '惠民超市',
    registeredName: '青岛惠民生活超市有限公司',
    kind: 'company',
    node: 'QD010',
    region: '370203',
    mcc: '5411',
    status: 'active',
    stores: [{ name: '惠民超市（辽阳西路店）' }, { name: '惠民超市（延吉路店）' }],
    staff: [
      { role: 'merchant_manager', name: '吴刚' },
      { role: 'merchant_cashier', name: '郑丽', store: 0 },
    ],
    ageDays: 350,
  },
  {
    shortName: '康宁大药房',
    registeredName: '青岛康宁大药房有限公司',
    kind: 'company',
    node: 'QD012',
    region: '370203',
    mcc: '5912',
    status: 'active',
    hours: '08:00-22:00',
    risk: 'medium',
    ageDays: 340,
  },
  {
    shortName: '台东排骨米饭',
    kind: 'individual_business',
    node: 'QD010',
    region: '370203',
    mcc: '5814',
    status: 'active',
    address: '台东三路 67 号',
    hours: '10:00-21:00',
    referredBy: '海之味餐厅',
    ageDays: 300,
  },
  {
    shortName: '小张早餐铺',
    kind: 'micro',
    node: 'QD011',
    region: '370202',
    mcc: '5814',
    status: 'active',
    rep: { name: '张桂芳', sex: 'female' },
    hours: '05:30-13:00',
    referredBy: '王记水果店',
    ageDays: 240,
  },
  {
    shortName: '刘姐水饺',
    kind: 'micro',
    node: 'QD010',
    region: '370203',
    mcc: '5812',
    status: 'active',
    rep: { name: '刘秀兰', sex: 'female' },
    hours: '10:00-20:30',
    referredBy: '王记水果店',
    ageDays: 200,
  },
  {
    shortName: '晨光鲜奶',
    kind: 'individual_business',
    node: 'QD012',
    region: '370202',
    mcc: '5451',
    status: 'active',
    hours: '06:00-19:00',
    ageDays: 190,
  },
  {
    shortName: '金湖路日杂店',
    kind: 'individual_business',
    node: 'QD011',
    region: '370202',
    mcc: '5331',
    status: 'active',
    address: '金湖路 15 号',
    ageDays: 150,
  },
  // 崂山支行: the 城阳 vegetable market and its sellers.
  {
    shortName: '城阳蔬菜批发市场',
    registeredName: '青岛城阳蔬菜批发市场管理有限公司',
    kind: 'market_operator',
    node: 'QD020',
    region: '370214',
    mcc: '5300',
    status: 'active',
    rep: { name: '孙振华', sex: 'male' },
    mobile: demoMerchantLogins[1].mobile,
    address: '正阳路 218 号',
    hours: '03:00-18:00',
    stores: [{ name: '城阳蔬菜批发市场管理处' }],
    staff: [{ role: 'merchant_manager', name: '孙振东' }],
    risk: 'low',
    ageDays: 390,
  },
  {
    shortName: '城阳老孙蔬菜',
    kind: 'individual_business',
    node: 'QD020',
    region: '370214',
    mcc: '5411',
    status: 'active',
    rep: { name: '孙长福', sex: 'male' },
    address: '正阳路 218 号城阳蔬菜批发市场 A 区 12 号',
    hours: '03:00-14:00',
    referredBy: '城阳蔬菜批发市场',
    ageDays: 365,
  },
  {
    shortName: '鲁丰土豆批发',
    kind: 'individual_business',
    node: 'QD020',
    region: '370214',
    mcc: '5411',
    status: 'active',
    address: '正阳路 218 号城阳蔬菜批发市场 A 区 27 号',
    hours: '03:00-14:00',
    referredBy: '城阳蔬菜批发市场',
    ageDays: 355,
  },
  {
    shortName: '惠农农产品收购',
    registeredName: '青岛惠农农产品收购有限公司',
    kind: 'produce_purchaser',
    node: 'QD020',
    region: '370214',
    mcc: '0763',
    status: 'active',
    hours: '05:00-17:00',
    mobile: demoMerchantLogins[3].mobile,
    stores: [{ name: '惠农收购（夏庄收购点）' }, { name: '惠农收购（流亭收购点）' }],
    staff: [{ role: 'merchant_cashier', name: '冯建业', store: 0 }],
    ageDays: 345,
  },
  {
    shortName: '李沧鲜果批发',
    kind: 'individual_business',
    node: 'QD020',
    region: '370213',
    mcc: '5499',
    status: 'active',
    hours: '04:00-16:00',
    ageDays: 335,
  },
  {
    shortName: '王哥葱姜蒜',
    kind: 'micro',
    node: 'QD020',
    region: '370214',
    mcc: '5411',
    status: 'active',
    rep: { name: '王立军', sex: 'male' },
    address: '正阳路 218 号城阳蔬菜批发市场 C 区 5 号',
    hours: '03:00-12:00',
    ageDays: 325,
  },
  {
    shortName: '流亭大白菜',
    kind: 'individual_business',
    node: 'QD020',
    region: '370214',
    mcc: '5411',
    status: 'active',
    hours: '03:00-14:00',
    referredBy: '城阳蔬菜批发市场',
    ageDays: 315,
  },
  {
    shortName: '绿源果蔬配送',
    registeredName: '青岛城阳绿源果蔬配送有限公司',
    kind: 'company',
    node: 'QD020',
    region: '370214',
    mcc: '5411',
    status: 'active',
    hours: '04:00-20:00',
    ageDays: 305,
  },
  {
    shortName: '北宅茶园',
    kind: 'individual_business',
    node: 'QD020',
    region: '370212',
    mcc: '5499',
    status: 'active',
    ageDays: 290,
  },
  {
    shortName: '沙子口渔港海产',
    kind: 'individual_business',
    node: 'QD021',
    region: '370212',
    mcc: '5422',
    status: 'active',
    hours: '05:00-18:00',
    stores: [{ name: '沙子口渔港海产（码头店）' }, { name: '沙子口渔港海产（市场摊位）' }],
    staff: [{ role: 'merchant_cashier', name: '曲海波', store: 1 }],
    ageDays: 280,
  },
  // 黄岛支行 and 长江路分理处, with 胶州.
  {
    shortName: '长江路烧烤',
    kind: 'individual_business',
    node: 'QD031',
    region: '370211',
    mcc: '5812',
    status: 'active',
    hours: '17:00-02:00',
    staff: [{ role: 'merchant_cashier', name: '宋佳', store: 0 }],
    ageDays: 385,
  },
  {
    shortName: '黄岛鲅鱼水饺',
    kind: 'individual_business',
    node: 'QD030',
    region: '370211',
    mcc: '5812',
    status: 'active',
    hours: '10:00-21:00',
    ageDays: 375,
  },
  {
    shortName: '薛家岛海鲜码头',
    kind: 'individual_business',
    node: 'QD030',
    region: '370211',
    mcc: '5422',
    status: 'active',
    hours: '05:00-19:00',
    ageDays: 320,
  },
  {
    shortName: '鑫源超市',
    registeredName: '青岛西海岸新区鑫源超市有限公司',
    kind: 'company',
    node: 'QD031',
    region: '370211',
    mcc: '5411',
    status: 'suspended',
    reason: '交易异常，风控核查中：短时间内出现大量整额交易',
    risk: 'high',
    ageDays: 310,
  },
  {
    shortName: '三里河烧鸡',
    kind: 'individual_business',
    node: 'QD030',
    region: '370281',
    mcc: '5422',
    status: 'active',
    ageDays: 260,
  },
  {
    shortName: '里岔蔬菜收购站',
    registeredName: '胶州市里岔蔬菜种植专业合作社',
    kind: 'produce_purchaser',
    node: 'QD030',
    region: '370281',
    mcc: '0763',
    status: 'active',
    hours: '05:00-17:00',
    ageDays: 230,
  },
  // 即墨支行 and 蓝村分理处: the 即墨 fish market and its sellers.
  {
    shortName: '即墨水产批发市场',
    registeredName: '青岛即墨水产批发市场有限公司',
    kind: 'market_operator',
    node: 'QD040',
    region: '370215',
    mcc: '5300',
    status: 'active',
    hours: '02:00-16:00',
    stores: [{ name: '即墨水产批发市场服务中心' }],
    staff: [{ role: 'merchant_manager', name: '黄立平' }],
    ageDays: 350,
  },
  {
    shortName: '鳌山卫海鲜',
    kind: 'individual_business',
    node: 'QD040',
    region: '370215',
    mcc: '5422',
    status: 'active',
    hours: '04:00-17:00',
    ageDays: 325,
  },
  {
    shortName: '田横岛渔家',
    kind: 'individual_business',
    node: 'QD040',
    region: '370215',
    mcc: '5422',
    status: 'active',
    hours: '04:00-17:00',
    referredBy: '即墨水产批发市场',
    ageDays: 312,
  },
  {
    shortName: '蓝村小刘水产',
    kind: 'individual_business',
    node: 'QD041',
    region: '370215',
    mcc: '5422',
    status: 'active',
    rep: { name: '刘洪波', sex: 'male' },
    hours: '04:00-17:00',
    referredBy: '即墨水产批发市场',
    ageDays: 300,
  },
  {
    shortName: '即墨鲜鱼行',
    kind: 'micro',
    node: 'QD041',
    region: '370215',
    mcc: '5422',
    status: 'active',
    hours: '04:00-12:00',
    ageDays: 285,
  },
  {
    shortName: '金沙滩水产',
    registeredName: '青岛金沙滩水产贸易有限公司',
    kind: 'company',
    node: 'QD040',
    region: '370215',
    mcc: '5422',
    status: 'active',
    hours: '04:00-18:00',
    stores: [{ name: '金沙滩水产（即墨市场档口）' }, { name: '金沙滩水产（城阳市场档口）' }],
    staff: [
      { role: 'merchant_manager', name: '高建华' },
      { role: 'merchant_cashier', name: '林晓燕', store: 0 },
      { role: 'merchant_cashier', name: '许文杰', store: 1 },
    ],
    ageDays: 275,
  },
  {
    shortName: '即墨古城小吃',
    kind: 'individual_business',
    node: 'QD040',
    region: '370215',
    mcc: '5814',
    status: 'active',
    hours: '09:00-21:00',
    ageDays: 250,
  },
  {
    shortName: '蓝村便民超市',
    kind: 'individual_business',
    node: 'QD041',
    region: '370215',
    mcc: '5411',
    status: 'active',
    ageDays: 220,
  },
  {
    shortName: '振华药店',
    kind: 'individual_business',
    node: 'QD040',
    region: '370215',
    mcc: '5912',
    status: 'closed',
    reason: '商户申请注销：店铺已转让',
    ageDays: 400,
  },
  // 平度支行, with 莱西.
  {
    shortName: '马家沟芹菜收购',
    registeredName: '平度市马家沟芹菜购销有限公司',
    kind: 'produce_purchaser',
    node: 'QD050',
    region: '370283',
    mcc: '0763',
    status: 'active',
    hours: '05:00-17:00',
    ageDays: 370,
  },
  {
    shortName: '大泽山葡萄',
    kind: 'individual_business',
    node: 'QD050',
    region: '370283',
    mcc: '5499',
    status: 'active',
    ageDays: 270,
  },
  {
    shortName: '月湖饭店',
    kind: 'individual_business',
    node: 'QD050',
    region: '370285',
    mcc: '5812',
    status: 'active',
    hours: '10:00-21:30',
    ageDays: 210,
  },
  {
    shortName: '同和便利店',
    kind: 'micro',
    node: 'QD050',
    region: '370283',
    mcc: '5499',
    status: 'suspended',
    reason: '收款码疑似转借他人使用，暂停收款待核实',
    risk: 'high',
    ageDays: 180,
  },
  // Head office: merchants elsewhere in Shandong.
  {
    shortName: '泉城通讯',
    registeredName: '济南历下泉城通讯器材有限公司',
    kind: 'company',
    node: 'QD000',
    region: '370102',
    mcc: '4814',
    status: 'active',
    feePlan: 'public_service',
    ageDays: 330,
  },
  {
    shortName: '芝罘海产',
    kind: 'individual_business',
    node: 'QD000',
    region: '370602',
    mcc: '5422',
    status: 'active',
    ageDays: 295,
  },
  {
    shortName: '芝罘苹果直销',
    kind: 'individual_business',
    node: 'QD000',
    region: '370602',
    mcc: '5499',
    status: 'active',
    ageDays: 265,
  },
  {
    shortName: '潍城风筝坊',
    kind: 'individual_business',
    node: 'QD000',
    region: '370702',
    mcc: '5331',
    status: 'active',
    ageDays: 235,
  },
  // The review queue: recent applications, mostly in 市南 where the demo reviewer works.
  {
    shortName: '鑫鑫日用百货',
    kind: 'individual_business',
    node: 'QD010',
    region: '370203',
    mcc: '5331',
    status: 'rejected',
    reason: '法定代表人身份证与营业执照登记的经营者不一致，请核实后重新申请',
    ageDays: 12,
  },
  {
    shortName: '延安路五金',
    kind: 'individual_business',
    node: 'QD012',
    region: '370202',
    mcc: '5331',
    status: 'needs_changes',
    reason: '营业执照照片不清晰，请重新上传；经营地址请写到门牌号',
    ageDays: 9,
  },
  {
    shortName: '东阁烧饼',
    kind: 'micro',
    node: 'QD050',
    region: '370283',
    mcc: '5814',
    status: 'in_review',
    ageDays: 7,
  },
  {
    shortName: '小陈烤地瓜',
    kind: 'micro',
    node: 'QD010',
    region: '370202',
    mcc: '5814',
    status: 'in_review',
    rep: { name: '陈玉兰', sex: 'female' },
    recommended: true,
    risk: 'low',
    feePlan: 'micro_preferential',
    ageDays: 6,
  },
  {
    shortName: '辽阳路果蔬店',
    kind: 'individual_business',
    node: 'QD010',
    region: '370203',
    mcc: '5499',
    status: 'submitted',
    referredBy: '王记水果店',
    ageDays: 4,
  },
  {
    shortName: '云霄路海鲜烧烤',
    registeredName: '青岛云霄路餐饮管理有限公司',
    kind: 'company',
    node: 'QD011',
    region: '370202',
    mcc: '5812',
    status: 'submitted',
    creditCodeFails: true,
    ageDays: 3,
  },
  {
    shortName: '蓝村海蛎子',
    kind: 'individual_business',
    node: 'QD041',
    region: '370215',
    mcc: '5422',
    status: 'submitted',
    ageDays: 2,
  },
  {
    shortName: '阿芳手工馒头',
    kind: 'micro',
    node: 'QD010',
    region: '370203',
    mcc: '5462',
    status: 'draft',
    channel: 'h5',
    rep: { name: '李芳', sex: 'female' },
    ageDays: 1,
  },
  {
    shortName: '蓝村土豆粉',
    kind: 'micro',
    node: 'QD040',
    region: '370215',
    mcc: '5814',
    status: 'draft',
    channel: 'h5',
    ageDays: 1,
  },
];

/** The short names of the demo merchants: what later seeds (their payments) look them up by. */
export const demoMerchantNames: readonly string[] = specs.map((spec) => spec.shortName);

/** Who reviews (maker) and who approves (checker) at each node; never the same person. */
const deciders: Record<string, { reviewer: string; approver: string }> = {
  QD000: { reviewer: 'hq.risk', approver: 'admin' },
  QD010: { reviewer: 'shinan.operator', approver: 'shinan.manager' },
  QD011: { reviewer: 'shinan.operator', approver: 'shinan.manager' },
  QD012: { reviewer: 'shinan.operator', approver: 'shinan.manager' },
  QD020: { reviewer: 'laoshan.manager', approver: 'hq.risk' },
  QD021: { reviewer: 'laoshan.manager', approver: 'hq.risk' },
  QD030: { reviewer: 'hq.risk', approver: 'admin' },
  QD031: { reviewer: 'hq.risk', approver: 'admin' },
  QD040: { reviewer: 'hq.risk', approver: 'admin' },
  QD041: { reviewer: 'jimo.operator', approver: 'hq.risk' },
  QD050: { reviewer: 'hq.risk', approver: 'admin' },
};

const streets: Record<string, string[]> = {
  '370202': ['香港中路', '南京路', '闽江路', '延安三路', '湛山大路', '东海西路', '云霄路'],
  '370203': ['辽阳西路', '台东一路', '延吉路', '敦化路', '山东路', '威海路'],
  '370211': ['长江中路', '井冈山路', '珠江路', '峨眉山路', '薛家岛街道滨海大道'],
  '370212': ['株洲路', '海尔路', '沙子口街道南姜路', '王哥庄街道', '北宅街道'],
  '370213': ['京口路', '九水东路', '黑龙江中路', '书院路'],
  '370214': ['正阳路', '春阳路', '流亭街道双元路', '夏庄街道', '长城路'],
  '370215': ['蓝鳌路', '鹤山路', '烟青路', '鳌山卫街道', '田横镇', '蓝村街道'],
  '370281': ['福州南路', '郑州东路', '里岔镇', '三里河街道'],
  '370283': ['红旗路', '人民路', '马家沟村', '大泽山镇', '同和街道'],
  '370285': ['烟台路', '月湖路', '上海路'],
  '370102': ['泉城路', '经十路', '解放路'],
  '370602': ['南大街', '北马路', '胜利路'],
  '370702': ['胜利西街', '和平路', '东风西街'],
};

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '于',
  '姜',
];
const givenNames: Record<Sex, string[]> = {
  male: ['建军', '志刚', '海涛', '德胜', '立伟', '国庆', '长江', '文斌', '永强', '春雷'],
  female: ['秀梅', '丽华', '桂英', '晓燕', '红梅', '玉珍', '静', '凤霞', '春燕', '美玲'],
};

/** Area codes of Shandong counties that buyer members were born in. */
const birthCounties = ['370202', '370211', '370214', '370215', '370281', '370283', '370285'];

// Mobile prefixes of the demo data. 139 is left out because the test factories draw from it,
// and 138 because the fixed demo logins and test examples (13800138000) live there.
const mobilePrefixes = ['135', '136', '137', '150', '151', '158', '159', '186', '187', '188'];

const creditCodeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// Letters and digits that cannot be misread; a referral code is read aloud and typed.
const referralChars = 'ABCDEFGHJKLMNPQRSUVWXYZ23456789';

const dayMs = 86_400_000;
const hourMs = 3_600_000;

/** mulberry32: a tiny deterministic generator, so every start yields the same demo bank. */
export function sequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    digits: (count: number) => Array.from({ length: count }, () => String(int(10))).join(''),
    chars: (alphabet: string, count: number) =>
      Array.from({ length: count }, () => alphabet[int(alphabet.length)]).join(''),
  };
}
type Sequence = ReturnType<typeof sequence>;

function residentId(seq: Sequence, county: string, sex: Sex): string {
  const year = 1960 + seq.int(40);
  const month = String(1 + seq.int(12)).padStart(2, '0');
  const day = String(1 + seq.int(28)).padStart(2, '0');
  // The last digit of the sequence number is odd for men and even for women.
  const order = `${seq.digits(2)}${2 * seq.int(5) + (sex === 'male' ? 1 : 0)}`;
  const first17 = `${county}${year}${month}${day}${order}`;
  return first17 + residentIdCheckChar(first17);
}

/** 9 = registered with industry and commerce; 1 company, 2 individual business, 3 co-op. */
function creditCode(seq: Sequence, spec: MerchantSpec): string | null {
  if (spec.kind === 'micro') return null;
  const type =
    spec.kind === 'individual_business'
      ? '92'
      : spec.registeredName?.endsWith('合作社')
        ? '93'
        : '91';
  const first17 = `${type}${spec.region}MA${seq.chars(creditCodeChars, 7)}`;
  const check = creditCodeCheckChar(first17);
  if (!spec.creditCodeFails) return first17 + check;
  // Any other character of the alphabet fails the check, as a mistyped licence would.
  const wrong = creditCodeChars[(creditCodeChars.indexOf(check) + 1) % creditCodeChars.length];
  return `${first17}${wrong}`;
}

/**
 * A settlement account: personal debit cards (19 digits) for individuals, shorter corporate
 * accounts for companies; mostly at the platform's own rural commercial bank.
 */
function bankAccount(
  seq: Sequence,
  corporate: boolean,
): { number: string; bank: SettlementBankCode } {
  const roll = seq.int(10);
  const bank: SettlementBankCode = roll < 6 ? '314' : roll < 8 ? '102' : '103';
  const prefix = corporate
    ? { '314': '8020', '102': '3803', '103': '3806' }[bank]
    : { '314': '623170', '102': '622202', '103': '622848' }[bank];
  const length = corporate ? 16 + seq.int(3) : 19;
  const partial = prefix + seq.digits(length - prefix.length - 1);
  return { number: partial + luhnCheckDigit(partial), bank };
}

function regionPrefix(county: string): string {
  const region = findRegion(county);
  const city = region?.parentCode ? findRegion(region.parentCode) : undefined;
  if (region?.level !== 'county') throw new Error(`Demo region ${county} is not a county`);
  return `${city?.name ?? ''}${region.name}`;
}

type PlannedUser = {
  role: MerchantRole;
  name: string;
  mobile: string;
  store: number | null;
};

type PlannedMerchant = {
  spec: MerchantSpec;
  registeredName: string | null;
  creditCode: string | null;
  rep: Person;
  repId: string;
  mobile: string;
  address: string;
  account: { number: string; bank: SettlementBankCode } | null;
  accountName: string | null;
  referralCode: string | null;
  riskLevel: RiskLevel | null;
  feePlan: FeePlan | null;
  stores: Array<{ name: string; address: string; hours: string; closed: boolean }>;
  users: PlannedUser[];
  createdAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
};

const activated: ReadonlySet<MerchantStatus> = new Set(['active', 'suspended', 'closed']);
const submitted: ReadonlySet<MerchantStatus> = new Set([
  ...activated,
  'submitted',
  'in_review',
  'needs_changes',
  'rejected',
]);

const marketMembers = new Set(
  memberships.filter((m) => m.status === 'accepted').map((m) => m.merchant),
);

/** Every value of every demo merchant, drawn in a fixed order so the result never varies. */
function planMerchants(now: Date): PlannedMerchant[] {
  const seq = sequence(20_260_101);
  const usedMobiles = new Set<string>(demoMerchantLogins.map((login) => login.mobile));
  const mobile = () => {
    for (;;) {
      const candidate = seq.pick(mobilePrefixes) + seq.digits(8);
      if (!usedMobiles.has(candidate)) {
        usedMobiles.add(candidate);
        return candidate;
      }
    }
  };
  const usedCodes = new Set<string>();
  const referralCode = () => {
    for (;;) {
      // Never T then digits: the test factories make codes of that shape.
      const candidate = seq.chars(referralChars.replace('T', ''), 1) + seq.chars(referralChars, 7);
      if (!usedCodes.has(candidate)) {
        usedCodes.add(candidate);
        return candidate;
      }
    }
  };
  const person = (): Person => {
    const sex: Sex = seq.int(3) === 0 ? 'female' : 'male';
    return { name: seq.pick(surnames) + seq.pick(givenNames[sex]), sex };
  };

  return specs.map((spec) => {
    const rep = spec.rep ?? person();
    const prefix = regionPrefix(spec.region);
    const registeredName =
      spec.registeredName ?? (spec.kind === 'micro' ? null : `${prefix}${spec.shortName}`);
    const address =
      spec.address ?? `${seq.pick(streets[spec.region] ?? [])} ${1 + seq.int(300)} 号`;
    const corporate = spec.kind !== 'micro' && spec.kind !== 'individual_business';
    const account = spec.status === 'draft' ? null : bankAccount(seq, corporate);
    const isActivated = activated.has(spec.status);
    const hours = spec.hours ?? seq.pick(['08:00-21:00', '08:30-20:30', '07:30-21:30']);
    const storeSpecs = isActivated ? (spec.stores ?? [{ name: spec.shortName }]) : [];
    const merchantMobile = spec.mobile ?? mobile();
    const createdAt = new Date(now.getTime() - spec.ageDays * dayMs - seq.int(8) * hourMs);
    const submittedAt = submitted.has(spec.status)
      ? new Date(createdAt.getTime() + (spec.channel === 'h5' ? dayMs : 2 * hourMs))
      : null;
    // Activation, or the reviewer's last word on a queued application.
    const decidedAt =
      submittedAt && spec.status !== 'submitted'
        ? new Date(submittedAt.getTime() + (1 + seq.int(3)) * dayMs)
        : null;
    const riskRoll = seq.int(20);
    const riskLevel: RiskLevel | null = isActivated
      ? (spec.risk ?? (riskRoll < 14 ? 'low' : riskRoll < 19 ? 'medium' : 'high'))
      : (spec.risk ?? null);
    const feePlan: FeePlan | null = isActivated
      ? (spec.feePlan ??
        (spec.kind === 'micro'
          ? 'micro_preferential'
          : marketMembers.has(spec.shortName)
            ? 'market_member'
            : 'standard'))
      : (spec.feePlan ?? null);
    const users: PlannedUser[] = isActivated
      ? [
          { role: 'merchant_owner', name: rep.name, mobile: merchantMobile, store: null },
          ...(spec.staff ?? []).map((staff) => ({
            role: staff.role,
            name: staff.name,
            mobile: staff.mobile ?? mobile(),
            store: staff.store ?? null,
          })),
        ]
      : [];
    return {
      spec,
      registeredName,
      creditCode: creditCode(seq, spec),
      rep,
      repId: residentId(seq, spec.region, rep.sex),
      mobile: merchantMobile,
      address,
      account,
      accountName: account ? (corporate ? registeredName : rep.name) : null,
      referralCode: isActivated ? referralCode() : null,
      riskLevel,
      feePlan,
      stores: storeSpecs.map((store) => ({
        name: store.name,
        address: store.address ?? address,
        hours,
        closed: store.closed ?? spec.status === 'closed',
      })),
      users,
      createdAt,
      submittedAt,
      decidedAt,
    };
  });
}

function planBuyers(): Record<
  MarketKey,
  Array<Person & { idNumber: string; account: string; bank: SettlementBankCode }>
> {
  const seq = sequence(20_260_202);
  const plan = (people: Person[]) =>
    people.map((person) => {
      const account = bankAccount(seq, false);
      return {
        ...person,
        idNumber: residentId(seq, seq.pick(birthCounties), person.sex),
        account: account.number,
        bank: account.bank,
      };
    });
  return { chengyang: plan(buyers.chengyang), jimo: plan(buyers.jimo) };
}

/** A clock stopped at one instant, so rows made through shared helpers carry the seeded time. */
const at = (instant: Date): Clock => ({ now: () => instant });

/**
 * Adds the demo merchants, their stores, users, markets, members and buyers. Returns how many
 * merchants it created; 0 when they all exist already.
 */
export async function seedDemoMerchants(
  db: Db,
  deps: { clock: Clock; encryptor: Encryptor },
): Promise<number> {
  const { clock, encryptor } = deps;
  const now = clock.now();
  const planned = planMerchants(now);

  const nodeRows = await db.select({ id: orgNodes.id, code: orgNodes.code }).from(orgNodes);
  const nodeId = new Map(nodeRows.map((node) => [node.code, node.id]));
  const staffRows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(eq(users.realm, 'staff'));
  const staffId = new Map(staffRows.map((user) => [user.username, user.id]));
  const requireStaff = (username: string) => {
    const id = staffId.get(username);
    if (!id) throw new Error(`Demo staff ${username} is missing; seed the demo bank first`);
    return id;
  };

  // A merchant seeded before is recognised by its mobile and short name.
  const existing = await db
    .select({
      id: merchants.id,
      shortName: merchants.shortName,
      mobileIndex: merchants.mobileIndex,
    })
    .from(merchants)
    .where(
      inArray(
        merchants.mobileIndex,
        planned.map((merchant) => encryptor.blindIndex(merchant.mobile)),
      ),
    );
  const existingId = new Map(
    existing.map((row) => [`${row.mobileIndex}|${row.shortName}`, row.id]),
  );

  // Ids in order of application, so a list ordered by id is ordered by age.
  const byAge = [...planned].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const idOf = new Map<string, string>();
  const fresh = new Set<string>();
  for (const merchant of byAge) {
    const key = `${encryptor.blindIndex(merchant.mobile)}|${merchant.spec.shortName}`;
    const found = existingId.get(key);
    if (found) {
      idOf.set(merchant.spec.shortName, found);
    } else {
      idOf.set(merchant.spec.shortName, newId('merchant', merchant.createdAt.getTime()));
      fresh.add(merchant.spec.shortName);
    }
  }
  const plannedByName = new Map(planned.map((merchant) => [merchant.spec.shortName, merchant]));
  const ownerOf = new Map<string, string>();

  for (const merchant of byAge) {
    const { spec } = merchant;
    if (!fresh.has(spec.shortName)) continue;
    const id = idOf.get(spec.shortName) as string;
    const orgNodeId = nodeId.get(spec.node);
    if (!orgNodeId) throw new Error(`Demo node ${spec.node} is missing; seed the demo bank first`);
    const decider = deciders[spec.node] as { reviewer: string; approver: string };
    const isActivated = activated.has(spec.status);
    const reviewed = spec.status !== 'draft' && spec.status !== 'submitted';
    const referrer = spec.referredBy ? plannedByName.get(spec.referredBy) : undefined;
    // A suspension or closure came well after activation.
    const laterAt = new Date(now.getTime() - 20 * dayMs);
    const updatedAt =
      spec.status === 'suspended' || spec.status === 'closed'
        ? laterAt
        : (merchant.decidedAt ?? merchant.submittedAt ?? merchant.createdAt);
    await db.insert(merchants).values({
      id,
      status: spec.status,
      kind: spec.kind,
      channel: spec.channel ?? 'staff',
      registeredName: merchant.registeredName,
      shortName: spec.shortName,
      creditCode: merchant.creditCode,
      legalRepName: merchant.rep.name,
      legalRepIdNumberEnc: encryptor.encrypt(merchant.repId),
      mobileEnc: encryptor.encrypt(merchant.mobile),
      mobileIndex: encryptor.blindIndex(merchant.mobile),
      regionCode: spec.region,
      address: merchant.address,
      mcc: spec.mcc,
      settlementAccountName: merchant.accountName,
      settlementAccountNumberEnc: merchant.account
        ? encryptor.encrypt(merchant.account.number)
        : null,
      settlementBankCode: merchant.account?.bank ?? null,
      orgNodeId,
      referralCodeGiven: referrer?.referralCode ?? null,
      // An application names its referrer only once it is activated.
      referredByMerchantId:
        referrer && isActivated ? (idOf.get(referrer.spec.shortName) ?? null) : null,
      referralCode: merchant.referralCode,
      reviewFlags: spec.creditCodeFails ? ['credit_code_check_failed'] : [],
      riskLevel: merchant.riskLevel,
      feePlan: merchant.feePlan,
      reviewerUserId: reviewed ? requireStaff(decider.reviewer) : null,
      recommendedAt:
        isActivated || spec.recommended
          ? new Date((merchant.decidedAt ?? now).getTime() - (spec.recommended ? 0 : 4 * hourMs))
          : null,
      approverUserId: isActivated ? requireStaff(decider.approver) : null,
      statusReason: spec.reason ?? null,
      submittedAt: merchant.submittedAt,
      activatedAt: isActivated ? merchant.decidedAt : null,
      createdAt: merchant.createdAt,
      updatedAt,
    });

    const storeIds: string[] = [];
    for (const [index, store] of merchant.stores.entries()) {
      const storeId = newId('store', merchant.createdAt.getTime());
      const opened = new Date((merchant.decidedAt ?? now).getTime() + index * 30 * dayMs);
      await db.insert(stores).values({
        id: storeId,
        merchantId: id,
        name: store.name,
        regionCode: spec.region,
        address: store.address,
        hours: store.hours,
        status: store.closed ? 'closed' : 'open',
        createdAt: opened,
        updatedAt: opened,
      });
      storeIds.push(storeId);
    }

    for (const user of merchant.users) {
      const createdAt = new Date((merchant.decidedAt ?? now).getTime() + hourMs);
      const { userId } = await createMerchantUser(
        db,
        { clock: at(createdAt), encryptor },
        {
          merchantId: id,
          storeId: user.store === null ? null : (storeIds[user.store] ?? null),
          mobile: user.mobile,
          displayName: user.name,
          role: user.role,
          password: demoPassword,
        },
      );
      // The demo users have set their own password already, so the owner counts as set up;
      // a closed merchant's users can no longer sign in.
      await db
        .update(users)
        .set({
          passwordSetAt: createdAt,
          disabledAt: spec.status === 'closed' ? updatedAt : null,
        })
        .where(eq(users.id, userId));
      if (user.role === 'merchant_owner') {
        ownerOf.set(spec.shortName, userId);
        await db.update(merchants).set({ ownerUserId: userId }).where(eq(merchants.id, id));
      }
    }

    const notes: Array<{ kind: NotificationKind; params: Record<string, string>; at: Date }> = [];
    if (merchant.submittedAt) {
      notes.push({ kind: 'application_submitted', params: {}, at: merchant.submittedAt });
    }
    if (merchant.decidedAt) {
      const reason = spec.reason ?? '';
      if (isActivated) {
        notes.push({
          kind: 'merchant_approved',
          params: { shortName: spec.shortName },
          at: merchant.decidedAt,
        });
      }
      if (spec.status === 'needs_changes') {
        notes.push({
          kind: 'application_needs_changes',
          params: { reason },
          at: merchant.decidedAt,
        });
      }
      if (spec.status === 'rejected') {
        notes.push({ kind: 'application_rejected', params: { reason }, at: merchant.decidedAt });
      }
      const laterKind: Partial<Record<MerchantStatus, NotificationKind>> = {
        suspended: 'merchant_suspended',
        closed: 'merchant_closed',
      };
      const later = laterKind[spec.status];
      if (later) {
        notes.push({ kind: later, params: { reason }, at: laterAt });
      }
    }
    for (const note of notes) {
      await db.insert(merchantNotifications).values({
        id: newId('notification', note.at.getTime()),
        merchantId: id,
        kind: note.kind,
        params: note.params,
        createdAt: note.at,
        // Everything but the latest word has been read.
        readAt: note === notes.at(-1) ? null : new Date(note.at.getTime() + hourMs),
      });
    }
  }

  await seedMarkets(db, { now, encryptor, idOf, plannedByName, ownerOf, fresh });
  return fresh.size;
}

async function seedMarkets(
  db: Db,
  context: {
    now: Date;
    encryptor: Encryptor;
    idOf: Map<string, string>;
    plannedByName: Map<string, PlannedMerchant>;
    ownerOf: Map<string, string>;
    fresh: Set<string>;
  },
): Promise<void> {
  const { now, encryptor, idOf, plannedByName } = context;
  const plannedBuyers = planBuyers();
  for (const key of Object.keys(market) as MarketKey[]) {
    const spec = market[key];
    const operatorId = idOf.get(spec.operator) as string;
    const createdAt = new Date(now.getTime() - spec.ageDays * dayMs);
    const [found] = await db
      .select({ id: markets.id })
      .from(markets)
      .where(and(eq(markets.operatorMerchantId, operatorId), eq(markets.name, spec.name)));
    let marketId = found?.id;
    if (!marketId) {
      marketId = newId('market', createdAt.getTime());
      await db.insert(markets).values({
        id: marketId,
        operatorMerchantId: operatorId,
        name: spec.name,
        kind: 'wholesale',
        commissionBp: spec.commissionBp,
        status: 'open',
        createdAt,
        updatedAt: createdAt,
      });
    }
    // The operator's owner accepts and declines the requests to join.
    const [operator] = await db
      .select({ ownerUserId: merchants.ownerUserId })
      .from(merchants)
      .where(eq(merchants.id, operatorId));

    for (const [index, membership] of memberships.entries()) {
      if (membership.market !== key) continue;
      const member = plannedByName.get(membership.merchant);
      const merchantId = idOf.get(membership.merchant);
      if (!member || !merchantId) throw new Error(`Unknown demo member ${membership.merchant}`);
      const joinable = Math.max(createdAt.getTime(), (member.decidedAt ?? now).getTime());
      const requestedAt =
        membership.status === 'requested'
          ? new Date(now.getTime() - (2 + (index % 3)) * dayMs)
          : new Date(joinable + (3 + (index % 7)) * dayMs);
      const decidedAt =
        membership.status === 'requested' ? null : new Date(requestedAt.getTime() + dayMs);
      const inserted = await db
        .insert(marketMemberships)
        .values({
          id: newId('membership', requestedAt.getTime()),
          marketId,
          merchantId,
          status: membership.status,
          requestedAt,
          decidedAt,
          decidedByUserId: decidedAt ? (operator?.ownerUserId ?? null) : null,
        })
        .onConflictDoNothing()
        .returning({ id: marketMemberships.id });
      if (inserted.length === 0) continue;
      const notice =
        membership.status === 'accepted'
          ? { merchantId, kind: 'market_join_accepted', at: decidedAt as Date }
          : membership.status === 'declined'
            ? { merchantId, kind: 'market_join_declined', at: decidedAt as Date }
            : { merchantId: operatorId, kind: 'market_join_requested', at: requestedAt };
      await db.insert(merchantNotifications).values({
        id: newId('notification', notice.at.getTime()),
        merchantId: notice.merchantId,
        kind: notice.kind,
        // The same parameters the portal's own market notifications carry.
        params:
          membership.status === 'requested'
            ? { marketName: spec.name, merchantShortName: membership.merchant }
            : { marketName: spec.name, operatorShortName: spec.operator },
        createdAt: notice.at,
        readAt: membership.status === 'requested' ? null : new Date(notice.at.getTime() + hourMs),
      });
    }

    for (const [index, buyer] of plannedBuyers[key].entries()) {
      const registeredAt = new Date(createdAt.getTime() + (10 + index * 17) * dayMs);
      await db
        .insert(buyerMembers)
        .values({
          id: newId('buyer', registeredAt.getTime()),
          marketId,
          name: buyer.name,
          idNumberEnc: encryptor.encrypt(buyer.idNumber),
          idNumberIndex: encryptor.blindIndex(buyer.idNumber),
          accountNumberEnc: encryptor.encrypt(buyer.account),
          accountLuhnOk: true,
          bankCode: buyer.bank,
          createdAt: registeredAt,
        })
        .onConflictDoNothing();
    }
  }
}
