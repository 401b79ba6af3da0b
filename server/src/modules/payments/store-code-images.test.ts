import { describe, expect, it } from 'vitest';
import { decodePng, expectedModules, renderSvg, sampleModules } from './qr-test-support.js';
import {
  STORE_CODE_QUIET_ZONE,
  storeCodePng,
  storeCodeSvg,
  storeCodeVector,
} from './store-code-images.js';

const URL_A = 'https://pay.sharefin.example/q/7K3M9Q2XWZ';
const URL_B = 'https://pay.sharefin.example/q/7K3M9Q2XWY';

describe('storeCodeSvg', () => {
  it('draws the level-M QR of the URL with a 4-module quiet zone', () => {
    const modules = expectedModules(URL_A);
    const svg = storeCodeSvg(URL_A);
    const side = modules.length + 2 * STORE_CODE_QUIET_ZONE;
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`);

    const modulePx = 10;
    const pixels = renderSvg(svg, side * modulePx);
    const drawn = sampleModules(pixels, {
      left: STORE_CODE_QUIET_ZONE * modulePx,
      top: STORE_CODE_QUIET_ZONE * modulePx,
      modulePx,
      count: modules.length,
      border: STORE_CODE_QUIET_ZONE,
    });
    expect(drawn).toEqual(modules);
  });

  it('gives a different code for a URL one character apart', () => {
    expect(storeCodeVector(URL_A).pathData).not.toBe(storeCodeVector(URL_B).pathData);
  });

  it('refuses an empty URL and one too long for any QR', () => {
    expect(() => storeCodeSvg('')).toThrow(/^url:/);
    expect(() => storeCodeSvg(`https://x.example/${'a'.repeat(3_000)}`)).toThrow(
      /^url: cannot be encoded/,
    );
  });
});

describe('storeCodePng', () => {
  it('is a PNG whose pixels show the QR of the URL, modules whole pixels wide', async () => {
    const png = await storeCodePng(URL_A, { widthPx: 512 });
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );

    const modules = expectedModules(URL_A);
    const side = modules.length + 2 * STORE_CODE_QUIET_ZONE;
    const modulePx = Math.floor(512 / side);
    const pixels = decodePng(png);
    expect(pixels.width).toBe(side * modulePx);
    expect(pixels.height).toBe(side * modulePx);
    expect(pixels.width).toBeLessThanOrEqual(512);
    expect(pixels.width).toBeGreaterThan(512 - side);

    const drawn = sampleModules(pixels, {
      left: STORE_CODE_QUIET_ZONE * modulePx,
      top: STORE_CODE_QUIET_ZONE * modulePx,
      modulePx,
      count: modules.length,
      border: STORE_CODE_QUIET_ZONE,
    });
    expect(drawn).toEqual(modules);
  });

  it('refuses a width outside 64–4096 pixels', async () => {
    await expect(storeCodePng(URL_A, { widthPx: 10 })).rejects.toThrow(/^widthPx/);
    await expect(storeCodePng(URL_A, { widthPx: 100_000 })).rejects.toThrow(/^widthPx/);
    await expect(storeCodePng(URL_A, { widthPx: 300.5 })).rejects.toThrow(/^widthPx/);
  });
});
