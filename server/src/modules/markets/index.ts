export { marketRoutes } from './routes.js';
export {
  buyerMembers,
  type MarketRow,
  marketKinds,
  marketMemberships,
  markets,
  membershipStatuses,
} from './tables.js';
