import { type ErrorCode, errorCodes } from './codes.js';

/** A message in both languages, for checks whose wording the use case knows best. */
export type LocalisedText = { zh: string; en: string };

export type FieldError = { param: string; code: string; message: string | LocalisedText };

/** A failure the client should see, identified by a stable code from codes.ts. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly param?: string;
  readonly fieldErrors?: FieldError[];

  constructor(
    code: ErrorCode,
    options: { param?: string; fieldErrors?: FieldError[]; detail?: string } = {},
  ) {
    super(options.detail ?? errorCodes[code].en);
    this.code = code;
    this.param = options.param;
    this.fieldErrors = options.fieldErrors;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }
}

export type Language = 'zh-CN' | 'en';

export function errorBody(error: AppError, requestId: string, language: Language) {
  const spec = errorCodes[error.code];
  return {
    error: {
      type: spec.type,
      code: error.code,
      message: language === 'en' ? spec.en : spec.zh,
      ...(error.param ? { param: error.param } : {}),
      ...(error.fieldErrors
        ? {
            errors: error.fieldErrors.map((fieldError) => ({
              ...fieldError,
              message:
                typeof fieldError.message === 'string'
                  ? fieldError.message
                  : fieldError.message[language === 'en' ? 'en' : 'zh'],
            })),
          }
        : {}),
      requestId,
    },
  };
}

/** zh-CN first: English only when the client prefers it over Chinese. */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}
