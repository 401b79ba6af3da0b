/**
 * How each kind of demo merchant trades: payments a day, amounts, busy hours, how payers pay,
 * refunds and their reasons. Data only; demo-payments.ts turns it into a month of payments.
 */
/** Relative weights of the 24 hours of a Shanghai day. */
export type HourWeights = readonly number[];

// biome-ignore format: one row of 24 hours reads better
const hourly = {
  retail:     [0.1, 0, 0, 0, 0, 0.1, 0.4, 0.8, 1, 1, 1.2, 2, 2.4, 1.8, 1.1, 1, 1.3, 2.2, 2.6, 2.2, 1.4, 0.8, 0.4, 0.2],
  restaurant: [0.5, 0.3, 0.1, 0, 0, 0, 0.1, 0.2, 0.2, 0.2, 0.8, 3, 4, 2, 0.6, 0.4, 0.8, 2.5, 4, 3.5, 2, 1.2, 0.9, 0.7],
  breakfast:  [0, 0, 0, 0, 0, 0.8, 3, 4, 3, 1.5, 0.8, 1, 1.2, 0.6, 0.2, 0.2, 0.3, 0.6, 0.6, 0.4, 0.2, 0, 0, 0],
  wholesale:  [0.2, 0.2, 0.6, 1.5, 3, 3.5, 3, 2.5, 1.8, 1.2, 1, 0.8, 0.6, 0.5, 0.4, 0.4, 0.3, 0.2, 0.1, 0.1, 0, 0, 0, 0],
  daytime:    [0, 0, 0, 0, 0, 0, 0.3, 0.8, 1.5, 2, 2, 1.6, 1, 1.2, 1.6, 1.6, 1.2, 0.8, 0.4, 0.2, 0, 0, 0, 0],
} as const satisfies Record<string, HourWeights>;

export type Profile = {
  /**
   * Payments of one merchant on an ordinary weekday, lowest and highest: fewer than a real shop
   * takes, so that the whole history posts through the live code in seconds.
   */
  perDay: readonly [number, number];
  /** Typical amounts in yuan, lowest and highest; small amounts are the more common. */
  yuan: readonly [number, number];
  /** Amounts are whole multiples of this many fen (1: weighed goods; 100: whole yuan). */
  stepFen: number;
  hours: HourWeights;
  /** How wallet payments are taken: the store's code, the payer's code, an order code. */
  methods: Readonly<Record<'store_code' | 'payment_code' | 'order_code', number>>;
  /** The share paid by bank card at a terminal. */
  card: number;
  /** Weekend trade against a weekday's. */
  weekend: number;
  /** How often a payment is refunded in part or in full. */
  refundRate: number;
  /** What an order code is for. */
  items: readonly string[];
  reasons: readonly string[];
};

const shopReasons = ['顾客退货', '收款金额输错', '商品缺货', '重复付款'] as const;

export const profiles = {
  fruit: {
    perDay: [1, 2],
    yuan: [5, 80],
    stepFen: 10,
    hours: hourly.retail,
    methods: { store_code: 0.7, payment_code: 0.25, order_code: 0.05 },
    card: 0.02,
    weekend: 1.25,
    refundRate: 0.008,
    items: ['果篮', '烟台苹果 一箱', '礼盒装车厘子'],
    reasons: ['水果有坏的，部分退款', ...shopReasons],
  },
  grocery: {
    perDay: [1, 2],
    yuan: [3, 150],
    stepFen: 1,
    hours: hourly.retail,
    methods: { store_code: 0.45, payment_code: 0.5, order_code: 0.05 },
    card: 0.05,
    weekend: 1.2,
    refundRate: 0.006,
    items: ['送货上门订单', '整箱饮料'],
    reasons: shopReasons,
  },
  supermarket: {
    perDay: [2, 3],
    yuan: [5, 300],
    stepFen: 1,
    hours: hourly.retail,
    methods: { store_code: 0.25, payment_code: 0.7, order_code: 0.05 },
    card: 0.1,
    weekend: 1.3,
    refundRate: 0.006,
    items: ['团购订单', '送货上门订单'],
    reasons: shopReasons,
  },
  restaurant: {
    perDay: [1, 2],
    yuan: [40, 400],
    stepFen: 100,
    hours: hourly.restaurant,
    methods: { store_code: 0.55, payment_code: 0.3, order_code: 0.15 },
    card: 0.06,
    weekend: 1.4,
    refundRate: 0.01,
    items: ['堂食 4 人', '包间宴席', '外带订单', '家庭套餐'],
    reasons: ['菜品未上，部分退款', '顾客取消订单', '收款金额输错', '重复付款'],
  },
  fineDining: {
    perDay: [1, 3],
    yuan: [80, 1200],
    stepFen: 100,
    hours: hourly.restaurant,
    methods: { store_code: 0.35, payment_code: 0.35, order_code: 0.3 },
    card: 0.15,
    weekend: 1.4,
    refundRate: 0.01,
    items: ['包间宴席', '商务宴请', '海鲜套餐 6 人', '生日宴'],
    reasons: ['菜品未上，部分退款', '顾客取消预订', '收款金额输错'],
  },
  snacks: {
    perDay: [1, 2],
    yuan: [8, 60],
    stepFen: 50,
    hours: hourly.restaurant,
    methods: { store_code: 0.8, payment_code: 0.18, order_code: 0.02 },
    card: 0,
    weekend: 1.3,
    refundRate: 0.005,
    items: ['外带订单'],
    reasons: ['顾客取消订单', '收款金额输错'],
  },
  breakfast: {
    perDay: [1, 2],
    yuan: [3, 20],
    stepFen: 50,
    hours: hourly.breakfast,
    methods: { store_code: 0.9, payment_code: 0.1, order_code: 0 },
    card: 0,
    weekend: 0.9,
    refundRate: 0.004,
    items: ['早餐订单'],
    reasons: ['收款金额输错'],
  },
  bakery: {
    perDay: [1, 2],
    yuan: [8, 120],
    stepFen: 10,
    hours: hourly.retail,
    methods: { store_code: 0.6, payment_code: 0.3, order_code: 0.1 },
    card: 0.03,
    weekend: 1.3,
    refundRate: 0.006,
    items: ['生日蛋糕预订', '下午茶套餐'],
    reasons: ['蛋糕预订取消', ...shopReasons],
  },
  seafood: {
    perDay: [1, 2],
    yuan: [20, 400],
    stepFen: 10,
    hours: hourly.retail,
    methods: { store_code: 0.6, payment_code: 0.3, order_code: 0.1 },
    card: 0.05,
    weekend: 1.3,
    refundRate: 0.008,
    items: ['海鲜礼盒', '整箱大虾', '鲍鱼礼盒'],
    reasons: ['缺斤少两，部分退款', ...shopReasons],
  },
  pharmacy: {
    perDay: [0, 2],
    yuan: [10, 400],
    stepFen: 10,
    hours: hourly.retail,
    methods: { store_code: 0.35, payment_code: 0.55, order_code: 0.1 },
    card: 0.15,
    weekend: 1,
    refundRate: 0.006,
    items: ['处方药订单', '保健品'],
    reasons: ['药品退货', '收款金额输错'],
  },
  dairy: {
    perDay: [0, 2],
    yuan: [5, 60],
    stepFen: 10,
    hours: hourly.breakfast,
    methods: { store_code: 0.8, payment_code: 0.15, order_code: 0.05 },
    card: 0,
    weekend: 1,
    refundRate: 0.005,
    items: ['鲜奶月卡'],
    reasons: ['鲜奶月卡退订', '收款金额输错'],
  },
  variety: {
    perDay: [0, 1],
    yuan: [5, 200],
    stepFen: 10,
    hours: hourly.retail,
    methods: { store_code: 0.65, payment_code: 0.3, order_code: 0.05 },
    card: 0.03,
    weekend: 1.3,
    refundRate: 0.006,
    items: ['整箱日用品'],
    reasons: shopReasons,
  },
  florist: {
    perDay: [0, 1],
    yuan: [30, 500],
    stepFen: 100,
    hours: hourly.retail,
    methods: { store_code: 0.5, payment_code: 0.2, order_code: 0.3 },
    card: 0.05,
    weekend: 1.6,
    refundRate: 0.01,
    items: ['花束预订', '开业花篮', '婚礼花艺'],
    reasons: ['花束预订取消', '收款金额输错'],
  },
  tea: {
    perDay: [0, 1],
    yuan: [30, 800],
    stepFen: 100,
    hours: hourly.daytime,
    methods: { store_code: 0.5, payment_code: 0.2, order_code: 0.3 },
    card: 0.1,
    weekend: 1.5,
    refundRate: 0.01,
    items: ['崂山绿茶 一斤', '茶叶礼盒'],
    reasons: ['茶叶退货', '收款金额输错'],
  },
  telecom: {
    perDay: [0, 1],
    yuan: [30, 300],
    stepFen: 100,
    hours: hourly.daytime,
    methods: { store_code: 0.4, payment_code: 0.4, order_code: 0.2 },
    card: 0.15,
    weekend: 1.2,
    refundRate: 0.008,
    items: ['话费充值', '宽带续费', '手机配件'],
    reasons: ['充值失败退款', '收款金额输错'],
  },
  wholesale: {
    perDay: [1, 2],
    yuan: [200, 3000],
    stepFen: 100,
    hours: hourly.wholesale,
    methods: { store_code: 0.1, payment_code: 0.3, order_code: 0.6 },
    card: 0.25,
    weekend: 0.9,
    refundRate: 0.015,
    items: [
      '土豆 800 斤',
      '大白菜 1 吨',
      '大葱 300 斤',
      '芹菜 400 斤',
      '苹果 50 箱',
      '蒜头 200 斤',
    ],
    reasons: ['货品质量问题，部分退款', '少发一件，部分退款', '订单取消'],
  },
  fishWholesale: {
    perDay: [1, 2],
    yuan: [200, 3000],
    stepFen: 100,
    hours: hourly.wholesale,
    methods: { store_code: 0.1, payment_code: 0.3, order_code: 0.6 },
    card: 0.25,
    weekend: 0.9,
    refundRate: 0.015,
    items: ['鲅鱼 10 箱', '带鱼 8 箱', '扇贝 200 斤', '海蛎子 300 斤', '虾虎 5 箱'],
    reasons: ['货品不新鲜，部分退款', '少发一箱，部分退款', '订单取消'],
  },
  marketOffice: {
    perDay: [0, 1],
    yuan: [20, 1500],
    stepFen: 100,
    hours: hourly.wholesale,
    methods: { store_code: 0.2, payment_code: 0.3, order_code: 0.5 },
    card: 0.3,
    weekend: 0.8,
    refundRate: 0.01,
    items: ['摊位管理费', '冷库租金', '停车费', '卫生费'],
    reasons: ['多收管理费，退回', '收款金额输错'],
  },
  purchaser: {
    perDay: [0, 1],
    yuan: [500, 4000],
    stepFen: 100,
    hours: hourly.daytime,
    methods: { store_code: 0, payment_code: 0.3, order_code: 0.7 },
    card: 0.3,
    weekend: 0.7,
    refundRate: 0.015,
    items: ['玉米 2 吨 转售', '土豆 1 吨 转售', '芹菜 500 斤 转售'],
    reasons: ['货品质量问题，部分退款', '订单取消'],
  },
} as const satisfies Record<string, Profile>;
