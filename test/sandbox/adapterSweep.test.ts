// Our REST adapter, signing as the demo account, calls every endpoint of the table against the sandbox and checks
// each answer against its wire type (keys, decimal strings, enums), its raw body (text, empty) and the sandbox's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointDef } from '../../src/exchange/endpoint.ts';
import { endpointList, endpoints } from '../../src/exchange/endpoints.ts';
import type { EndpointName } from '../../src/exchange/endpoints.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { loadSigningKey } from '../../src/exchange/sign.ts';
import * as D from '../../src/sandbox/engine/decimal.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { account } from './sandboxClient.ts';
import { until } from '../support/until.ts';
import { loadWireShapes } from './wireShape.ts';

const HOUR = 3_600_000;
type Params = Record<string, unknown>;
type Json = Record<string, unknown>;

/** What the sweep shares between steps: clients, ids created by earlier steps. */
interface Sweep {
  readonly sandbox: SandboxHandle;
  readonly demo: BackpackRest;
  readonly alice: BackpackRest;
  readonly demoId: number;
  /** Moves both clocks (sandbox and clients) forward. */
  skew(ms: number): void;
  readonly ids: Record<string, string>;
}

interface Step {
  /** Setup before the call (other accounts' actions, resting orders …). */
  readonly before?: (sweep: Sweep) => Promise<void> | void;
  readonly params?: Params | ((sweep: Sweep) => Params);
  /** A list answer may legitimately be empty (otherwise the sweep arranges data and requires a first element). */
  readonly mayBeEmpty?: true;
  /** Value checks against the sandbox's own state; may also record ids for later steps. */
  readonly check?: (data: unknown, sweep: Sweep) => void;
}

const SOL_ADDRESS = '9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM';
const borrowOneSol = Buffer.from(JSON.stringify({ quantity: '1', side: 'Borrow', symbol: 'SOL' })).toString('base64');
const obj = (data: unknown): Json => data as Json;
const list = (data: unknown): Json[] => data as Json[];
const id = (sweep: Sweep, key: string): string => {
  const value = sweep.ids[key];
  if (value === undefined) throw new Error(`no ${key} recorded by an earlier step`);
  return value;
};

/**
 * How to call endpoints that need more than a bare call, in the order the sweep calls them: live endpoints first, then
 * (after moving the clock two hours so funding, interest and redeems settle) the histories. Every other row of the
 * table is called afterwards without parameters.
 */
const SWEEP: Readonly<Partial<Record<EndpointName, Step>>> = {
  // --- system and public market data
  getStatus: { check: (data) => expect(data).toEqual({ status: 'Ok', message: null }) },
  ping: { check: (data) => expect(data).toBe('pong') },
  getTime: { check: (data, s) => expect(Math.abs(Number(data) - s.sandbox.services.now())).toBeLessThan(5_000) },
  getWallets: {},
  getAssets: { check: (data) => expect(list(data).map((a) => a['symbol'])).toContain('SOL') },
  getCollateralParameters: { check: (data) => expect(list(data).map((a) => a['symbol'])).toContain('USDC') },
  getMarkets: {
    params: { marketType: ['SPOT'] },
    check: (data) => expect(list(data).every((m) => m['marketType'] === 'SPOT')).toBe(true),
  },
  getMarket: {
    params: { symbol: 'SOL_USDC_PERP' },
    check: (data) => expect(obj(data)).toMatchObject({ symbol: 'SOL_USDC_PERP', marketType: 'PERP' }),
  },
  getTicker: {
    params: { symbol: 'SOL_USDC' },
    check: (data, s) => expect(data).toEqual(s.sandbox.services.engine.marketData.ticker('SOL_USDC')),
  },
  getTickers: { check: (data) => expect(list(data).map((t) => t['symbol'])).toContain('BTC_USDC_PERP') },
  getDepth: {
    params: { symbol: 'SOL_USDC', limit: '5' },
    check: (data, s) => {
      const depth = obj(data) as { bids: string[][]; asks: string[][]; lastUpdateId: string };
      expect(depth.bids).toHaveLength(5);
      expect(depth.lastUpdateId).toBe(String(s.sandbox.services.engine.state.markets.get('SOL_USDC')?.book.updateId));
    },
  },
  getKlines: {
    params: (s) => ({
      symbol: 'SOL_USDC',
      interval: '1m',
      startTime: Math.floor(s.sandbox.services.now() / 1000) - 3_600,
    }),
    check: (data) => expect(Number(list(data)[0]?.['trades'])).toBeGreaterThan(0),
  },
  getMarkPrices: {
    params: { symbol: 'SOL_USDC_PERP' },
    check: (data) => expect(list(data)[0]?.['symbol']).toBe('SOL_USDC_PERP'),
  },
  getOpenInterest: { params: { symbol: 'SOL_USDC_PERP' } },
  getOpenInterests: {},
  getPredictionEvents: {},
  getPredictionTags: {},
  getSecurities: { check: (data) => expect(list(data)[0]?.['asset']).toBe('AAPL.US') },
  getMarketSessions: {},
  getMarketHolidays: {},
  getRecentTrades: { params: { symbol: 'SOL_USDC', limit: 2 }, check: (data) => expect(list(data)).toHaveLength(2) },
  getHistoricalTrades: {
    params: { symbol: 'SOL_USDC', limit: 2, offset: 1 },
    check: (data) => expect(list(data)).toHaveLength(2),
  },
  getBorrowLendMarkets: {},
  getBorrowLendMarketsHistory: { params: { interval: '1d', symbol: 'USDC' } },
  getBorrowLendApy: {},
  getVaults: { check: (data) => expect(list(data)[0]).toMatchObject({ id: 1, symbol: 'USDC' }) },
  getVaultsHistory: { params: { interval: '1d', vaultId: 1 } },

  // --- account and capital
  getAccount: {},
  updateAccountSettings: {
    params: { autoLend: true, leverageLimit: '5' },
    check: (_data, s) =>
      expect(D.toString(s.sandbox.services.ledger.account(s.demoId).settings.leverageLimit)).toBe('5'),
  },
  getBalances: {
    check: (data, s) =>
      expect(obj(data)['USDC']).toEqual({
        available: D.toString(s.sandbox.services.ledger.balance(s.demoId, 'USDC').available),
        locked: '0',
        staked: '0',
      }),
  },
  getCollateral: { check: (data) => expect(list(obj(data)['collateral']).map((c) => c['symbol'])).toContain('SOL') },
  getMaxBorrowQuantity: { params: { symbol: 'SOL' }, check: (data) => expect(obj(data)['symbol']).toBe('SOL') },
  getMaxOrderQuantity: {
    params: { symbol: 'SOL_USDC', side: 'Ask' },
    check: (data) => expect(obj(data)['maxOrderQuantity']).toBe('500'),
  },
  getMaxWithdrawalQuantity: { params: { symbol: 'USDC' } },
  getDeposits: { check: (data) => expect(list(data).map((d) => d['symbol'])).toContain('USDC') },
  getDepositAddress: {
    params: { blockchain: 'Solana' },
    check: (data) => expect(obj(data)['address']).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/),
  },
  requestWithdrawal: {
    params: { address: SOL_ADDRESS, blockchain: 'Solana', symbol: 'SOL', quantity: '1', clientId: 'sweep-1' },
    check: (data) => expect(obj(data)).toMatchObject({ toAddress: SOL_ADDRESS, quantity: '1', clientId: 'sweep-1' }),
  },
  getWithdrawals: { check: (data) => expect(list(data)[0]?.['clientId']).toBe('sweep-1') },
  issueTwoFactorToken: {
    params: { app: 'sweep' },
    check: (data, s) => void (s.ids['twoFactor'] = String(obj(data)['signature'])),
  },
  createWithdrawalDelay: { params: (s) => ({ withdrawalDelayHours: 24, twoFactorToken: id(s, 'twoFactor') }) },
  getWithdrawalDelay: { check: (data) => expect(obj(data)['currentWithdrawalDelayHours']).toBe(24) },
  updateWithdrawalDelay: {
    params: (s) => ({ withdrawalDelayHours: 48, twoFactorToken: id(s, 'twoFactor') }),
    check: (data) =>
      expect(obj(data)).toMatchObject({ currentWithdrawalDelayHours: 24, pendingWithdrawalDelayHours: 48 }),
  },
  convertDust: {
    before: (s) => void s.sandbox.deposit('demo', 'USDT', '0.5'),
    params: { symbol: 'USDT' },
    check: (_data, s) => expect(s.sandbox.services.ledger.balance(s.demoId, 'USDT').available).toBe(0n),
  },
  executeBorrowLend: {
    params: { symbol: 'USDC', side: 'Lend', quantity: '1000' },
    check: (_data, s) =>
      expect(s.sandbox.services.products.borrowLend.positionsWire(s.demoId).map((p) => p.symbol)).toEqual(['USDC']),
  },
  getBorrowLendPositions: {
    check: (data) => expect(list(data)[0]).toMatchObject({ symbol: 'USDC', netQuantity: '1000' }),
  },
  getBorrowLendEstimatedLiquidationPrice: { params: { borrow: borrowOneSol } },
  getPositions: {
    before: async (s) =>
      void (await s.demo.call('executeOrder', {
        symbol: 'SOL_USDC_PERP',
        side: 'Bid',
        orderType: 'Market',
        quantity: '2',
      })),
    check: (data) => expect(list(data)[0]).toMatchObject({ symbol: 'SOL_USDC_PERP', netQuantity: '2' }),
  },

  // --- orders
  executeOrder: {
    params: { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '120.50', quantity: '1.25', clientId: 71 },
    check: (data, s) => {
      expect(obj(data)).toMatchObject({ status: 'New', price: '120.5', quantity: '1.25', clientId: 71 });
      s.ids['order'] = String(obj(data)['id']);
    },
  },
  getOrder: {
    params: (s) => ({ symbol: 'SOL_USDC', orderId: id(s, 'order') }),
    check: (data, s) => expect(obj(data)['id']).toBe(id(s, 'order')),
  },
  cancelOrder: {
    params: (s) => ({ symbol: 'SOL_USDC', orderId: id(s, 'order') }),
    check: (data) => expect(obj(data)['status']).toBe('Cancelled'),
  },
  executeOrderBatch: {
    params: [
      { symbol: 'SOL_USDC', side: 'Bid', orderType: 'Limit', price: '121', quantity: '1' },
      { symbol: 'SOL_USDC', side: 'Ask', orderType: 'Limit', price: '180', quantity: '1' },
    ] as unknown as Params,
    check: (data) =>
      expect(list(data).map((r) => [r['operation'], r['status']])).toEqual([
        ['Ok', 'New'],
        ['Ok', 'New'],
      ]),
  },
  getOpenOrders: {
    params: { symbol: 'SOL_USDC' },
    check: (data) =>
      expect(
        list(data)
          .map((o) => o['price'])
          .sort(),
      ).toEqual(['121', '180']),
  },
  cancelOpenOrders: {
    params: { symbol: 'SOL_USDC' },
    check: (data) => expect(list(data).map((o) => o['status'])).toEqual(['Cancelled', 'Cancelled']),
  },

  // --- RFQ (alice is the counterparty)
  submitRfq: {
    params: { symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '1', clientId: 9 },
    check: (data, s) => void (s.ids['rfq'] = String(obj(data)['rfqId'])),
  },
  refreshRfq: {
    params: (s) => ({ rfqId: id(s, 'rfq') }),
    check: (data, s) => expect(obj(data)['rfqId']).toBe(id(s, 'rfq')),
  },
  getRfqs: { check: (data, s) => expect(list(data).map((r) => r['rfqId'])).toEqual([id(s, 'rfq')]) },
  acceptQuote: {
    before: async (s) => {
      const quote = await s.alice.call('submitQuote', { rfqId: id(s, 'rfq'), bidPrice: '149', askPrice: '151' });
      s.ids['quote'] = quote.quoteId;
    },
    params: (s) => ({ rfqId: id(s, 'rfq'), quoteId: id(s, 'quote') }),
    check: (data) => expect(obj(data)['status']).toBe('Filled'),
  },
  cancelRfq: {
    before: async (s) =>
      void (s.ids['rfq2'] = (
        await s.demo.call('submitRfq', { symbol: 'SOL_USDC_RFQ', side: 'Ask', quantity: '1' })
      ).rfqId),
    params: (s) => ({ rfqId: id(s, 'rfq2') }),
    check: (data) => expect(obj(data)['status']).toBe('Cancelled'),
  },
  submitQuote: {
    before: async (s) =>
      void (s.ids['aliceRfq'] = (
        await s.alice.call('submitRfq', { symbol: 'SOL_USDC_RFQ', side: 'Ask', quantity: '1' })
      ).rfqId),
    params: (s) => ({ rfqId: id(s, 'aliceRfq'), bidPrice: '148.5', askPrice: '152', clientId: 3 }),
    check: (data, s) => {
      expect(obj(data)).toMatchObject({ rfqId: id(s, 'aliceRfq'), bidPrice: '148.5', status: 'New' });
      s.ids['demoQuote'] = String(obj(data)['quoteId']);
    },
  },

  // --- strategies
  strategyCreate: {
    params: {
      symbol: 'SOL_USDC',
      side: 'Bid',
      strategyType: 'Scheduled',
      quantity: '2',
      price: '110',
      duration: 60_000,
      interval: 30_000,
      clientStrategyId: 5,
    },
    check: (data, s) => {
      expect(obj(data)).toMatchObject({ status: 'Running', quantity: '2', clientStrategyId: 5 });
      s.ids['strategy'] = String(obj(data)['id']);
    },
  },
  getStrategy: {
    params: (s) => ({ symbol: 'SOL_USDC', strategyId: id(s, 'strategy') }),
    check: (data, s) => expect(obj(data)['id']).toBe(id(s, 'strategy')),
  },
  getOpenStrategies: {
    params: { symbol: 'SOL_USDC' },
    check: (data, s) => expect(list(data).map((x) => x['id'])).toEqual([id(s, 'strategy')]),
  },
  cancelStrategy: {
    params: (s) => ({ symbol: 'SOL_USDC', strategyId: id(s, 'strategy') }),
    check: (data) => expect(obj(data)['status']).toBe('Cancelled'),
  },
  cancelOpenStrategies: {
    before: async (s) =>
      void (await s.demo.call('strategyCreate', {
        symbol: 'SOL_USDC',
        side: 'Ask',
        strategyType: 'Scheduled',
        quantity: '1',
        price: '190',
      })),
    params: { symbol: 'SOL_USDC' },
    check: (data) => expect(list(data).map((x) => x['status'])).toEqual(['Cancelled']),
  },

  // --- vaults
  vaultMint: { params: { vaultId: 1, symbol: 'USDC', quantity: '1000' } },
  vaultRedeem: { params: { vaultId: 1, vaultTokenQuantity: '1' } },
  getVaultPendingRedeems: {
    params: { vaultId: 1 },
    check: (data) => expect(list(data)[0]).toMatchObject({ status: 'Requested', vaultTokenQuantity: '1' }),
  },
  cancelVaultRedeem: { params: { vaultId: 1 } },
  getVaultNav: { check: (data) => expect(list(data).map((r) => r['vaultId'])).toEqual([1, 2]) },

  // --- histories: two hours later (funding, interest and redeems settle on the sandbox's ticks)
  getFundingPayments: {
    before: async (s) => {
      await s.demo.call('vaultRedeem', { vaultId: 1, vaultTokenQuantity: '1' });
      await s.alice.call('acceptQuote', { rfqId: id(s, 'aliceRfq'), quoteId: id(s, 'demoQuote') });
      s.skew(2 * HOUR + 60_000);
      const services = s.sandbox.services;
      await until(
        () =>
          services.engine.accounts.fundingPayments(s.demoId, {}).length > 0 &&
          services.products.borrowLend.interestOf(s.demoId).length > 0,
        'funding and interest two hours later',
      );
    },
    check: (data) => expect(list(data)[0]?.['symbol']).toBe('SOL_USDC_PERP'),
  },
  getFundingIntervalRates: { params: { symbol: 'SOL_USDC_PERP', limit: 5 } },
  getInterestHistory: { params: { asset: 'USDC' }, check: (data) => expect(list(data)[0]?.['symbol']).toBe('USDC') },
  getBorrowLendHistory: { check: (data) => expect(list(data)[0]).toMatchObject({ eventType: 'Lend', symbol: 'USDC' }) },
  getBorrowLendPositionHistory: {
    params: { state: 'Open' },
    // Two hours of lend interest have grown the position past the 1000 lent.
    check: (data) => {
      expect(list(data)[0]).toMatchObject({ symbol: 'USDC', side: 'Lend', source: 'Manual' });
      expect(Number(list(data)[0]?.['quantity'])).toBeGreaterThan(1000);
    },
  },
  getDustHistory: { check: (data) => expect(list(data)[0]).toMatchObject({ symbol: 'USDT', quantity: '0.5' }) },
  getFills: {
    params: { symbol: 'SOL_USDC_PERP', fillType: 'User' },
    check: (data) => expect(list(data)[0]).toMatchObject({ side: 'Bid', quantity: '2' }),
  },
  getOrderHistory: {
    params: (s) => ({ orderId: id(s, 'order') }),
    check: (data) => expect(list(data).map((o) => o['status'])).toEqual(['Cancelled']),
  },
  getPositionHistory: {
    params: { symbol: 'SOL_USDC_PERP' },
    check: (data) => expect(list(data)[0]?.['symbol']).toBe('SOL_USDC_PERP'),
  },
  getRfqHistory: {
    params: (s) => ({ rfqId: id(s, 'rfq') }),
    check: (data) => expect(list(data)[0]?.['status']).toBe('Filled'),
  },
  getQuoteHistory: {
    params: (s) => ({ quoteId: id(s, 'demoQuote') }),
    check: (data) => expect(list(data)[0]?.['status']).toBe('Filled'),
  },
  getRfqFillHistory: {
    check: (data, s) =>
      expect(list(data)[0]).toMatchObject({ rfqId: id(s, 'rfq'), quoteId: id(s, 'quote'), fillPrice: '151' }),
  },
  getQuoteFillHistory: {
    check: (data, s) => expect(list(data)[0]).toMatchObject({ quoteId: id(s, 'demoQuote'), side: 'Bid' }),
  },
  getSettlementHistory: {
    params: { source: 'FundingPayment' },
    check: (data) => expect(list(data)[0]?.['source']).toBe('FundingPayment'),
  },
  getStrategiesHistory: {
    params: { symbol: 'SOL_USDC', sortDirection: 'Asc' },
    check: (data, s) => expect(list(data)[0]).toMatchObject({ id: id(s, 'strategy'), status: 'Cancelled' }),
  },
  getVaultMintHistory: {
    params: { vaultId: 1 },
    check: (data) => expect(list(data)[0]).toMatchObject({ vaultId: 1, quantity: '1000' }),
  },
  getVaultRedeemHistory: {
    params: { vaultId: 1 },
    check: (data) =>
      expect(
        list(data)
          .map((r) => r['status'])
          .sort(),
      ).toEqual(['Cancelled', 'Redeemed']),
  },
  getPnlHistory: { mayBeEmpty: true, check: (data) => expect(data).toEqual([]) },
};

interface RawAnswer {
  readonly path: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly text: string;
}

let sandbox: SandboxHandle;
let sweep: Sweep;
const shapes = loadWireShapes();
/** Every row of the table, with its step: those above first, in their order, then the rest in table order. */
const RUN: readonly (readonly [EndpointName, Step])[] = [
  ...(Object.entries(SWEEP) as [EndpointName, Step][]),
  ...(Object.keys(endpoints) as EndpointName[]).filter((name) => !(name in SWEEP)).map((name) => [name, {}] as const),
];
const answers: RawAnswer[] = [];

beforeAll(async () => {
  let skew = 0;
  const clock = (): number => Date.now() + skew;
  sandbox = await startSandbox({ seed: 21, clock, flow: { enabled: false } });
  // Record every raw answer so empty and text bodies are checked as they came over the wire.
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    answers.push({
      path: new URL(String(input)).pathname,
      status: response.status,
      contentType: response.headers.get('content-type'),
      text: await response.clone().text(),
    });
    return response;
  };
  const demo = restWithClock('demo', clock, recordingFetch);
  sweep = {
    sandbox,
    demo,
    alice: restWithClock('alice', clock),
    demoId: account(sandbox, 'demo').accountId,
    skew: (ms) => void (skew += ms),
    ids: {},
  };
});
afterAll(async () => {
  await sandbox.close();
});

/** A client on the sweep's clock (which runs ahead of the wall clock once the sweep skips two hours). */
function restWithClock(name: string, clock: () => number, fetchFn: typeof fetch = fetch): BackpackRest {
  const { apiKey, apiSecret } = account(sandbox, name);
  return new BackpackRest({
    baseUrl: sandbox.restUrl,
    key: loadSigningKey(apiSecret, apiKey),
    clockSync: false,
    maxRetries: 0,
    now: clock,
    fetch: fetchFn,
    rateLimit: { perMinute: 1_000_000, historicalPerMinute: 1_000_000 },
  });
}

/**
 * Session rows (web-session only on the exchange) are signed in the sandbox with the row's name as instruction;
 * BackpackRest refuses session rows, so the sweep sends them as that signed variant.
 */
function callable(def: EndpointDef): EndpointDef {
  return def.auth.kind === 'session' ? { ...def, auth: { kind: 'signed', instruction: def.name } } : def;
}

describe('the adapter sweep', () => {
  it('covers every endpoint of the table exactly once, each JSON one with a response type to check', () => {
    expect(RUN.map(([name]) => name).sort()).toEqual(endpointList.map((def) => def.name).sort());
    for (const def of endpointList)
      expect(shapes.response(def.name) !== undefined || def.response !== 'json', def.name).toBe(true);
  });

  for (const [name, step] of RUN) {
    const def: EndpointDef = endpoints[name];
    const shape = shapes.response(name);
    it(`${name}: ${def.method} ${def.path} answers a well-formed ${shape?.text ?? def.response}`, async () => {
      await step.before?.(sweep);
      const params = typeof step.params === 'function' ? step.params(sweep) : step.params;
      const before = answers.length;
      const data = await sweep.demo.request(callable(def), params);
      const raw = answers.slice(before).find((answer) => answer.path === def.path);
      expect(raw?.status).toBe(200);

      switch (def.response) {
        case 'empty':
          expect(data).toBeNull();
          expect(raw?.text).toBe('');
          break;
        case 'text':
          expect(typeof data).toBe('string');
          expect(raw?.contentType).toMatch(/^text\/plain/);
          expect(data).toMatch(name === 'ping' ? /^pong$/ : /^\d{13}$/);
          break;
        case 'json': {
          expect(raw?.contentType).toMatch(/^application\/json/);
          if (shape?.list === true) {
            expect(Array.isArray(data)).toBe(true);
            if (step.mayBeEmpty !== true)
              expect((data as unknown[]).length, `${name} returned an empty list`).toBeGreaterThan(0);
          }
          expect(shape?.check(data)).toEqual([]);
          break;
        }
      }
      step.check?.(data, sweep);
    });
  }
});
