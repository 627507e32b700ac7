// Wire shapes of the system endpoints (/status, /ping, /time, /wallets).
import type { Status } from './enums/markets.ts';

export interface StatusAndMessage {
  status: Status;
  message?: string | null;
}

/** A deposit wallet of the exchange on one chain. */
export interface WalletResponse {
  blockchain: string;
  address: string;
}
