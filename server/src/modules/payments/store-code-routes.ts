import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { principalOf } from '../../platform/http/route-access.js';
import { namesOfStore } from './cashier.js';
import type { PaymentDeps } from './deps.js';
import { storeCodeListSchema } from './schemas.js';
import { storeCodePng, storeCodeSvg } from './store-code-images.js';
import { storeCodesOf } from './store-codes.js';
import { storePosterPng, storePosterSvg } from './store-poster.js';

const imageKinds = {
  'qr.png': 'image/png',
  'qr.svg': 'image/svg+xml',
  'poster.png': 'image/png',
  'poster.svg': 'image/svg+xml',
} as const;

/** The merchant portal's store codes: the URL, the EMVCo payload, the QR and the poster. */
export function storeCodeRoutes(deps: PaymentDeps): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;
  const merchantOf = (request: Parameters<typeof principalOf>[0]) => {
    const principal = principalOf(request);
    if (!principal.merchantId) throw new AppError('permission_denied');
    return principal;
  };
  return async (app) => {
    app.get(
      '/api/v1/portal/store-codes',
      {
        config: { access: { permission: 'portal:payments' } },
        schema: {
          tags: ['portal'],
          summary: 'Each store’s aggregated code (made on first look)',
          response: { 200: storeCodeListSchema },
        },
      },
      async (request) => {
        const principal = merchantOf(request);
        const codes = await db.transaction((tx) =>
          storeCodesOf(
            tx,
            clock,
            config,
            principal.merchantId as string,
            principal.storeId ?? undefined,
          ),
        );
        return { data: codes };
      },
    );
    app.get(
      '/api/v1/portal/store-codes/:storeId/:file',
      {
        config: { access: { permission: 'portal:payments' } },
        schema: {
          tags: ['portal'],
          summary: 'A store code as a QR image (PNG or SVG) or a printable poster',
          params: z.object({
            storeId: z.string(),
            file: z.enum(Object.keys(imageKinds) as [keyof typeof imageKinds]),
          }),
        },
      },
      async (request, reply) => {
        const principal = merchantOf(request);
        if (principal.storeId && principal.storeId !== request.params.storeId) {
          throw new AppError('resource_not_found');
        }
        const [code] = await db.transaction((tx) =>
          storeCodesOf(tx, clock, config, principal.merchantId as string, request.params.storeId),
        );
        if (!code) throw new AppError('resource_not_found');
        const file = request.params.file;
        const poster = {
          url: code.url,
          storeName: code.storeName,
          merchantName: (await namesOfStore(db, code.storeId)).merchantName,
          codeText: code.code,
        };
        const body =
          file === 'qr.png'
            ? await storeCodePng(code.url)
            : file === 'qr.svg'
              ? storeCodeSvg(code.url)
              : file === 'poster.png'
                ? await storePosterPng(poster)
                : storePosterSvg(poster);
        const download = file.startsWith('poster')
          ? `attachment; filename="store-code-${code.code}-${file}"`
          : 'inline';
        return reply
          .type(imageKinds[file])
          .header('Content-Disposition', download)
          .header('Cache-Control', 'private, max-age=300')
          .send(body);
      },
    );
  };
}
