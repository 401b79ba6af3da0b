import { useQuery } from '@tanstack/react-query';
import { currentLanguage } from '../i18n/i18n';
import { api } from './client';
import type { ApplicationOptions, CodeOption } from './merchant-types';

/**
 * Kinds, categories (MCC), banks and each kind's required documents come from the server, in
 * both languages, and rarely change.
 */
export function useApplicationOptions() {
  return useQuery({
    queryKey: ['application-options'],
    queryFn: () => api.get<ApplicationOptions>('/application-options'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A code list entry's name in the UI language. */
export function codeLabel(option: CodeOption): string {
  return currentLanguage() === 'en' ? option.en : option.zh;
}

/**
 * The label of a code from one of the option lists (`超市/杂货店`, or with the code
 * `5411 超市/杂货店`); the code itself when it is unknown, a dash when there is none.
 */
export function optionLabel(
  options: readonly CodeOption[] | undefined,
  code: string | null | undefined,
  withCode = false,
): string {
  if (!code) return '—';
  const option = options?.find((candidate) => candidate.code === code);
  if (!option) return code;
  const name = codeLabel(option);
  return withCode ? `${option.code} ${name}` : name;
}
