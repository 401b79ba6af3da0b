import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { decodePng, expectedModules, sampleModules } from './qr-test-support.js';
import { STORE_CODE_QUIET_ZONE } from './store-code-images.js';
import { type StorePosterInput, storePosterPng, storePosterSvg } from './store-poster.js';

const poster: StorePosterInput = {
  url: 'https://pay.sharefin.example/q/7K3M9Q2XWZ',
  storeName: 'A&B <老王> 便利店',
  merchantName: '南宁市"青秀区"老王便利店',
  codeText: '7K3M9Q2XWZ',
};

/** Where the SVG says it put the QR: the nested svg's box in page units, and its module count. */
function qrPlacement(svg: string) {
  const match =
    /<svg x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" viewBox="0 0 (\d+) \d+"/.exec(
      svg,
    );
  if (!match) throw new Error('no nested QR svg in the poster');
  const [, x, y, width, side] = match.map(Number) as [number, number, number, number, number];
  return { x, y, width, side };
}

describe('storePosterSvg', () => {
  it('escapes the store and merchant names and stays a document resvg can read', () => {
    const svg = storePosterSvg(poster);
    expect(svg).toContain('A&amp;B &lt;老王&gt; 便利店');
    expect(svg).toContain('南宁市&quot;青秀区&quot;老王便利店');
    expect(svg).not.toContain('<老王>');
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });

  it('drops characters XML cannot hold instead of breaking the poster', () => {
    const svg = storePosterSvg({ ...poster, storeName: 'Tab\u0001Shop\uffff\ud800' });
    expect(svg).toContain('>TabShop</text>');
    expect(() => new Resvg(svg, { font: { loadSystemFonts: false } })).not.toThrow();
  });

  it('carries the title, the wallets and the code text for manual entry', () => {
    const svg = storePosterSvg(poster);
    expect(svg).toContain('共享金融 · 扫码付款');
    expect(svg).toContain('微信 / 支付宝 / 云闪付 / 本行App');
    expect(svg).toContain('>7K3M9Q2XWZ</text>');
    // The code text sits below the QR, for someone whose camera cannot read it.
    const { y, width } = qrPlacement(svg);
    const codeY = Number(/<text x="[\d.]+" y="([\d.]+)"[^>]*>7K3M9Q2XWZ</.exec(svg)?.[1]);
    expect(codeY).toBeGreaterThan(y + width);
  });

  it('embeds the QR of the URL, quiet zone included', () => {
    const { side } = qrPlacement(storePosterSvg(poster));
    expect(side).toBe(expectedModules(poster.url).length + 2 * STORE_CODE_QUIET_ZONE);
  });

  it('sets a long store name smaller so it stays on the sheet', () => {
    const short = storePosterSvg({ ...poster, storeName: '老王便利店' });
    const long = storePosterSvg({
      ...poster,
      storeName: '南宁市青秀区民族大道老王二十四小时便利店',
    });
    const size = (svg: string) =>
      Number(/font-size="(\d+)" font-weight="700" fill="#1a1a1a"/.exec(svg)?.[1]);
    expect(size(short)).toBe(96);
    // 20 characters of about 1 em each must fit the 1320 units between the margins.
    expect(size(long) * 20).toBeLessThanOrEqual(1320);
  });
});

describe('storePosterPng', () => {
  it('renders an A5-proportioned PNG at the requested width', async () => {
    const png = await storePosterPng(poster, { widthPx: 740 });
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(740);
    expect(Math.abs(height - Math.round((740 * 210) / 148))).toBeLessThanOrEqual(1);
  });

  it('defaults to A5 at 300 dpi', async () => {
    const png = await storePosterPng(poster);
    expect(png.readUInt32BE(16)).toBe(1748);
    expect(Math.abs(png.readUInt32BE(20) - 2480)).toBeLessThanOrEqual(1);
  });

  it('prints a QR a scanner would read as the URL', async () => {
    const widthPx = 1480; // one pixel per page unit
    const pixels = decodePng(await storePosterPng(poster, { widthPx }));
    const { x, y, width, side } = qrPlacement(storePosterSvg(poster));
    const modulePx = width / side;
    const modules = expectedModules(poster.url);
    const drawn = sampleModules(pixels, {
      left: x + STORE_CODE_QUIET_ZONE * modulePx,
      top: y + STORE_CODE_QUIET_ZONE * modulePx,
      modulePx,
      count: modules.length,
      border: STORE_CODE_QUIET_ZONE,
    });
    expect(drawn).toEqual(modules);
  });

  it('refuses a width it cannot print', async () => {
    await expect(storePosterPng(poster, { widthPx: 0 })).rejects.toThrow(/^widthPx/);
    await expect(storePosterPng(poster, { widthPx: 20_000 })).rejects.toThrow(/^widthPx/);
  });
});
