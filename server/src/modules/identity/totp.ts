import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { Clock } from '../../platform/clock.js';

const issuer = 'Sharefin';

export function newTotpSecret(): string {
  return generateSecret();
}

export async function enrollmentArtifacts(secret: string, username: string) {
  const otpauthUrl = generateURI({ issuer, label: username, secret });
  return {
    otpauthUrl,
    qrCodeDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }),
  };
}

/**
 * Checks a 6-digit code with one step of clock drift either way, refusing any step at or before
 * the last one accepted so a code seen over someone's shoulder cannot be used again.
 */
export async function checkTotp(
  secret: string,
  code: string,
  clock: Clock,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(clock.now().getTime() / 1000),
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
