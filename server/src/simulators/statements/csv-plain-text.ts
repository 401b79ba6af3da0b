/**
 * WeChat and Alipay write their bills' CSV without quoting, so a comma or a line break inside a
 * product name would shift every column after it. The channels' own names avoid them; the
 * simulators make free text safe the same way, with a full-width comma and a space.
 */
export function csvPlainText(text: string): string {
  return text.replace(/,/g, '，').replace(/[\r\n`]+/g, ' ');
}

/** Ids go into the files unchanged, so one that would break a line or a column is refused. */
export function csvId(id: string): string {
  if (/[,\r\n`]/.test(id)) throw new RangeError(`Id not writable in a statement: ${id}`);
  return id;
}
