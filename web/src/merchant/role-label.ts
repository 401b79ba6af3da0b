import { i18n } from '../app/i18n/i18n';

/** Merchant roles and kinds arrive as codes; unknown ones are shown as they are. */
function label(prefix: string, code: string): string {
  const translate = i18n.t as unknown as (key: string, options: { defaultValue: string }) => string;
  return translate(`${prefix}.${code}`, { defaultValue: code });
}

export const roleLabelOf = (role: string) => label('portal.roles', role);
export const marketKindLabel = (kind: string) => label('portal.markets.kinds', kind);
/** Fee plan names are shared with the console's texts, so both sides call a plan the same. */
export const feePlanLabelOf = (plan: string) => label('merchants.feePlan', plan);
