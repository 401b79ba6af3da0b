import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Config } from '../../config.js';
import type { Encryptor } from '../../platform/crypto/encryption.js';
import type { Db } from '../../platform/db/database.js';
import { maskField } from '../../platform/masking.js';
import { formatYuan } from '../../platform/money.js';
import { merchants } from '../merchants/index.js';
import { maskedFarmerName } from './farmers.js';
import { formatKg } from './purchase-amount.js';
import { payoutState, purchaseByReceiptToken, receiptUrl } from './purchase-view.js';

/** Everything the farmer's receipt shows, already masked and formatted for people. */
export type Receipt = {
  purchaseId: string;
  purchaserName: string;
  produce: string;
  weightKg: string;
  unitPriceYuanPerKg: string;
  amountYuan: string;
  recordedAt: string;
  status: string;
  paid: boolean;
  farmerName: string;
  farmerAccountNumber: string;
  url: string;
};

const shanghaiOffsetMs = 8 * 3_600_000;

/** "2026-11-20 10:05" in Beijing time, the way the farmer reads a clock. */
function beijingTime(instant: Date): string {
  return new Date(instant.getTime() + shanghaiOffsetMs)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/**
 * The receipt behind a link, or null when the token names none. Whoever holds the link sees it
 * (the farmer keeps it, shows it to family), so it carries only masked personal data: the name
 * as surname and star, the card as first 6 and last 4.
 */
export async function receiptOf(
  db: Db,
  encryptor: Encryptor,
  config: Pick<Config, 'publicUrl'>,
  token: string,
): Promise<Receipt | null> {
  const found = await purchaseByReceiptToken(db, token);
  if (!found) return null;
  const { purchase, payout } = found;
  const [purchaser] = await db
    .select({ shortName: merchants.shortName, registeredName: merchants.registeredName })
    .from(merchants)
    .where(eq(merchants.id, purchase.purchaserMerchantId));
  const state = payoutState(payout);
  return {
    purchaseId: purchase.id,
    purchaserName: purchaser?.registeredName ?? purchaser?.shortName ?? '',
    produce: purchase.produce,
    weightKg: formatKg(purchase.weightGrams),
    unitPriceYuanPerKg: formatYuan(purchase.unitPriceFenPerKg),
    amountYuan: formatYuan(purchase.amountFen),
    recordedAt: beijingTime(purchase.recordedAt),
    status:
      state === 'paid'
        ? '已到账'
        : state === 'failed'
          ? `失败：${payout?.failureMessage || payout?.failureCode || '银行退回'}`
          : '处理中',
    paid: state === 'paid',
    farmerName: maskedFarmerName(encryptor, { nameEnc: found.farmerNameEnc }),
    farmerAccountNumber: maskField(
      'accountNumber',
      encryptor.decrypt(found.farmerAccountNumberEnc),
    ) as string,
    url: receiptUrl(config, purchase.receiptToken),
  };
}

/** Text for HTML element content and double-quoted attributes. */
function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const style = `
  body { margin: 0; background: #f5f5f5; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #222; }
  main { max-width: 420px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 20px; text-align: center; margin: 8px 0 16px; }
  .card { background: #fff; border-radius: 12px; padding: 16px; margin-bottom: 12px; }
  .amount { font-size: 32px; font-weight: 600; text-align: center; margin: 4px 0; }
  .status { text-align: center; font-size: 16px; }
  .status.paid { color: #1a7f37; } .status.other { color: #b35900; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 8px 12px; margin: 0; font-size: 15px; }
  dt { color: #777; } dd { margin: 0; text-align: right; word-break: break-all; }
  .qr { text-align: center; } .qr svg { width: 200px; height: 200px; }
  .hint { color: #777; font-size: 13px; text-align: center; }
`;

/**
 * The farmer's receipt as a small, self-contained H5 page (no script, no outside resources),
 * zh-CN and phone width, with a QR of its own link so the farmer can keep it or show it.
 */
export async function renderReceiptHtml(receipt: Receipt): Promise<string> {
  const qrSvg = await QRCode.toString(receipt.url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
  });
  const e = escapeHtml;
  const rows: Array<[string, string]> = [
    ['收购方', receipt.purchaserName],
    ['农产品', receipt.produce],
    ['重量', `${receipt.weightKg} 公斤`],
    ['单价', `${receipt.unitPriceYuanPerKg} 元/公斤`],
    ['收购时间', receipt.recordedAt],
    ['收款人', receipt.farmerName],
    ['收款卡号', receipt.farmerAccountNumber],
    ['凭证编号', receipt.purchaseId],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>收购付款凭证</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>收购付款凭证</h1>
<section class="card">
<p class="amount">¥${e(receipt.amountYuan)}</p>
<p class="status ${receipt.paid ? 'paid' : 'other'}">${e(receipt.status)}</p>
</section>
<section class="card">
<dl>
${rows.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('\n')}
</dl>
</section>
<section class="card qr">
${qrSvg}
<p class="hint">截图或保存此页即可留存凭证</p>
</section>
</main>
</body>
</html>
`;
}

/** The page for a link that names no receipt: mistyped, or not ours. */
export function receiptNotFoundHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>找不到凭证</title><style>${style}</style></head>
<body><main><h1>找不到该凭证</h1><p class="hint">请核对链接，或向收购方索取新的凭证。</p></main></body>
</html>
`;
}
