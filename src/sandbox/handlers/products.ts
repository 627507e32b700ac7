// All product handlers (everything but market data and trading) merged into one table fragment.
import type { HandlerTable } from '../http/handler.ts';
import { borrowLendHandlers } from './borrowLend.ts';
import { capitalHandlers } from './capital.ts';
import { listingHandlers } from './listings.ts';
import { rfqHandlers } from './rfq.ts';
import { strategyHandlers } from './strategies.ts';
import { systemHandlers } from './system.ts';
import { vaultHandlers } from './vaults.ts';

export const productHandlers = {
  ...systemHandlers,
  ...listingHandlers,
  ...capitalHandlers,
  ...borrowLendHandlers,
  ...rfqHandlers,
  ...strategyHandlers,
  ...vaultHandlers,
} satisfies Partial<HandlerTable>;
