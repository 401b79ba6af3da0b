/** Alipay speaks yuan with two decimals ("12.34"); these convert with integer arithmetic only. */
export function fenToYuan(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0)
    throw new RangeError(`Not an amount in fen: ${amountFen}`);
  const fen = BigInt(amountFen);
  return `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
}

const yuanPattern = /^(0|[1-9]\d{0,13})(?:\.(\d{1,2}))?$/;

/** Null for anything that is not a plain non-negative yuan amount with at most two decimals. */
export function yuanToFen(yuan: string): number | null {
  const match = yuanPattern.exec(yuan);
  if (!match) return null;
  const fen = BigInt(match[1] as string) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return fen > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(fen);
}
