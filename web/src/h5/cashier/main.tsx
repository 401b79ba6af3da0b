// The payer's cashier is its own entry (cashier.html), not a route of the console app: a phone
// on a slow network opening a store code must not download antd or the console shell.
import './cashier-i18n';
import './cashier.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../../app/query-client';
import { CashierApp } from './cashier-app';

const container = document.getElementById('root');
if (!container) throw new Error('cashier.html lacks the #root element');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <CashierApp />
    </QueryClientProvider>
  </StrictMode>,
);
