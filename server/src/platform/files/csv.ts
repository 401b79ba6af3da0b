/**
 * One CSV record (RFC 4180): a value with a comma, a quote or a line break is quoted, quotes
 * doubled. A value starting with = + - @ is prefixed with a quote mark so a spreadsheet
 * opening the file does not run it as a formula (CSV injection).
 */
export function csvRecord(values: readonly (string | number | null)[]): string {
  return values
    .map((value) => {
      if (value === null) return '';
      const text = typeof value === 'number' ? String(value) : value;
      const safe = /^[=+\-@]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
      return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',');
}

/** A UTF-8 byte-order mark first, so Excel opens Chinese text in a CSV without mojibake. */
export const utf8Bom = '\uFEFF';
