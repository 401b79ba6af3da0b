export { accountStatement, accountStatementSchema } from './account-statement.js';
export { type AccountRef, accountCode } from './accounts.js';
export { type JournalView, journalsForSources } from './journals.js';
export { type JournalInput, type PostingLine, postJournal, postJournals } from './post-journal.js';
export { ledgerRoutes } from './routes.js';
export { ledgerAccounts, ledgerEntries, ledgerJournals } from './tables.js';
export { trialBalance, unbalancedJournals } from './trial-balance.js';
