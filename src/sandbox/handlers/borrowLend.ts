// Handlers for borrow-lend: markets, history, APY, positions, execute, limits, liquidation estimate and histories.
import {
  BorrowLendEventType,
  BorrowLendPositionState,
  BorrowLendSide,
  BorrowLendSource,
  InterestPaymentSource,
} from '../../exchange/types/enums/capital.ts';
import { BorrowLendMarketHistoryInterval } from '../../exchange/types/enums/markets.ts';
import * as D from '../engine/decimal.ts';
import { reply } from '../http/handler.ts';
import { SandboxError } from '../engine/errors.ts';
import type { HandlerTable } from '../http/handler.ts';
import { parsePositive } from '../products/amounts.ts';
import { naiveDateTime } from '../products/time.ts';
import { accountOf, optionalEnum, optionalString, paginate, requiredEnum, requiredString } from './productsParams.ts';

/** `borrow` is standard base64 of `{"quantity":"1","side":"Borrow","symbol":"BTC"}`. */
function decodeBorrow(text: string): { quantity: string; side: 'Borrow' | 'Lend'; symbol: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw new SandboxError(400, null, 'failed to parse parameter `borrow`: invalid base64 JSON');
  }
  const { quantity, side, symbol } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (typeof quantity !== 'string' || (side !== 'Borrow' && side !== 'Lend') || typeof symbol !== 'string') {
    throw new SandboxError(400, null, 'failed to parse parameter `borrow`: expected {quantity, side, symbol}');
  }
  return { quantity, side, symbol };
}

export const borrowLendHandlers = {
  getBorrowLendMarkets: (_request, services) => services.products.borrowLendMarkets(),
  getBorrowLendMarketsHistory: (request, services) =>
    services.products.borrowLendHistory(
      requiredEnum(request.params, 'interval', BorrowLendMarketHistoryInterval),
      optionalString(request.params, 'symbol'),
    ),
  getBorrowLendApy: (_request, services) => services.products.borrowLendApy(),
  getBorrowLendPositions: (request, services) => services.products.borrowLend.positionsWire(accountOf(request)),
  executeBorrowLend: (request, services) => {
    const { params } = request;
    services.products.borrowLend.execute(
      accountOf(request),
      requiredString(params, 'symbol'),
      requiredEnum(params, 'side', BorrowLendSide),
      requiredString(params, 'quantity'),
    );
    return reply({ status: 200 });
  },
  getMaxBorrowQuantity: (request, services) => {
    const symbol = requiredString(request.params, 'symbol');
    return {
      maxBorrowQuantity: D.toString(services.products.borrowLend.maxBorrow(accountOf(request), symbol)),
      symbol,
    };
  },
  // Session-only on the exchange; the sandbox answers signed calls (account state) and public ones (standalone).
  getBorrowLendEstimatedLiquidationPrice: (request, services) => {
    const borrow = decodeBorrow(requiredString(request.params, 'borrow'));
    const products = services.products;
    products.borrowLend.pool(borrow.symbol);
    const quantity = parsePositive(borrow.quantity, services.markets.assetDecimals(borrow.symbol));
    const estimate = products.collateral.liquidationPrice(request.accountId, borrow.symbol, borrow.side, quantity);
    return { liquidationPrice: D.toString(estimate.liquidationPrice), markPrice: D.toString(estimate.markPrice) };
  },
  getBorrowLendHistory: (request, services) => {
    const { params } = request;
    const type = optionalEnum(params, 'type', BorrowLendEventType);
    const sourcesText = optionalString(params, 'sources');
    const sources = sourcesText?.split(',').map((s) => s.trim());
    if (sources?.some((s) => !(BorrowLendSource as readonly string[]).includes(s))) {
      throw new SandboxError(400, null, 'failed to parse parameter `sources`: Expect a valid enumeration value.');
    }
    const positionId = optionalString(params, 'positionId');
    const symbol = optionalString(params, 'symbol');
    const rows = services.products.borrowLend
      .movementsOf(accountOf(request))
      .filter(
        (r) =>
          (type === undefined || r.eventType === type) &&
          (sources === undefined || sources.includes(r.source)) &&
          (positionId === undefined || r.positionId === positionId) &&
          (symbol === undefined || r.symbol === symbol),
      );
    return paginate(
      params,
      rows,
      (r) => r.at,
      (r) => ({
        eventType: r.eventType,
        positionId: r.positionId,
        positionQuantity: D.toString(r.positionQuantity),
        quantity: D.toString(r.quantity),
        source: r.source,
        symbol: r.symbol,
        timestamp: naiveDateTime(r.at),
        spotMarginOrderId: null,
      }),
    );
  },
  getInterestHistory: (request, services) => {
    const { params } = request;
    const asset = optionalString(params, 'asset');
    const symbol = optionalString(params, 'symbol');
    const positionId = optionalString(params, 'positionId');
    // Only borrow-lend interest exists in the sandbox (no interest on unrealized PnL).
    const source = optionalEnum(params, 'source', InterestPaymentSource);
    const rows = services.products.borrowLend
      .interestOf(accountOf(request))
      .filter(
        (r) =>
          source !== 'UnrealizedPnl' &&
          (asset === undefined || r.symbol === asset) &&
          (symbol === undefined || r.marketSymbol === symbol) &&
          (positionId === undefined || r.positionId === positionId),
      );
    return paginate(
      params,
      rows,
      (r) => r.at,
      (r) => ({
        paymentType: r.paymentType,
        interestRate: D.toString(r.interestRate),
        interval: r.interval,
        marketSymbol: r.marketSymbol,
        positionId: r.positionId,
        quantity: D.toString(r.quantity),
        symbol: r.symbol,
        timestamp: naiveDateTime(r.at),
      }),
    );
  },
  getBorrowLendPositionHistory: (request, services) => {
    const { params } = request;
    const symbol = optionalString(params, 'symbol');
    const side = optionalEnum(params, 'side', BorrowLendSide);
    const state = optionalEnum(params, 'state', BorrowLendPositionState);
    const borrowLend = services.products.borrowLend;
    const rows = borrowLend
      .allPositions(accountOf(request))
      .filter(
        (p) =>
          (symbol === undefined || p.symbol === symbol) &&
          (side === undefined || p.side === side) &&
          (state === undefined || (state === 'Open') === (p.closedAt === null)),
      );
    return paginate(
      params,
      rows,
      (p) => p.openedAt,
      (p) => ({
        positionId: p.id,
        // Open: the current size; closed: the largest size it reached.
        quantity: D.toString(p.closedAt === null ? D.abs(p.net) : p.peak),
        symbol: p.symbol,
        source: p.source,
        cumulativeInterest: D.toString(p.cumulativeInterest),
        avgInterestRate: D.toString(borrowLend.averageRate(p)),
        side: p.side,
        createdAt: naiveDateTime(p.openedAt),
      }),
    );
  },
} satisfies Partial<HandlerTable>;
