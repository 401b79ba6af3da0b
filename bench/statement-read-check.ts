/**
 * Reads a generated 1,000,000-line WeChat trade bill straight from the simulator's writer into
 * the platform's reader, never holding the file, and prints the time taken and the largest heap
 * seen. A check by eye for docs/benchmarks.md, not a test: `npx tsx bench/statement-read-check.ts`.
 */
import { readWechatBill } from '../server/src/modules/reconciliation/statements/wechat-bill.js';
import type { StatementRecord } from '../server/src/simulators/statements/statement-record.js';
import { writeWechatBill } from '../server/src/simulators/statements/wechat-bill-writer.js';

const lineCount = Number(process.env.LINES ?? 1_000_000);
const dayStart = Date.parse('2026-11-20T00:00:00+08:00');

function* records(): Generator<StatementRecord> {
  for (let index = 0; index < lineCount; index += 1) {
    const amountFen = 100 + (index % 50_000);
    yield {
      kind: 'payment',
      channelTransactionId: `4200002026112${String(index).padStart(15, '0')}`,
      outTradeNo: `pay_${String(index).padStart(26, '0')}`,
      amountFen,
      channelFeeFen: Math.round(amountFen * 0.006),
      status: 'succeeded',
      tradedAt: new Date(dayStart + Math.floor((index * 86_400_000) / lineCount)),
      channelMerchantId: '1900000201',
      description: '早餐 豆浆油条',
    };
  }
}

let peakHeap = 0;
let bytes = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 50);

async function* counted(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    bytes += chunk.length;
    yield chunk;
  }
}

const started = performance.now();
const read = readWechatBill(
  counted(writeWechatBill(records(), { day: '2026-11-20', channelMerchantId: '1900000109' })),
);
let lines = 0;
for await (const _line of read.lines) {
  lines += 1;
  if (lines % 100_000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const summary = await read.summary;
clearInterval(sampler);
const seconds = (performance.now() - started) / 1000;
console.log(
  `${lines} lines, ${(bytes / 1_048_576).toFixed(0)} MiB written and read in ${seconds.toFixed(1)} s; ` +
    `peak heap ${(peakHeap / 1_048_576).toFixed(0)} MiB; summary count ${summary.lineCount}`,
);
