import QRCode, { type QRCode as QrSymbol } from 'qrcode';

/**
 * Level M survives about 15 % damage, enough for a code taped to a counter and scuffed, while
 * keeping the modules larger than Q or H would for the same URL.
 */
const ERROR_CORRECTION = 'M';

/** The quiet zone, in modules, that ISO/IEC 18004 asks for; scanners miss codes printed tight. */
export const STORE_CODE_QUIET_ZONE = 4;

const DEFAULT_PNG_WIDTH = 512;
const MIN_PNG_WIDTH = 64;
const MAX_PNG_WIDTH = 4096;

/** A QR as vector geometry: one unit per module, quiet zone included, dark modules as a path. */
export type StoreCodeVector = {
  /** Modules across, quiet zone on both sides included: the side of the viewBox. */
  size: number;
  /** Filled path of the dark modules, in viewBox units. */
  pathData: string;
};

export type StoreCodePngOptions = {
  /**
   * The most pixels across (64–4096, default 512). The image is the largest whole multiple of
   * the module count that fits, so each module is a whole number of pixels and prints crisp
   * (never under one pixel a module, even if that is wider than asked).
   */
  widthPx?: number;
};

function qrCode(url: string): QrSymbol {
  if (typeof url !== 'string' || url.length === 0) throw new RangeError('url: is required');
  try {
    return QRCode.create(url, { errorCorrectionLevel: ERROR_CORRECTION });
  } catch (error) {
    throw new RangeError(`url: cannot be encoded as a QR code (${(error as Error).message})`);
  }
}

/**
 * The QR of the URL as a path: each horizontal run of dark modules in a row is one rectangle,
 * which keeps the path a few kilobytes and leaves no hairline gaps between modules.
 */
export function storeCodeVector(url: string): StoreCodeVector {
  const { modules } = qrCode(url);
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    let column = 0;
    while (column < modules.size) {
      if (!modules.get(row, column)) {
        column += 1;
        continue;
      }
      const start = column;
      while (column < modules.size && modules.get(row, column)) column += 1;
      const run = column - start;
      parts.push(
        `M${start + STORE_CODE_QUIET_ZONE} ${row + STORE_CODE_QUIET_ZONE}h${run}v1h-${run}z`,
      );
    }
  }
  return { size: modules.size + 2 * STORE_CODE_QUIET_ZONE, pathData: parts.join('') };
}

/** A standalone SVG of the store code, white background, scalable to any print size. */
export function storeCodeSvg(url: string): string {
  const { size, pathData } = storeCodeVector(url);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" ` +
    `shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/>` +
    `<path fill="#000" d="${pathData}"/></svg>`
  );
}

/** A PNG of the store code, black on white, quiet zone included. */
export async function storeCodePng(
  url: string,
  options: StoreCodePngOptions = {},
): Promise<Buffer> {
  const widthPx = options.widthPx ?? DEFAULT_PNG_WIDTH;
  if (!Number.isInteger(widthPx) || widthPx < MIN_PNG_WIDTH || widthPx > MAX_PNG_WIDTH) {
    throw new RangeError(
      `widthPx: must be a whole number from ${MIN_PNG_WIDTH} to ${MAX_PNG_WIDTH}, got ${widthPx}`,
    );
  }
  const size = qrCode(url).modules.size + 2 * STORE_CODE_QUIET_ZONE;
  return QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: STORE_CODE_QUIET_ZONE,
    scale: Math.max(1, Math.floor(widthPx / size)),
  });
}
