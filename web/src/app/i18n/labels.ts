import { i18n } from './i18n';

// Roles, actions and kinds come from the server as codes. Known ones get a translated label;
// a code the UI has not learned yet is shown as is rather than as a missing-key marker.
function labelFor(prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  // The typed `t` only accepts literal keys; these are built at run time, hence the cast.
  const translate = i18n.t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(key, { defaultValue: code });
}

export const roleLabel = (role: string): string => labelFor('role', role);
export const orgKindLabel = (kind: string): string => labelFor('orgKind', kind);
export const auditActionLabel = (action: string): string => labelFor('auditActions', action);
export const auditFieldLabel = (field: string): string => labelFor('auditFields', field);
export const targetTypeLabel = (targetType: string): string => labelFor('targetTypes', targetType);
