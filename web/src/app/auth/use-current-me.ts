import { createContext, useContext } from 'react';
import type { Me } from '../api/types';

/**
 * The console and the merchant portal (RealmGate) only render their pages once /me has loaded,
 * so pages read the user from this context and never deal with a missing user.
 */
export const CurrentMeContext = createContext<Me | undefined>(undefined);

export function useCurrentMe(): Me {
  const me = useContext(CurrentMeContext);
  if (!me) throw new Error('useCurrentMe is used outside the console layout');
  return me;
}
