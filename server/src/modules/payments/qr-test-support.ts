import { Resvg } from '@resvg/resvg-js';
import QRCode from 'qrcode';

/**
 * Test support for the store code images: reads a QR back out of rendered pixels so a test can
 * compare what would be printed with what the URL should encode.
 */

export type Pixels = { width: number; height: number; rgba: Buffer };

/** The dark modules the store code of `url` must have (level M), quiet zone excluded. */
export function expectedModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  return Array.from({ length: modules.size }, (_, row) =>
    Array.from({ length: modules.size }, (_, column) => Boolean(modules.get(row, column))),
  );
}

/** Renders an SVG at the given width, without system fonts: only the geometry matters here. */
export function renderSvg(svg: string, widthPx: number): Pixels {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: { loadSystemFonts: false },
  }).render();
  return { width: image.width, height: image.height, rgba: image.pixels };
}

/** Decodes a PNG by drawing it 1:1 into an SVG, which resvg decodes with its own PNG reader. */
export function decodePng(png: Buffer): Pixels {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return renderSvg(svg, width);
}

/** Whether the pixel at (x, y) is dark, on a white-composited luminance. */
export function isDark(pixels: Pixels, x: number, y: number): boolean {
  const offset = (Math.floor(y) * pixels.width + Math.floor(x)) * 4;
  const [r = 0, g = 0, b = 0, a = 0] = pixels.rgba.subarray(offset, offset + 4);
  const luminance = (0.299 * r + 0.587 * g + 0.114 * b) * (a / 255) + 255 * (1 - a / 255);
  return luminance < 128;
}

/**
 * Samples the centre of each module of a QR drawn with its first module's top-left corner at
 * (left, top) and modules `modulePx` pixels wide; `count` modules across, plus `border`
 * modules of the quiet zone around, which must all be light.
 */
export function sampleModules(
  pixels: Pixels,
  area: { left: number; top: number; modulePx: number; count: number; border: number },
): boolean[][] {
  const { left, top, modulePx, count, border } = area;
  const grid: boolean[][] = [];
  for (let row = -border; row < count + border; row += 1) {
    const line: boolean[] = [];
    for (let column = -border; column < count + border; column += 1) {
      const dark = isDark(pixels, left + (column + 0.5) * modulePx, top + (row + 0.5) * modulePx);
      const inside = row >= 0 && row < count && column >= 0 && column < count;
      if (inside) line.push(dark);
      else if (dark) throw new Error(`quiet zone module (${row}, ${column}) is dark`);
    }
    if (row >= 0 && row < count) grid.push(line);
  }
  return grid;
}
