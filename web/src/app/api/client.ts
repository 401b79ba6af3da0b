import { currentLanguage } from '../i18n/i18n-setup';
import { ApiError, NetworkError } from './api-error';

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Multipart uploads: the browser sets the boundary, so no Content-Type is set here. */
  formData?: FormData;
  /** A file sent as its own bytes (a channel statement), not wrapped in multipart or JSON. */
  file?: Blob;
  headers?: Record<string, string>;
}

/**
 * The session cookie is httpOnly, so the CSRF token is the only session secret script can see:
 * it comes from the login reply or GET /me and must accompany every write.
 */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type AuthFailureListener = (error: ApiError) => void;
let authFailureListener: AuthFailureListener | undefined;

/**
 * The router registers here so an expired session or a pending MFA/password step sends the
 * user to the right screen whichever request noticed it first.
 */
export function onAuthFailure(listener: AuthFailureListener): void {
  authFailureListener = listener;
}

const authFailureCodes = new Set(['mfa_required', 'password_change_required']);

function buildUrl(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** Sends a request and returns its successful response; an error reply is thrown as ApiError. */
async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage() === 'en' ? 'en' : 'zh-CN,zh;q=0.9',
    ...options.headers,
  };
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = 'application/octet-stream';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body:
        options.formData ??
        options.file ??
        (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }

  if (!response.ok) {
    const body = (
      parseJson(await response.text()) as
        | { error?: ConstructorParameters<typeof ApiError>[1] }
        | undefined
    )?.error;
    const error = new ApiError(response.status, body ?? {}, response.statusText || 'HTTP error');
    if (response.status === 401 || (response.status === 403 && authFailureCodes.has(error.code))) {
      authFailureListener?.(error);
    }
    throw error;
  }
  return response;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return parseJson(await response.text()) as T;
}

/** A file the API answered with, and the name its Content-Disposition gave it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | undefined;
}

/**
 * Files are fetched rather than linked so the request carries the UI language (a statement's
 * headings follow it) and a refusal arrives as an ApiError the page can show.
 */
async function download(path: string, query?: Query): Promise<DownloadedFile> {
  const response = await send('GET', path, { query, headers: { Accept: '*/*' } });
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1];
  return { blob: await response.blob(), fileName };
}

export const api = {
  get: <T>(path: string, query?: Query, headers?: Record<string, string>) =>
    request<T>('GET', path, { query, headers }),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    request<T>('POST', path, { body, headers }),
  put: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PUT', path, { body, headers }),
  patch: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
    request<T>('PATCH', path, { body, headers }),
  delete: <T = void>(path: string, headers?: Record<string, string>) =>
    request<T>('DELETE', path, { headers }),
  upload: <T>(path: string, formData: FormData, headers?: Record<string, string>) =>
    request<T>('POST', path, { formData, headers }),
  uploadFile: <T>(path: string, file: Blob, query?: Query) =>
    request<T>('POST', path, { file, query }),
  download,
};
