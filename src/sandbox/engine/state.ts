// The trading core's mutable state and dependencies, shared by execution, triggers, funding and queries.
import type { Random } from '../random.ts';
import type { StreamSink } from '../ws/sink.ts';
import { OrderBook } from './book.ts';
import type { Decimal } from './decimal.ts';
import type { Ledger } from './ledger.ts';
import type { MarketCatalog, MarketSpec } from './markets.ts';
import type { OrderRecord } from './orders.ts';
import { PositionBook } from './positions.ts';
import { TradeTape } from './tape.ts';
import type { EngineClock } from './time.ts';

/** Per-account cap on remembered order and fill rows, so hours of simulated flow stay bounded in memory. */
export const MAX_HISTORY_ROWS = 50_000;

export interface MarketState {
  readonly spec: MarketSpec;
  readonly book: OrderBook;
  readonly tape: TradeTape;
  /** Pending conditional orders (TriggerPending), in placement order. */
  readonly triggers: OrderRecord[];
  /** Index price (perps: from the spot source or a random walk; spot: last trade). */
  index: Decimal | null;
  mark: Decimal | null;
  fundingRate: Decimal;
  nextFundingAt: number;
  /** Settled funding intervals, oldest first. */
  readonly fundingHistory: { readonly end: number; readonly rate: Decimal }[];
  lastPriceUpdateAt: number;
  lastSampleAt: number;
  lastTickerAt: number;
  lastOpenInterestAt: number;
}

export interface FillRow {
  readonly tradeId: number;
  readonly orderId: string;
  readonly clientId: number | null;
  /** Strategy of the order that filled (TWAP child orders), for the `strategyId` history filter. */
  readonly strategyId: string | null;
  readonly accountId: number;
  readonly symbol: string;
  readonly side: 'Bid' | 'Ask';
  readonly price: Decimal;
  readonly quantity: Decimal;
  readonly fee: Decimal;
  readonly feeSymbol: string;
  readonly isMaker: boolean;
  readonly timestamp: number;
}

export interface FundingRow {
  readonly accountId: number;
  readonly symbol: string;
  readonly positionId: string;
  readonly quantity: Decimal;
  readonly intervalEnd: number;
  readonly rate: Decimal;
}

export interface SettlementRow {
  readonly accountId: number;
  readonly quantity: Decimal;
  readonly source: 'FundingPayment' | 'RealizePnl' | 'TradingFees';
  readonly positionId: string | null;
  readonly timestamp: number;
  readonly sequence: number;
}

export interface EngineDeps {
  readonly markets: MarketCatalog;
  readonly ledger: Ledger;
  readonly sink: StreamSink;
  readonly clock: EngineClock;
  readonly random: Random;
}

export class EngineState {
  readonly markets = new Map<string, MarketState>();
  readonly orders = new Map<string, OrderRecord>();
  /** Every order per account (open and closed), placement order. */
  readonly accountOrders = new Map<number, OrderRecord[]>();
  readonly fills = new Map<number, FillRow[]>();
  readonly funding = new Map<number, FundingRow[]>();
  readonly settlements = new Map<number, SettlementRow[]>();
  readonly positions: PositionBook;
  /** Open orders (resting or trigger-pending) per account, by id. */
  private readonly openOrders = new Map<number, Map<string, OrderRecord>>();
  private nextOrderId: number;
  private settlementSequence = 1;

  constructor(deps: EngineDeps) {
    const random = deps.random.fork('ids');
    this.nextOrderId = 61_000_000_000 + random.int(0, 999_999) * 1000;
    this.positions = new PositionBook(5_400_000_000 + random.int(0, 99_999));
    const now = deps.clock.now();
    for (const spec of deps.markets.all()) {
      if (spec.marketType === 'RFQ') continue;
      this.markets.set(spec.symbol, {
        spec,
        book: new OrderBook(random.int(1_000_000, 9_000_000)),
        tape: new TradeTape(random.int(100_000, 900_000)),
        triggers: [],
        index: null,
        mark: null,
        fundingRate: 0n,
        nextFundingAt:
          spec.fundingInterval === null
            ? Number.POSITIVE_INFINITY
            : (Math.floor(now / spec.fundingInterval) + 1) * spec.fundingInterval,
        fundingHistory: [],
        lastPriceUpdateAt: now,
        lastSampleAt: 0,
        lastTickerAt: 0,
        lastOpenInterestAt: 0,
      });
    }
  }

  newOrderId(): string {
    this.nextOrderId += 1 + (this.nextOrderId % 7);
    return String(this.nextOrderId);
  }

  nextSettlementSequence(): number {
    const sequence = this.settlementSequence;
    this.settlementSequence += 1;
    return sequence;
  }

  addOrder(order: OrderRecord): void {
    this.orders.set(order.id, order);
    push(this.accountOrders, order.accountId, order);
    const list = this.accountOrders.get(order.accountId) as OrderRecord[];
    if (list.length > MAX_HISTORY_ROWS + MAX_HISTORY_ROWS / 10) this.pruneOrders(order.accountId, list);
  }

  /** Forgets the oldest closed orders of a busy account (the live flow's market maker), keeping open ones. */
  private pruneOrders(accountId: number, list: OrderRecord[]): void {
    let excess = list.length - MAX_HISTORY_ROWS;
    const kept = list.filter((order) => {
      if (
        excess <= 0 ||
        order.status === 'New' ||
        order.status === 'PartiallyFilled' ||
        order.status === 'TriggerPending'
      )
        return true;
      excess -= 1;
      this.orders.delete(order.id);
      return false;
    });
    this.accountOrders.set(accountId, kept);
  }

  markOpen(order: OrderRecord): void {
    let open = this.openOrders.get(order.accountId);
    if (open === undefined) {
      open = new Map();
      this.openOrders.set(order.accountId, open);
    }
    open.set(order.id, order);
  }

  markClosed(order: OrderRecord): void {
    this.openOrders.get(order.accountId)?.delete(order.id);
  }

  openOrdersOf(accountId: number): OrderRecord[] {
    return [...(this.openOrders.get(accountId)?.values() ?? [])];
  }

  ordersOf(accountId: number): readonly OrderRecord[] {
    return this.accountOrders.get(accountId) ?? [];
  }

  addFill(row: FillRow): void {
    push(this.fills, row.accountId, row);
    const list = this.fills.get(row.accountId) as FillRow[];
    if (list.length > MAX_HISTORY_ROWS + MAX_HISTORY_ROWS / 10) list.splice(0, list.length - MAX_HISTORY_ROWS);
  }

  addFunding(row: FundingRow): void {
    push(this.funding, row.accountId, row);
  }

  addSettlement(row: Omit<SettlementRow, 'sequence'>): void {
    push(this.settlements, row.accountId, { ...row, sequence: this.nextSettlementSequence() });
  }
}

function push<T>(map: Map<number, T[]>, key: number, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
