export { depositPurchaserFunds } from './deposit-purchaser-funds.js';
export type { FarmerDeps } from './deps.js';
export { registerFarmer } from './farmers.js';
export { purchaseAmountFen } from './purchase-amount.js';
export { purchaserBalanceFen } from './purchaser-funds.js';
export { payAndShowPurchase, recordPurchase } from './record-purchase.js';
export { farmerRoutes } from './routes.js';
export { farmerPurchases, farmers, purchaserDeposits } from './tables.js';
