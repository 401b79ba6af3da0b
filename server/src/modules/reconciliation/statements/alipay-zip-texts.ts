import { Unzip, UnzipInflate } from 'fflate';
import iconv from 'iconv-lite';
import { alipayFileSuffixes } from './alipay-bill-format.js';
import { statementMalformed } from './statement-malformed.js';

export type AlipayEntry = 'detail' | 'summary';

/** A piece of one of the zip's two CSVs, decoded from GBK. */
export type AlipayText = { entry: AlipayEntry; text: string };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];

/**
 * Alipay names the entries in GBK without the zip's UTF-8 flag, which fflate then reads as
 * Latin-1; a name that does not read as ours is given a second chance as GBK.
 */
function entryOf(name: string): AlipayEntry | null {
  for (const candidate of [name, iconv.decode(Buffer.from(name, 'latin1'), 'gbk')]) {
    const normalised = candidate.replace('（汇总）', '(汇总)');
    if (normalised.endsWith(alipayFileSuffixes.summary)) return 'summary';
    if (normalised.endsWith(alipayFileSuffixes.detail)) return 'detail';
  }
  return null;
}

const notAZip = { zh: '不是有效的 zip 压缩包', en: 'is not a valid zip archive' };

/**
 * The text of the bill's two CSVs while the zip streams: each chunk in is inflated and decoded
 * at once (fflate's streaming Unzip, iconv-lite's GBK decoder), so memory is bounded by a chunk,
 * not by the file. Other entries are skipped. Throws when the detail CSV is not in the zip.
 */
export async function* alipayZipTexts(
  source: AsyncIterable<Uint8Array>,
): AsyncGenerator<AlipayText> {
  const ready: AlipayText[] = [];
  let failure: unknown = null;
  let sawDetail = false;
  let checkedSignature = false;
  const unzip = new Unzip((file) => {
    const entry = entryOf(file.name);
    if (entry === 'detail') sawDetail = true;
    const decoder = entry ? iconv.getDecoder('gbk') : null;
    file.ondata = (error, data, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      if (!decoder || !entry) return;
      const text = decoder.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      ready.push({ entry, text: final ? text + (decoder.end() ?? '') : text });
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  const feed = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch (error) {
      failure ??= error;
    }
    if (failure) throw statementMalformed(null, 'zip', notAZip);
  };

  for await (const chunk of source) {
    if (!checkedSignature && chunk.length > 0) {
      // Without this a file that is not a zip would be buffered whole while fflate looks for one.
      if (zipSignature.some((byte, index) => chunk[index] !== byte))
        throw statementMalformed(null, 'zip', notAZip);
      checkedSignature = true;
    }
    feed(chunk, false);
    while (ready.length > 0) yield ready.shift() as AlipayText;
  }
  if (!checkedSignature) throw statementMalformed(null, 'zip', notAZip);
  feed(new Uint8Array(0), true);
  while (ready.length > 0) yield ready.shift() as AlipayText;
  if (!sawDetail) {
    throw statementMalformed(null, alipayFileSuffixes.detail.slice(1), {
      zh: '缺失：压缩包中没有业务明细文件',
      en: 'is missing: the zip has no detail CSV',
    });
  }
}
