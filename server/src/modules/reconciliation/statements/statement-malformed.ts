import { AppError } from '../../../platform/errors/app-error.js';

/** What is wrong with a field, in both languages, Chinese first. */
export type Problem = { zh: string; en: string };

/**
 * The error of a statement file that does not read: it names the line (1-based; null for the
 * file as a whole, such as a zip without its detail CSV) and the field, so an operator can open
 * the file at that place. `param` carries the field for the API's error body.
 */
export function statementMalformed(
  lineNumber: number | null,
  field: string,
  problem: Problem,
): AppError {
  const zhPlace = lineNumber === null ? '' : `第 ${lineNumber} 行`;
  const enPlace = lineNumber === null ? '' : `line ${lineNumber}, `;
  return new AppError('statement_malformed', {
    param: field,
    detail: `对账单格式有误：${zhPlace}“${field}”${problem.zh}（${enPlace}field ${field}: ${problem.en}）`,
  });
}

export const problems = {
  notAnAmount: { zh: '不是有效金额', en: 'is not an amount' },
  negativeAmount: { zh: '金额不能为负', en: 'must not be negative' },
  notATime: { zh: '不是有效时间', en: 'is not a valid time' },
  missing: { zh: '缺失', en: 'is missing' },
  empty: { zh: '不能为空', en: 'must not be empty' },
  extraFields: { zh: '之后多出字段', en: 'is followed by extra fields' },
  notACount: { zh: '不是有效笔数', en: 'is not a count' },
} as const satisfies Record<string, Problem>;

/**
 * Checks a figure of the file's summary against what its lines add up to. `show` writes a
 * figure as the file does (yuan for amounts), so the message quotes the file's own terms.
 */
export function assertAgrees(
  lineNumber: number | null,
  field: string,
  stated: number,
  counted: number,
  show: (value: number) => string = String,
): void {
  if (!Number.isSafeInteger(counted)) {
    throw statementMalformed(lineNumber, field, {
      zh: '的明细合计超出可处理的范围',
      en: 'adds up to more than can be counted exactly',
    });
  }
  if (stated !== counted) {
    throw statementMalformed(lineNumber, field, {
      zh: `为 ${show(stated)}，与明细合计 ${show(counted)} 不符`,
      en: `says ${show(stated)} but the lines add up to ${show(counted)}`,
    });
  }
}
