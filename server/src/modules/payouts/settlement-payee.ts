import type { Encryptor } from '../../platform/crypto/encryption.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { MerchantRow } from '../merchants/index.js';

/** Where a merchant's settlement goes: its settlement account as it is now, decrypted. */
export function settlementPayee(
  encryptor: Encryptor,
  merchant: MerchantRow,
): { name: string; accountNumber: string; bankCode: string } {
  if (
    !merchant.settlementAccountName ||
    !merchant.settlementAccountNumberEnc ||
    !merchant.settlementBankCode
  ) {
    throw new AppError('settlement_account_missing');
  }
  return {
    name: merchant.settlementAccountName,
    accountNumber: encryptor.decrypt(merchant.settlementAccountNumberEnc),
    bankCode: merchant.settlementBankCode,
  };
}
