import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError, errorBody, type FieldError, preferredLanguage } from '../errors/app-error.js';
import type { ErrorCode } from '../errors/codes.js';

/**
 * Turns every failure into the error model of DESIGN.md §4, in the caller's language. Unknown
 * failures are logged in full and answered with a bare internal_error.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = preferredLanguage(request.headers['accept-language']);
    const appError = toAppError(error, language);
    if (appError.code === 'internal_error') {
      request.log.error({ err: error }, 'request failed');
    } else if (appError.status >= 500) {
      request.log.warn({ err: error }, 'request failed');
    }
    reply.code(appError.status).send(errorBody(appError, request.id, language));
  });
  app.setNotFoundHandler((request, reply) => {
    const language = preferredLanguage(request.headers['accept-language']);
    reply.code(404).send(errorBody(new AppError('route_not_found'), request.id, language));
  });
}

function toAppError(error: FastifyError, language: 'zh-CN' | 'en'): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: FieldError[] = error.validation.map((validation) => {
      const issue = {
        ...validation.params,
        code: validation.keyword,
        message: validation.message ?? '',
      } as ZodIssueLike;
      const where = validation.instancePath.replace(/^\//, '').replaceAll('/', '.');
      const param =
        issue.code === 'unrecognized_keys'
          ? [where, ...(issue.keys ?? [])].filter(Boolean).join('.')
          : where;
      return { param, code: issue.code, message: fieldMessage(issue, language) };
    });
    return new AppError('validation_failed', { param: fieldErrors[0]?.param, fieldErrors });
  }
  if (isResponseSerializationError(error)) return new AppError('internal_error');
  const conflict = uniqueViolation(error);
  if (conflict) return conflict;
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
  ) {
    return new AppError('invalid_json');
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return new AppError('unsupported_media_type');
  if (error.statusCode === 429) return new AppError('rate_limited');
  return new AppError('internal_error');
}

type ZodIssueLike = {
  code: string;
  message: string;
  keys?: string[];
  minimum?: unknown;
  maximum?: unknown;
};

/** A message for one field, in words the person filling the form understands. */
function fieldMessage(issue: ZodIssueLike, language: 'zh-CN' | 'en'): string {
  const zh = language !== 'en';
  switch (issue.code) {
    case 'unrecognized_keys':
      return zh
        ? `不接受的字段：${issue.keys?.join(', ')}`
        : `Unknown fields: ${issue.keys?.join(', ')}`;
    case 'invalid_type':
      return zh ? '缺少此项或类型不对' : 'Missing or of the wrong type';
    case 'too_small':
      return zh ? `不能少于 ${String(issue.minimum)}` : `Must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return zh ? `不能超过 ${String(issue.maximum)}` : `Must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      return zh ? '格式不正确' : 'Wrong format';
    case 'invalid_value':
      return zh ? '不是允许的取值' : 'Not one of the allowed values';
    default:
      return issue.message;
  }
}

/**
 * Two identical creations racing past the application's "already exists?" check meet at the
 * unique index; the loser gets the same 409 the check would have given, not a 500.
 */
const uniqueConstraintCodes: Record<string, ErrorCode> = {
  users_realm_username_uq: 'username_taken',
  org_nodes_code_uq: 'org_node_code_taken',
  buyer_members_market_id_number_uq: 'buyer_exists',
  market_memberships_market_merchant_uq: 'membership_exists',
  settlement_account_changes_one_pending_uq: 'account_change_pending',
};

function uniqueViolation(error: unknown): AppError | undefined {
  // drizzle wraps the driver's error; the PostgreSQL one carries SQLSTATE and constraint.
  const cause = (error as { cause?: unknown }).cause ?? error;
  const { code, constraint } = cause as { code?: string; constraint?: string };
  if (code !== '23505' || !constraint) return undefined;
  const mapped = uniqueConstraintCodes[constraint];
  return mapped ? new AppError(mapped) : undefined;
}
