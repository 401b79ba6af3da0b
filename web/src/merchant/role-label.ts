import { labelFor } from '../app/i18n/labels';

// Merchant roles and kinds arrive as codes; unknown ones are shown as they are.
export const roleLabelOf = (role: string) => labelFor('portal.roles', role);
export const marketKindLabel = (kind: string) => labelFor('portal.markets.kinds', kind);
/** Fee plan names are shared with the console's texts, so both sides call a plan the same. */
export const feePlanLabelOf = (plan: string) => labelFor('merchants.feePlan', plan);
