export { findNode, isWithin, nodeInScope, nodesInScope, type OrgNodeRow } from './org-scope.js';
export { findRegion, regionFullName } from './regions.js';
export { orgRoutes } from './routes.js';
export { orgNodes } from './tables.js';
