import { i18n } from './i18n';

/**
 * The text at a key built at run time, or `fallback` when the texts have none. The typed `t`
 * only accepts literal keys, hence the cast.
 */
export function textOr(key: string, fallback: string, values?: Record<string, unknown>): string {
  const translate = i18n.t as unknown as (
    key: string,
    options: Record<string, unknown> & { defaultValue: string },
  ) => string;
  return translate(key, { ...values, defaultValue: fallback });
}

// Roles, actions and kinds come from the server as codes. Known ones get a translated label;
// a code the UI has not learned yet is shown as is rather than as a missing-key marker.
export const labelFor = (prefix: string, code: string): string => textOr(`${prefix}.${code}`, code);

export const roleLabel = (role: string): string => labelFor('role', role);
export const orgKindLabel = (kind: string): string => labelFor('orgKind', kind);
export const auditActionLabel = (action: string): string => labelFor('auditActions', action);
export const auditFieldLabel = (field: string): string => labelFor('auditFields', field);
export const targetTypeLabel = (targetType: string): string => labelFor('targetTypes', targetType);
