import { useState } from 'react';
import { type Wallet, walletFromUserAgent } from './wallet';

/** The wallet the page pays with: the app it was opened in, else the one the payer picked. */
export function useWalletChoice() {
  const [detected] = useState(() => walletFromUserAgent(navigator.userAgent));
  const [picked, setPicked] = useState<Wallet>();
  return { detected, wallet: detected ?? picked, pick: setPicked };
}
