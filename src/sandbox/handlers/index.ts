// Every endpoint's sandbox handler in one table; the HandlerTable type makes the compiler check full coverage.
import type { HandlerTable } from '../http/handler.ts';
import { marketDataHandlers } from './marketData.ts';
import { productHandlers } from './products.ts';
import { tradingHandlers } from './trading.ts';

export const sandboxHandlers: HandlerTable = {
  ...marketDataHandlers,
  ...tradingHandlers,
  ...productHandlers,
};
