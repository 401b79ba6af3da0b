import { useQuery } from '@tanstack/react-query';
import { api } from '../app/api/client';
import { currentLanguage } from '../app/i18n/i18n';
import type { ApplicationOptions, LabelledCode } from './merchant-types';

/** Kinds, categories (MCC) and banks come from the server, in both languages, and rarely change. */
export function useApplicationOptions() {
  return useQuery({
    queryKey: ['application-options'],
    queryFn: () => api.get<ApplicationOptions>('/application-options'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function codeLabel(entry: LabelledCode): string {
  return currentLanguage() === 'en' ? entry.en : entry.zh;
}

/** The label of a code from one of the option lists, or the code itself when it is unknown. */
export function labelOfCode(list: LabelledCode[] | undefined, code: string | null | undefined) {
  if (!code) return '—';
  const entry = list?.find((item) => item.code === code);
  return entry ? codeLabel(entry) : code;
}
