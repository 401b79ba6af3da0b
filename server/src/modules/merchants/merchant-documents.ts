import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Actor } from '../../platform/auth/principal.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { newId } from '../../platform/ids.js';
import { recordAudit } from '../audit/index.js';
import type { MerchantDeps } from './deps.js';
import { merchantScopePath } from './merchant-scope.js';
import { type DocumentType, documentTypes, type MerchantRow, merchantDocuments } from './tables.js';

export const maxDocumentBytes = 10 * 1024 * 1024;

/** What the bytes are, by their first bytes rather than by the name or the browser's word. */
const allowedTypes = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

/** Storefront photos may be several; a licence or an ID side is one, a new upload replaces it. */
const maxPerType: Record<DocumentType, number> = {
  licence: 1,
  id_front: 1,
  id_back: 1,
  storefront: 5,
};

export type Upload = { type: DocumentType; fileName: string; bytes: Buffer };

/**
 * Reads a multipart upload: a `type` field, then the `file`. The size limit is enforced while
 * streaming, so a 2 GB body is refused without being buffered.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  let type: string | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxDocumentBytes, files: 1 } })) {
      if (part.type === 'field' && part.fieldname === 'type') type = String(part.value);
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (!type || !(documentTypes as readonly string[]).includes(type)) {
          throw new AppError('validation_failed', { param: 'type' });
        }
        return { type: type as DocumentType, fileName: part.filename.slice(0, 200), bytes };
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('document_too_large');
    }
    if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      throw new AppError('unsupported_media_type');
    }
    throw error;
  }
  throw new AppError('validation_failed', { param: 'file' });
}

export function toDocumentView(row: typeof merchantDocuments.$inferSelect) {
  return {
    id: row.id,
    type: row.type,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt.toISOString(),
  };
}

export async function listDocuments(db: Db, merchantId: string) {
  return db
    .select()
    .from(merchantDocuments)
    .where(and(eq(merchantDocuments.merchantId, merchantId), isNull(merchantDocuments.deletedAt)))
    .orderBy(asc(merchantDocuments.id));
}

/**
 * Stores an uploaded document of an application still being edited. The file is written
 * before the row: a crash between leaves an orphan file, never a row without its bytes.
 */
export async function addDocument(
  deps: MerchantDeps,
  input: { load: (tx: Db) => Promise<MerchantRow>; upload: Upload; actor: Actor },
) {
  const { upload } = input;
  const detected = await fileTypeFromBuffer(upload.bytes);
  if (!detected || !allowedTypes.has(detected.mime))
    throw new AppError('document_type_not_allowed');
  const stored = await deps.files.put({ prefix: 'merchant_documents', bytes: upload.bytes });
  return deps.db.transaction(async (tx) => {
    const merchant = await input.load(tx);
    if (merchant.status !== 'draft' && merchant.status !== 'needs_changes') {
      throw new AppError('invalid_state_transition');
    }
    const now = deps.clock.now();
    const existing = (await listDocuments(tx, merchant.id)).filter(
      (document) => document.type === upload.type,
    );
    const replaced = maxPerType[upload.type] === 1 ? existing : [];
    if (replaced.length === 0 && existing.length >= maxPerType[upload.type]) {
      throw new AppError('document_limit_reached');
    }
    for (const old of replaced) {
      await tx
        .update(merchantDocuments)
        .set({ deletedAt: now })
        .where(eq(merchantDocuments.id, old.id));
    }
    const [document] = await tx
      .insert(merchantDocuments)
      .values({
        id: newId('document', now.getTime()),
        merchantId: merchant.id,
        type: upload.type,
        storageKey: stored.key,
        contentType: detected.mime,
        sizeBytes: upload.bytes.length,
        sha256: stored.sha256,
        fileName: upload.fileName,
        uploadedAt: now,
      })
      .returning();
    if (!document) throw new Error('insert returned nothing');
    await recordAudit(tx, deps.clock, input.actor, {
      action: 'merchant.document_uploaded',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      after: {
        documentId: document.id,
        type: document.type,
        sha256: document.sha256,
        sizeBytes: document.sizeBytes,
        replaced: replaced.map((old) => old.id),
      },
    });
    return document;
  });
}

/** Removes a document from an application being edited; the bytes stay for the audit trail. */
export async function removeDocument(
  deps: MerchantDeps,
  input: { load: (tx: Db) => Promise<MerchantRow>; documentId: string; actor: Actor },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const merchant = await input.load(tx);
    if (merchant.status !== 'draft' && merchant.status !== 'needs_changes') {
      throw new AppError('invalid_state_transition');
    }
    const [removed] = await tx
      .update(merchantDocuments)
      .set({ deletedAt: deps.clock.now() })
      .where(
        and(
          eq(merchantDocuments.id, input.documentId),
          eq(merchantDocuments.merchantId, merchant.id),
          isNull(merchantDocuments.deletedAt),
        ),
      )
      .returning();
    if (!removed) throw new AppError('resource_not_found');
    await recordAudit(tx, deps.clock, input.actor, {
      action: 'merchant.document_removed',
      targetType: 'merchant',
      targetId: merchant.id,
      scopePath: await merchantScopePath(tx, merchant),
      before: { documentId: removed.id, type: removed.type },
    });
  });
}

/** The bytes of one of a merchant's documents, for a caller who may see the merchant. */
export async function readDocument(deps: MerchantDeps, merchantId: string, documentId: string) {
  const [document] = await deps.db
    .select()
    .from(merchantDocuments)
    .where(
      and(
        eq(merchantDocuments.id, documentId),
        eq(merchantDocuments.merchantId, merchantId),
        isNull(merchantDocuments.deletedAt),
      ),
    );
  if (!document) throw new AppError('resource_not_found');
  return { document, bytes: await deps.files.get(document.storageKey) };
}

/** A stored document as a download; never rendered inline as active content. */
export function sendDocument(
  reply: FastifyReply,
  document: { contentType: string; fileName: string },
  bytes: Buffer,
) {
  return reply
    .header('Content-Type', document.contentType)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .header(
      'Content-Disposition',
      `inline; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
    )
    .send(bytes);
}
