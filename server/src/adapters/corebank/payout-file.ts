import { createHash } from 'node:crypto';
import { AppError, type LocalisedText } from '../../platform/errors/app-error.js';

/**
 * The payout file the platform hands the core bank for a settlement date (docs/payout-file.md
 * is the full description, with an example). UTF-8 without BOM, LF line ends, every line ended
 * by LF, fields separated by `|`:
 *
 *   H|SFPF1|batchId|settlementDate|createdAt|debitAccount|count|totalFen
 *   D|lineNo|instructionId|payeeAccountNumber|payeeName|payeeBankCode|amountFen|memo   (0..n)
 *   T|count|totalFen|sha256
 *
 * Amounts are integer fen. `sha256` is the lowercase hex SHA-256 of the bytes of the header and
 * detail lines, each with its LF. A `|`, `\`, LF or CR inside a value is written escaped as
 * `\|`, `\\`, `\n`, `\r` (only free text can hold them: names and memos); any other control
 * character is refused, because no core bank screen shows it faithfully.
 */
export type PayoutFileLine = {
  instructionId: string;
  payeeAccountNumber: string;
  payeeName: string;
  payeeBankCode: string;
  amountFen: number;
  memo: string;
};

export type PayoutBatch = {
  batchId: string;
  createdAt: Date;
  /** The Shanghai business day settled, YYYY-MM-DD. */
  settlementDate: string;
  /** The bank's settlement account the payouts are debited from. */
  debitAccount: string;
  lines: PayoutFileLine[];
};

export type PayoutFile = PayoutBatch & { count: number; totalFen: number; sha256: string };

export const payoutFileVersion = 'SFPF1';

/** A settlement date pays far fewer merchants than this; a bigger file is split into batches. */
export const maxPayoutFileLines = 100_000;

type Problem = LocalisedText;
type FieldSpec = { name: string; check: (text: string) => Problem | null };

const problem = (zh: string, en: string): Problem => ({ zh, en });

function literal(name: string, value: string): FieldSpec {
  return {
    name,
    check: (text) => (text === value ? null : problem(`应为 ${value}`, `must be ${value}`)),
  };
}

function identifier(name: string): FieldSpec {
  return {
    name,
    check: (text) =>
      /^[A-Za-z0-9_-]{1,64}$/.test(text)
        ? null
        : problem('应为 1–64 位字母、数字、下划线或连字符', 'must be 1–64 letters, digits, _ or -'),
  };
}

function digits(name: string, min: number, max: number): FieldSpec {
  const pattern = new RegExp(`^\\d{${min},${max}}$`);
  return {
    name,
    check: (text) =>
      pattern.test(text)
        ? null
        : problem(`应为 ${min}–${max} 位数字`, `must be ${min}–${max} digits`),
  };
}

/** C0 controls and DEL, except LF and CR, which the format escapes. */
function hasControlCharacter(text: string): boolean {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if ((code < 0x20 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

/** Free text in characters (not bytes); LF and CR arrive escaped, other controls never. */
function freeText(name: string, min: number, max: number): FieldSpec {
  return {
    name,
    check: (text) => {
      const length = [...text].length;
      if (length < min || length > max)
        return problem(`长度应为 ${min}–${max} 个字符`, `must be ${min}–${max} characters long`);
      return hasControlCharacter(text)
        ? problem('含有控制字符', 'holds a control character')
        : null;
    },
  };
}

/** A non-negative integer without leading zeros, within `max`. */
function wholeNumber(name: string, max: number, positive = false): FieldSpec {
  return {
    name,
    check: (text) => {
      if (!/^(0|[1-9]\d{0,15})$/.test(text))
        return problem('应为不带前导零的整数', 'must be a whole number without leading zeros');
      const value = Number(text);
      if (value > max) return problem(`不能大于 ${max}`, `must not exceed ${max}`);
      return positive && value === 0 ? problem('必须大于 0', 'must be greater than 0') : null;
    },
  };
}

const dateField: FieldSpec = {
  name: 'settlementDate',
  check: (text) =>
    /^\d{4}-\d{2}-\d{2}$/.test(text) &&
    new Date(`${text}T00:00:00.000Z`).toISOString().slice(0, 10) === text
      ? null
      : problem('应为有效日期 YYYY-MM-DD', 'must be a real date, YYYY-MM-DD'),
};

const timestampField: FieldSpec = {
  name: 'createdAt',
  check: (text) => {
    const valid =
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) &&
      !Number.isNaN(Date.parse(text)) &&
      new Date(text).toISOString() === text;
    return valid
      ? null
      : problem(
          '应为 UTC 时间 YYYY-MM-DDTHH:mm:ss.sssZ',
          'must be a UTC time, YYYY-MM-DDTHH:mm:ss.sssZ',
        );
  },
};

const sha256Field: FieldSpec = {
  name: 'sha256',
  check: (text) =>
    /^[0-9a-f]{64}$/.test(text)
      ? null
      : problem('应为 64 位小写十六进制', 'must be 64 lowercase hex digits'),
};

const fen = (name: string, positive = false) =>
  wholeNumber(name, Number.MAX_SAFE_INTEGER, positive);
const lineCount = (name: string) => wholeNumber(name, maxPayoutFileLines);

const headerFields: FieldSpec[] = [
  literal('recordType', 'H'),
  literal('formatVersion', payoutFileVersion),
  identifier('batchId'),
  dateField,
  timestampField,
  digits('debitAccount', 6, 32),
  lineCount('count'),
  fen('totalFen'),
];

const detailFields: FieldSpec[] = [
  literal('recordType', 'D'),
  wholeNumber('lineNo', maxPayoutFileLines, true),
  identifier('instructionId'),
  digits('payeeAccountNumber', 6, 32),
  freeText('payeeName', 1, 100),
  // A CNAPS bank code (12 digits) or the 3-digit bank category of the settlement bank list.
  digits('payeeBankCode', 3, 12),
  fen('amountFen', true),
  freeText('memo', 0, 32),
];

const trailerFields: FieldSpec[] = [
  literal('recordType', 'T'),
  lineCount('count'),
  fen('totalFen'),
  sha256Field,
];

const escapes: Record<string, string> = { '\\': '\\\\', '|': '\\|', '\n': '\\n', '\r': '\\r' };
const unescapes: Record<string, string> = { '\\': '\\', '|': '|', n: '\n', r: '\r' };

function escapeValue(value: string): string {
  return value.replace(/[\\|\n\r]/g, (character) => escapes[character] as string);
}

function fileError(
  code: 'payout_file_malformed' | 'payout_file_value_invalid',
  line: number,
  field: string,
  reason: Problem,
): AppError {
  return new AppError(code, {
    param: `lines[${line}].${field}`,
    detail: `line ${line}, field ${field}: ${reason.en}`,
    fieldErrors: [
      {
        param: `lines[${line}].${field}`,
        code,
        message: {
          zh: `第 ${line} 行 ${field} 字段${reason.zh}`,
          en: `line ${line}, field ${field} ${reason.en}`,
        },
      },
    ],
  });
}

/**
 * Writes a batch as a payout file. Refuses (payout_file_value_invalid, naming the file line the
 * value would have been on and its field) any value the core bank would refuse, so a file we
 * write always reads back.
 */
export function writePayoutFile(batch: PayoutBatch): Buffer {
  if (batch.lines.length > maxPayoutFileLines) {
    throw fileError(
      'payout_file_value_invalid',
      1,
      'count',
      problem(
        `明细不能超过 ${maxPayoutFileLines} 行`,
        `must not exceed ${maxPayoutFileLines} lines`,
      ),
    );
  }
  const render = (line: number, specs: FieldSpec[], values: string[]) => {
    specs.forEach((spec, index) => {
      const reason = spec.check(values[index] as string);
      if (reason) throw fileError('payout_file_value_invalid', line, spec.name, reason);
    });
    return `${values.map(escapeValue).join('|')}\n`;
  };
  let totalFen = 0;
  for (const [index, line] of batch.lines.entries()) {
    totalFen += line.amountFen;
    if (!Number.isSafeInteger(line.amountFen) || !Number.isSafeInteger(totalFen)) {
      throw fileError(
        'payout_file_value_invalid',
        index + 2,
        'amountFen',
        problem('不是安全范围内的整数分', 'is not a whole number of fen within the safe range'),
      );
    }
  }
  const createdAt = Number.isNaN(batch.createdAt.getTime()) ? '' : batch.createdAt.toISOString();
  const header = render(1, headerFields, [
    'H',
    payoutFileVersion,
    batch.batchId,
    batch.settlementDate,
    createdAt,
    batch.debitAccount,
    String(batch.lines.length),
    String(totalFen),
  ]);
  const details = batch.lines.map((line, index) =>
    render(index + 2, detailFields, [
      'D',
      String(index + 1),
      line.instructionId,
      line.payeeAccountNumber,
      line.payeeName,
      line.payeeBankCode,
      String(line.amountFen),
      line.memo,
    ]),
  );
  const body = Buffer.from(header + details.join(''), 'utf8');
  const sha256 = createHash('sha256').update(body).digest('hex');
  const trailer = Buffer.from(`T|${batch.lines.length}|${totalFen}|${sha256}\n`, 'utf8');
  return Buffer.concat([body, trailer]);
}

/** One line's fields, split on the pipes that are not escaped and unescaped. */
function splitFields(text: string, line: number, specs: FieldSpec[]): string[] {
  const fields: string[] = [];
  let current = '';
  for (let at = 0; at < text.length; at += 1) {
    const character = text[at] as string;
    if (character === '|') {
      fields.push(current);
      current = '';
    } else if (character === '\\') {
      const next = text[at + 1];
      const value = next === undefined ? undefined : unescapes[next];
      if (value === undefined) {
        const field = specs[fields.length]?.name ?? `field${fields.length + 1}`;
        throw fileError(
          'payout_file_malformed',
          line,
          field,
          problem('含有无效的转义序列', 'holds an invalid escape sequence'),
        );
      }
      current += value;
      at += 1;
    } else {
      current += character;
    }
  }
  fields.push(current);
  return fields;
}

function readRecord(text: string, line: number, specs: FieldSpec[]): string[] {
  const fields = splitFields(text, line, specs);
  const recordType = specs[0] as FieldSpec;
  const typeProblem = recordType.check(fields[0] ?? '');
  if (typeProblem) throw fileError('payout_file_malformed', line, recordType.name, typeProblem);
  if (fields.length !== specs.length) {
    throw fileError(
      'payout_file_malformed',
      line,
      'fieldCount',
      problem(
        `应有 ${specs.length} 个字段，实有 ${fields.length} 个`,
        `must have ${specs.length} fields, has ${fields.length}`,
      ),
    );
  }
  specs.forEach((spec, index) => {
    const reason = spec.check(fields[index] as string);
    if (reason) throw fileError('payout_file_malformed', line, spec.name, reason);
  });
  return fields;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's lines as text, each checked for encoding and line ends. */
function fileLines(buffer: Buffer): { texts: string[]; offsets: number[] } {
  if (buffer.length === 0)
    throw fileError('payout_file_malformed', 1, 'recordType', problem('文件为空', 'file is empty'));
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    throw fileError(
      'payout_file_malformed',
      1,
      'recordType',
      problem('文件不应以 BOM 开头', 'file must not start with a BOM'),
    );
  }
  const texts: string[] = [];
  const offsets: number[] = [];
  let start = 0;
  while (start < buffer.length) {
    const end = buffer.indexOf(0x0a, start);
    const line = texts.length + 1;
    if (line > maxPayoutFileLines + 2) {
      throw fileError(
        'payout_file_malformed',
        line,
        'recordType',
        problem('文件行数超过上限', 'file has more lines than allowed'),
      );
    }
    if (end === -1) {
      throw fileError(
        'payout_file_malformed',
        line,
        'lineEnd',
        problem('缺少结尾的换行符 LF', 'does not end with LF'),
      );
    }
    const bytes = buffer.subarray(start, end);
    if (bytes.includes(0x0d)) {
      throw fileError(
        'payout_file_malformed',
        line,
        'lineEnd',
        problem('含有回车符 CR，行尾只能是 LF', 'holds a CR; lines end with LF only'),
      );
    }
    try {
      texts.push(utf8.decode(bytes));
    } catch {
      throw fileError(
        'payout_file_malformed',
        line,
        'encoding',
        problem('不是有效的 UTF-8', 'is not valid UTF-8'),
      );
    }
    offsets.push(start);
    start = end + 1;
  }
  return { texts, offsets };
}

/**
 * Reads a payout file as the core bank does, checking in this order: encoding and line ends,
 * each record's fields, line numbers and unique instruction ids, the trailer's SHA-256 over the
 * header and details, then the header's and the trailer's count and total against the details.
 * The first problem is thrown as payout_file_malformed naming its line and field.
 */
export function readPayoutFile(buffer: Buffer): PayoutFile {
  const { texts, offsets } = fileLines(buffer);
  const lastLine = texts.length;
  const header = readRecord(texts[0] as string, 1, headerFields);
  if (lastLine < 2) {
    throw fileError(
      'payout_file_malformed',
      2,
      'recordType',
      problem('缺少尾记录 T', 'the trailer record T is missing'),
    );
  }
  const lines: PayoutFileLine[] = [];
  const seen = new Set<string>();
  let totalFen = 0;
  for (let line = 2; line < lastLine; line += 1) {
    const fields = readRecord(texts[line - 1] as string, line, detailFields);
    const [, lineNo, instructionId, payeeAccountNumber, payeeName, payeeBankCode, amount, memo] =
      fields as [string, string, string, string, string, string, string, string];
    if (Number(lineNo) !== line - 1) {
      throw fileError(
        'payout_file_malformed',
        line,
        'lineNo',
        problem(`应为 ${line - 1}`, `must be ${line - 1}`),
      );
    }
    if (seen.has(instructionId)) {
      throw fileError(
        'payout_file_malformed',
        line,
        'instructionId',
        problem('与前面的明细重复', 'repeats an earlier line'),
      );
    }
    seen.add(instructionId);
    totalFen += Number(amount);
    if (!Number.isSafeInteger(totalFen)) {
      throw fileError(
        'payout_file_malformed',
        line,
        'amountFen',
        problem('合计超出安全整数范围', 'makes the total exceed the safe range'),
      );
    }
    lines.push({
      instructionId,
      payeeAccountNumber,
      payeeName,
      payeeBankCode,
      amountFen: Number(amount),
      memo,
    });
  }
  const trailer = readRecord(texts[lastLine - 1] as string, lastLine, trailerFields);
  const sha256 = createHash('sha256')
    .update(buffer.subarray(0, offsets[lastLine - 1]))
    .digest('hex');
  if (trailer[3] !== sha256) {
    throw fileError(
      'payout_file_malformed',
      lastLine,
      'sha256',
      problem('与文件内容不符，文件可能被改动', 'does not match the content; the file was altered'),
    );
  }
  const count = lines.length;
  const totals: [number, string[], number, number][] = [
    [1, header, 6, 7],
    [lastLine, trailer, 1, 2],
  ];
  for (const [line, fields, countAt, totalAt] of totals) {
    if (Number(fields[countAt]) !== count) {
      throw fileError(
        'payout_file_malformed',
        line,
        'count',
        problem(`应为明细行数 ${count}`, `must be the number of details, ${count}`),
      );
    }
    if (Number(fields[totalAt]) !== totalFen) {
      throw fileError(
        'payout_file_malformed',
        line,
        'totalFen',
        problem(`应为明细金额合计 ${totalFen}`, `must be the sum of the details, ${totalFen}`),
      );
    }
  }
  return {
    batchId: header[2] as string,
    settlementDate: header[3] as string,
    createdAt: new Date(header[4] as string),
    debitAccount: header[5] as string,
    lines,
    count,
    totalFen,
    sha256,
  };
}
