import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { storeCodeVector } from './store-code-images.js';

/**
 * The printable store poster: an A5 sheet (148 × 210 mm) with the store's code. The SVG is
 * laid out in tenths of a millimetre, so the viewBox is 1480 × 2100 and a printer honours the
 * physical size written on the root element.
 */

export type StorePosterInput = {
  /** What the QR encodes: the store code URL. */
  url: string;
  storeName: string;
  merchantName: string;
  /** Printed under the QR for manual entry when a camera will not read it (e.g. the token). */
  codeText: string;
};

export type StorePosterPngOptions = {
  /** Pixels across, 148–4960 (default 1748, A5 at 300 dpi); the height follows the A5 ratio. */
  widthPx?: number;
  /** Extra font files, for a machine without a Chinese system font. */
  fontFiles?: string[];
};

const PAGE_WIDTH = 1480;
const PAGE_HEIGHT = 2100;
const MARGIN = 80;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const QR_SIDE = 900;
const QR_TOP = 640;
const DEFAULT_PNG_WIDTH = 1748;
const MAX_PNG_WIDTH = 4960;

const POSTER_TITLE = '共享金融 · 扫码付款';
const POSTER_WALLETS = '微信 / 支付宝 / 云闪付 / 本行App';

/**
 * The list serves browsers and print shops opening the SVG (PingFang on macOS, YaHei on
 * Windows). resvg 2.6 does not walk the list past a family it lacks, so storePosterPng also
 * maps sans-serif and the default family to Noto Sans CJK SC.
 */
const FONT_FAMILY = `'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;
const MONO_FAMILY = `'DejaVu Sans Mono', 'Noto Sans Mono CJK SC', monospace`;

/** The Char production of XML 1.0; a lone surrogate arrives here as its own code unit. */
function isXmlCharacter(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

/**
 * Escapes text for element content and attribute values, and drops what XML 1.0 cannot hold at
 * all (control characters, lone surrogates, U+FFFE/U+FFFF): a name pasted from a spreadsheet
 * must not make the whole poster fail to render.
 */
function xmlText(value: string): string {
  let kept = '';
  for (const character of value) {
    if (isXmlCharacter(character.codePointAt(0) ?? 0)) kept += character;
  }
  return kept
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * SVG text does not wrap, so a long name is set smaller until it fits the line. The width is an
 * estimate from the characters (CJK and full-width ones are about 1 em, others about 0.6 em)
 * because the fonts are only known at render time.
 */
function fittedFontSize(text: string, largest: number, smallest: number): number {
  let ems = 0;
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    ems += code >= 0x2e80 ? 1 : 0.6;
  }
  if (ems === 0) return largest;
  return Math.max(smallest, Math.min(largest, Math.floor(TEXT_WIDTH / ems)));
}

function centredText(
  text: string,
  y: number,
  attributes: { size: number; fill: string; weight?: number; family?: string },
): string {
  return (
    `<text x="${PAGE_WIDTH / 2}" y="${y}" text-anchor="middle" font-family="${attributes.family ?? FONT_FAMILY}" ` +
    `font-size="${attributes.size}" font-weight="${attributes.weight ?? 400}" fill="${attributes.fill}">` +
    `${xmlText(text)}</text>`
  );
}

/** The poster as an SVG document (UTF-8); every name in it is escaped. */
export function storePosterSvg(input: StorePosterInput): string {
  const qr = storeCodeVector(input.url);
  const qrLeft = (PAGE_WIDTH - QR_SIDE) / 2;
  const storeName = input.storeName.trim();
  const merchantName = input.merchantName.trim();
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="148mm" height="210mm" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}">`,
    `<rect width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${PAGE_WIDTH}" height="300" fill="#b71c1c"/>`,
    centredText(POSTER_TITLE, 185, { size: 96, fill: '#ffffff', weight: 700 }),
    centredText(storeName, 450, {
      size: fittedFontSize(storeName, 96, 40),
      fill: '#1a1a1a',
      weight: 700,
    }),
    centredText(merchantName, 550, { size: fittedFontSize(merchantName, 48, 28), fill: '#555555' }),
    // The frame sits outside the QR's own quiet zone, so it never touches the modules.
    `<rect x="${qrLeft - 20}" y="${QR_TOP - 20}" width="${QR_SIDE + 40}" height="${QR_SIDE + 40}" rx="24" fill="none" stroke="#d0d0d0" stroke-width="4"/>`,
    `<svg x="${qrLeft}" y="${QR_TOP}" width="${QR_SIDE}" height="${QR_SIDE}" viewBox="0 0 ${qr.size} ${qr.size}" shape-rendering="crispEdges">`,
    `<rect width="${qr.size}" height="${qr.size}" fill="#ffffff"/>`,
    `<path fill="#000000" d="${qr.pathData}"/>`,
    '</svg>',
    centredText(input.codeText, QR_TOP + QR_SIDE + 110, {
      size: fittedFontSize(input.codeText, 64, 28),
      fill: '#1a1a1a',
      family: MONO_FAMILY,
    }),
    centredText('支持以下方式扫码付款', 1790, { size: 44, fill: '#555555' }),
    centredText(POSTER_WALLETS, 1880, { size: 60, fill: '#1a1a1a', weight: 700 }),
    centredText('付款前请核对收款方名称', 2040, { size: 34, fill: '#888888' }),
    '</svg>',
  ];
  return parts.join('\n');
}

/** Debian's fonts-noto-cjk: the two faces the poster uses. */
const debianCjkFonts = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
];

/**
 * Loading every system font costs seconds per render (the CJK collections are large), so the
 * poster loads only the CJK faces when they are where Debian puts them, and falls back to the
 * system's fonts elsewhere.
 */
function posterFonts(fontFiles: string[] | undefined) {
  if (fontFiles) return { fontFiles, loadSystemFonts: false };
  const present = debianCjkFonts.filter((file) => existsSync(file));
  return present.length > 0
    ? { fontFiles: present, loadSystemFonts: false }
    : { loadSystemFonts: true };
}

/**
 * The poster as a PNG, rendered off the event loop (resvg's async render runs on the libuv
 * pool). Chinese text needs a CJK font on the machine (Debian: fonts-noto-cjk) or in
 * `fontFiles`; without one every Chinese character prints as an empty box.
 */
export async function storePosterPng(
  input: StorePosterInput,
  options: StorePosterPngOptions = {},
): Promise<Buffer> {
  const widthPx = options.widthPx ?? DEFAULT_PNG_WIDTH;
  if (!Number.isInteger(widthPx) || widthPx < 148 || widthPx > MAX_PNG_WIDTH) {
    throw new RangeError(
      `widthPx: must be a whole number from 148 to ${MAX_PNG_WIDTH}, got ${widthPx}`,
    );
  }
  const rendered = await renderAsync(storePosterSvg(input), {
    fitTo: { mode: 'width', value: widthPx },
    background: '#ffffff',
    font: {
      ...posterFonts(options.fontFiles),
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
    logLevel: 'off',
  });
  return rendered.asPng();
}
