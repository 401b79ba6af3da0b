export interface FieldError {
  param: string;
  code: string;
  message: string;
}

interface ErrorBody {
  type?: string;
  code?: string;
  message?: string;
  param?: string;
  errors?: FieldError[];
  requestId?: string;
}

/**
 * An error reply from the API. `message` is already in the user's language (the server reads
 * Accept-Language), so the UI shows it as is and keeps `code` for decisions.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string;
  readonly param: string | undefined;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, body: ErrorBody, fallbackMessage: string) {
    super(body.message ?? fallbackMessage);
    this.name = 'ApiError';
    this.status = status;
    this.type = body.type ?? 'api_error';
    this.code = body.code ?? 'unknown';
    this.param = body.param;
    this.errors = body.errors ?? [];
    this.requestId = body.requestId;
  }
}

/** The request never got an answer: offline, DNS, a proxy dropping the connection. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
