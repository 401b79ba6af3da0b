import { and, eq } from 'drizzle-orm';
import { sha256Hex } from '../../platform/crypto/tokens.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { type MerchantRow, merchants } from './tables.js';

export const applicantTokenHeader = 'x-applicant-token';

/**
 * The application an H5 applicant holds the token of. A wrong token and a wrong id are the same
 * 404, so the token cannot be probed id by id.
 */
export async function applicationForApplicant(
  db: Db,
  id: string,
  token: string | undefined,
  options: { forUpdate?: boolean } = {},
): Promise<MerchantRow> {
  if (!token) throw new AppError('resource_not_found');
  const query = db
    .select()
    .from(merchants)
    .where(and(eq(merchants.id, id), eq(merchants.applicantTokenHash, sha256Hex(token))));
  const [merchant] = options.forUpdate ? await query.for('update') : await query;
  if (!merchant) throw new AppError('resource_not_found');
  return merchant;
}
