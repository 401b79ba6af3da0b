import { initI18n } from '../../app/i18n/i18n-setup';
import { applyEn, applyZh } from '../texts';
import { cashierEn, cashierZh } from './texts';

// Only the words the cashier shows: its own, and the H5 ones it reuses (bank name, error
// lines). Every key the cashier's components use must live under these two.
initI18n({ cashier: cashierZh, apply: applyZh }, { cashier: cashierEn, apply: applyEn });
