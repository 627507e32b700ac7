// Every root Query and Mutation field, executed once over HTTP against the gateway on the sandbox, with a value check
// against the sandbox's own REST answer (public or signed) or state. Fails when a root field has no entry below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import { schema } from '../../src/schema/index.ts';
import { restGet, startGateway, type TestGateway } from '../support/gateway.ts';
import { gql as post } from '../support/gql.ts';

/** JSON as the wire and the gateway send it; the checks below read it field by field. */
type Json = Record<string, any>;
type Root = 'Query' | 'Mutation';

/** Ids carried from one mutation to the next (the table runs in order). */
interface State {
  orderId: string;
  batchIds: string[];
  strategyId: string;
  vaultId: string;
  twoFactorToken: string;
  rfqId: string;
  quoteId: string;
  refreshRfqId: string;
}

interface Entry {
  readonly field: `${Root}.${string}`;
  readonly query: string;
  readonly variables?: (state: State) => Record<string, unknown>;
  /** Signs as this account instead of demo (RFQs need a requester other than the quoter). */
  readonly as?: 'bob';
  /** Runs before the operation (e.g. opens what the mutation then cancels). */
  readonly setup?: (state: State) => Promise<void>;
  readonly check: (data: Json, state: State) => Promise<void> | void;
}

let env: TestGateway;
let bob: Gateway;
const state: State = {
  orderId: '',
  batchIds: [],
  strategyId: '',
  vaultId: '',
  twoFactorToken: '',
  rfqId: '',
  quoteId: '',
  refreshRfqId: '',
};

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 17, flow: { enabled: false } } });
  bob = await env.gatewayAs('bob');
});

afterAll(async () => {
  await env?.close();
});

const rest = <T = Json[]>(path: string): Promise<T> => restGet<T>(env.sandbox, path);

async function gql(source: string, variables?: Record<string, unknown>, target: Gateway = env.gateway): Promise<Json> {
  const { status, body } = await post<Json, Record<string, unknown>>(target, source, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

/** Wire enum spelling (`Ok`, `BitcoinCash`, `HyperEVM`) → GraphQL (`OK`, `BITCOIN_CASH`, `HYPER_EVM`). */
const enumOf = (wire: string): string => wire.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
/** Wire naive UTC times (`2026-09-01 17:34:00`) and epoch ms → epoch ms, to compare with ISO output. */
const ms = (value: string | number): number =>
  typeof value === 'number' ? value : Date.parse(/[zZ]$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
const pick = (row: Json, keys: readonly string[]): Json =>
  Object.fromEntries(keys.map((key) => [key, row[key] ?? null]));
const pickAll = (rows: readonly Json[], keys: readonly string[]): Json[] => rows.map((row) => pick(row, keys));

/** Hourly history series may gain a point between the two reads: equal where both have the instant. */
function expectSameSeries(actual: readonly Json[], wire: readonly Json[], keys: readonly string[]): void {
  const byTime = new Map(wire.map((row) => [ms(row['timestamp']), row]));
  const shared = actual.filter((row) => byTime.has(ms(row['timestamp'])));
  expect(shared.length).toBeGreaterThan(0);
  expect(shared.length).toBeGreaterThanOrEqual(Math.max(actual.length, wire.length) - 1);
  for (const row of shared) expect(pick(row, keys)).toEqual(pick(byTime.get(ms(row['timestamp'])) ?? {}, keys));
}

const FROM_SECONDS = Math.floor(Date.now() / 1000) - 6 * 3600;
const ADDRESS = '9xQeWvG816bUx9EPjHmaT23yvVM2ZWbrrpZb9PusVFin';
const STRATEGY = `mutation($input: CreateStrategyInput!) { createStrategy(input: $input) {
  __typename ... on CreateStrategySuccess { strategy { id status symbol side quantity } } ... on MutationError { message }
} }`;
const strategyInput = {
  symbol: 'SOL_USDC',
  side: 'BID',
  quantity: '1',
  durationMs: 3_600_000,
  intervalMs: 60_000,
  price: '120',
};

const queries: Entry[] = [
  {
    field: 'Query.account',
    query:
      '{ account { balances { symbol available locked staked } summary { settings { autoLend } limits { leverageLimit } } } }',
    check: async (data) => {
      const wire = await env.rest.call('getBalances');
      expect(
        Object.fromEntries(
          data['account'].balances.map((b: Json) => [b['symbol'], pick(b, ['available', 'locked', 'staked'])]),
        ),
      ).toEqual(wire);
      const summary = await env.rest.call('getAccount');
      expect(data['account'].summary).toEqual({
        settings: { autoLend: summary.autoLend },
        limits: { leverageLimit: summary.leverageLimit },
      });
    },
  },
  {
    field: 'Query.asset',
    query: '{ asset(symbol: "SOL") { symbol displayName } }',
    check: async (data) =>
      expect(data['asset']).toEqual(
        pick((await rest('/api/v1/assets')).find((a) => a['symbol'] === 'SOL') ?? {}, ['symbol', 'displayName']),
      ),
  },
  {
    field: 'Query.assets',
    query: '{ assets { symbol displayName coingeckoId } }',
    check: async (data) =>
      expect(data['assets']).toEqual(pickAll(await rest('/api/v1/assets'), ['symbol', 'displayName', 'coingeckoId'])),
  },
  {
    field: 'Query.borrowLendApy',
    query:
      '{ borrowLendApy { borrowLend { symbol borrowRate lendRate } staking { symbol stakingRate dilutionFactor } } }',
    check: async (data) => expect(data['borrowLendApy']).toEqual(await rest<Json>('/api/v1/borrowLend/apy')),
  },
  {
    field: 'Query.borrowLendMarketHistory',
    query:
      '{ borrowLendMarketHistory(interval: ONE_DAY, symbol: "USDC") { timestamp borrowInterestRate lendInterestRate utilization lentQuantity } }',
    check: async (data) => {
      const wire = await rest('/api/v1/borrowLend/markets/history?interval=1d&symbol=USDC');
      expectSameSeries(data['borrowLendMarketHistory'], wire, [
        'borrowInterestRate',
        'lendInterestRate',
        'utilization',
        'lentQuantity',
      ]);
    },
  },
  {
    field: 'Query.borrowLendMarkets',
    query: '{ borrowLendMarkets { symbol borrowInterestRate lendInterestRate utilization openBorrowLendLimit } }',
    check: async (data) => {
      const keys = ['symbol', 'borrowInterestRate', 'lendInterestRate', 'utilization', 'openBorrowLendLimit'];
      expect(data['borrowLendMarkets']).toEqual(pickAll(await rest('/api/v1/borrowLend/markets'), keys));
    },
  },
  {
    field: 'Query.collateralParameters',
    query: '{ collateralParameters { symbol imfFunction { base factor } mmfFunction { base factor } } }',
    check: async (data) => {
      const wire = await rest('/api/v1/collateral');
      expect(data['collateralParameters']).toEqual(
        wire.map((c) => ({
          symbol: c['symbol'],
          imfFunction: pick(c['imfFunction'], ['base', 'factor']),
          mmfFunction: pick(c['mmfFunction'], ['base', 'factor']),
        })),
      );
    },
  },
  {
    field: 'Query.fundingRates',
    query:
      '{ fundingRates(symbol: "SOL_USDC_PERP", limit: 10) { items { symbol fundingRate intervalEnd } pageInfo { limit offset hasNextPage } } }',
    check: async (data) => {
      const wire = await rest('/api/v1/fundingRates?symbol=SOL_USDC_PERP&limit=10');
      expect(data['fundingRates'].items.map((r: Json) => ({ ...r, intervalEnd: ms(r['intervalEnd']) }))).toEqual(
        wire.map((r) => ({
          symbol: r['symbol'],
          fundingRate: r['fundingRate'],
          intervalEnd: ms(r['intervalEndTimestamp']),
        })),
      );
      expect(data['fundingRates'].pageInfo).toEqual({ limit: 10, offset: 0, hasNextPage: false });
    },
  },
  {
    field: 'Query.klines',
    query:
      'query($from: Timestamp!) { klines(symbol: "SOL_USDC", interval: ONE_HOUR, from: $from) { start open high low close volume trades } }',
    variables: () => ({ from: FROM_SECONDS * 1000 }),
    check: async (data) => {
      const wire = await rest(`/api/v1/klines?symbol=SOL_USDC&interval=1h&startTime=${FROM_SECONDS}`);
      expect(wire.length).toBeGreaterThan(0);
      expect(data['klines'].map((k: Json) => ({ ...k, start: ms(k['start']) }))).toEqual(
        wire.map((k) => ({
          ...pick(k, ['open', 'high', 'low', 'close', 'volume']),
          start: ms(k['start']),
          trades: Number(k['trades']),
        })),
      );
    },
  },
  {
    field: 'Query.markPrice',
    query: '{ markPrice(symbol: "SOL_USDC_PERP") { symbol markPrice indexPrice fundingRate } }',
    check: async (data) =>
      expect(data['markPrice']).toEqual(
        pick((await rest('/api/v1/markPrices')).find((m) => m['symbol'] === 'SOL_USDC_PERP') ?? {}, [
          'symbol',
          'markPrice',
          'indexPrice',
          'fundingRate',
        ]),
      ),
  },
  {
    field: 'Query.markPrices',
    query: '{ markPrices { symbol markPrice indexPrice fundingRate } }',
    check: async (data) =>
      expect(data['markPrices']).toEqual(
        pickAll(await rest('/api/v1/markPrices'), ['symbol', 'markPrice', 'indexPrice', 'fundingRate']),
      ),
  },
  {
    field: 'Query.market',
    query:
      '{ market(symbol: "SOL_USDC_PERP") { symbol baseSymbol quoteSymbol marketType filters { price { tickSize } quantity { stepSize minQuantity } } } }',
    check: async (data) => {
      const wire = await rest<Json>('/api/v1/market?symbol=SOL_USDC_PERP');
      expect(data['market']).toEqual({
        ...pick(wire, ['symbol', 'baseSymbol', 'quoteSymbol', 'marketType']),
        filters: {
          price: pick(wire['filters'].price, ['tickSize']),
          quantity: pick(wire['filters'].quantity, ['stepSize', 'minQuantity']),
        },
      });
    },
  },
  {
    field: 'Query.marketHolidays',
    query: '{ marketHolidays { market name date startTime endTime timezone } }',
    check: async (data) =>
      expect(data['marketHolidays']).toEqual(
        pickAll(await rest('/api/v1/market-holidays'), ['market', 'name', 'date', 'startTime', 'endTime', 'timezone']),
      ),
  },
  {
    field: 'Query.marketSessions',
    query: '{ marketSessions { name description startTime endTime timezone startWeekday endWeekday } }',
    check: async (data) => {
      const keys = ['name', 'description', 'startTime', 'endTime', 'timezone', 'startWeekday', 'endWeekday'];
      expect(data['marketSessions']).toEqual(pickAll(await rest('/api/v1/market-sessions'), keys));
    },
  },
  {
    field: 'Query.markets',
    query: '{ markets { symbol baseSymbol marketType } }',
    check: async (data) =>
      expect(data['markets']).toEqual(pickAll(await rest('/api/v1/markets'), ['symbol', 'baseSymbol', 'marketType'])),
  },
  {
    field: 'Query.openInterest',
    query: '{ openInterest { symbol openInterest timestamp } }',
    check: async (data) => {
      const wire = await rest('/api/v1/openInterest');
      expect(data['openInterest'].map((o: Json) => pick(o, ['symbol', 'openInterest']))).toEqual(
        pickAll(wire, ['symbol', 'openInterest']),
      );
      expect(data['openInterest'].every((o: Json) => Number.isFinite(ms(o['timestamp'])))).toBe(true);
    },
  },
  {
    field: 'Query.orderBook',
    query:
      '{ orderBook(symbol: "ETH_USDC", limit: 5) { lastUpdateId bids { price quantity } asks { price quantity } } }',
    check: async (data) => {
      const wire = await rest<Json>('/api/v1/depth?symbol=ETH_USDC&limit=5');
      const levels = (rows: [string, string][]): Json[] => rows.map(([price, quantity]) => ({ price, quantity }));
      expect(data['orderBook']).toEqual({
        lastUpdateId: wire['lastUpdateId'],
        bids: levels([...wire['bids']].reverse()),
        asks: levels(wire['asks']),
      });
    },
  },
  {
    field: 'Query.ping',
    query: '{ ping }',
    check: async (data) => expect(data['ping']).toBe(await (await fetch(`${env.sandbox.restUrl}/api/v1/ping`)).text()),
  },
  {
    field: 'Query.predictionEvents',
    query: '{ predictionEvents(limit: 10) { items { slug title resolved } } }',
    check: async (data) => {
      const wire = await rest('/api/v1/prediction?limit=10');
      expect(wire.length).toBeGreaterThan(0);
      expect(data['predictionEvents'].items.map((e: Json) => pick(e, ['slug', 'title']))).toEqual(
        pickAll(wire, ['slug', 'title']),
      );
    },
  },
  {
    field: 'Query.predictionTags',
    query: '{ predictionTags { items { slug title } } }',
    check: async (data) =>
      expect(data['predictionTags'].items).toEqual(pickAll(await rest('/api/v1/prediction/tags'), ['slug', 'title'])),
  },
  {
    field: 'Query.recentTrades',
    query: '{ recentTrades(symbol: "SOL_USDC", limit: 5) { id price quantity quoteQuantity isBuyerMaker takerSide } }',
    check: async (data) => {
      const wire = await rest('/api/v1/trades?symbol=SOL_USDC&limit=5');
      expect(data['recentTrades']).toEqual(
        wire.map((t) => ({
          ...pick(t, ['price', 'quantity', 'quoteQuantity', 'isBuyerMaker']),
          id: String(t['id']),
          takerSide: t['isBuyerMaker'] ? 'ASK' : 'BID',
        })),
      );
    },
  },
  {
    field: 'Query.securities',
    query: '{ securities { asset cusip name } }',
    check: async (data) =>
      expect(data['securities']).toEqual(pickAll(await rest('/api/v1/securities'), ['asset', 'cusip', 'name'])),
  },
  {
    field: 'Query.serverTime',
    query: '{ serverTime }',
    check: async (data) => {
      const wire = await rest<number>('/api/v1/time');
      expect(Math.abs(wire - ms(data['serverTime']))).toBeLessThan(5_000);
    },
  },
  {
    field: 'Query.status',
    query: '{ status { status message } }',
    check: async (data) => {
      const wire = await rest<Json>('/api/v1/status');
      expect(data['status']).toEqual({ status: enumOf(wire['status']), message: wire['message'] });
    },
  },
  {
    field: 'Query.streamStatus',
    // Gateway state, not an exchange answer: nobody has subscribed, so nothing is open or buffered.
    query: '{ streamStatus { clients { connections } subscriptions { active overflows } orderBooks { symbol } } }',
    check: (data) =>
      expect(data['streamStatus']).toEqual({
        clients: { connections: 0 },
        subscriptions: { active: 0, overflows: 0 },
        orderBooks: [],
      }),
  },
  {
    field: 'Query.ticker',
    query: '{ ticker(symbol: "SOL_USDC") { symbol lastPrice high low volume quoteVolume trades } }',
    check: async (data) => {
      const wire = await rest<Json>('/api/v1/ticker?symbol=SOL_USDC');
      expect(data['ticker']).toEqual({
        ...pick(wire, ['symbol', 'lastPrice', 'high', 'low', 'volume', 'quoteVolume']),
        trades: Number(wire['trades']),
      });
    },
  },
  {
    field: 'Query.tickers',
    query: '{ tickers { symbol lastPrice volume priceChangeFraction } }',
    check: async (data) => {
      const wire = await rest('/api/v1/tickers');
      expect(data['tickers']).toEqual(
        wire.map((t) => ({
          ...pick(t, ['symbol', 'lastPrice', 'volume']),
          priceChangeFraction: t['priceChangePercent'],
        })),
      );
    },
  },
  {
    field: 'Query.tradeHistory',
    query:
      '{ tradeHistory(symbol: "SOL_USDC", limit: 2, offset: 1) { items { id price quantity } pageInfo { limit offset } } }',
    check: async (data) => {
      const wire = await rest('/api/v1/trades/history?symbol=SOL_USDC&limit=2&offset=1');
      expect(wire).toHaveLength(2);
      expect(data['tradeHistory']).toEqual({
        items: wire.map((t) => ({ ...pick(t, ['price', 'quantity']), id: String(t['id']) })),
        pageInfo: { limit: 2, offset: 1 },
      });
    },
  },
  {
    field: 'Query.vaultHistory',
    query:
      '{ vaultHistory(interval: ONE_DAY, vaultId: "1") { vaultId timestamp nav vaultEquity tokenCirculatingSupply } }',
    check: async (data) => {
      const wire = (await rest('/api/v1/vaults/history?interval=1d&vaultId=1')).map((row) => ({
        ...row,
        vaultId: String(row['vaultId']),
      }));
      expectSameSeries(data['vaultHistory'], wire, ['vaultId', 'nav', 'vaultEquity', 'tokenCirculatingSupply']);
    },
  },
  {
    field: 'Query.vaults',
    query: '{ vaults { id symbol vaultToken minMintQuantity redeemDelayMs mintsEnabled } }',
    check: async (data) => {
      const wire = await rest('/api/v1/vaults');
      expect(data['vaults']).toEqual(
        wire.map((v) => ({
          ...pick(v, ['symbol', 'vaultToken', 'minMintQuantity', 'redeemDelayMs', 'mintsEnabled']),
          id: String(v['id']),
        })),
      );
    },
  },
  {
    field: 'Query.wallets',
    query: '{ wallets { blockchain address } }',
    check: async (data) =>
      expect(data['wallets']).toEqual(
        (await rest('/api/v1/wallets')).map((w) => ({ blockchain: enumOf(w['blockchain']), address: w['address'] })),
      ),
  },
];

// In order: each mutation's effect is read back from the sandbox's signed REST API; later ones use earlier ids.
const mutations: Entry[] = [
  {
    field: 'Mutation.updateAccountSettings',
    query:
      'mutation { updateAccountSettings(input: { autoLend: true, leverageLimit: "4" }) { __typename ... on MutationError { message } } }',
    check: async (data) => {
      expect(data['updateAccountSettings']).toEqual({ __typename: 'UpdateAccountSettingsSuccess' });
      expect(await env.rest.call('getAccount')).toMatchObject({ autoLend: true, leverageLimit: '4' });
    },
  },
  {
    field: 'Mutation.executeOrder',
    query: `mutation { executeOrder(input: { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "121", quantity: "1.5", clientId: "501" }) {
      __typename ... on ExecuteOrderSuccess { order { id status } } ... on MutationError { message }
    } }`,
    check: async (data, s) => {
      expect(data['executeOrder']).toMatchObject({ __typename: 'ExecuteOrderSuccess', order: { status: 'NEW' } });
      s.orderId = data['executeOrder'].order.id;
      expect(await env.rest.call('getOrder', { symbol: 'SOL_USDC', orderId: s.orderId })).toMatchObject({
        id: s.orderId,
        clientId: 501,
        price: '121',
        quantity: '1.5',
        status: 'New',
      });
    },
  },
  {
    field: 'Mutation.cancelOrder',
    query:
      'mutation($id: ID!) { cancelOrder(input: { symbol: "SOL_USDC", id: $id }) { __typename ... on CancelOrderSuccess { order { id status } } } }',
    variables: (s) => ({ id: s.orderId }),
    check: async (data, s) => {
      expect(data['cancelOrder']).toEqual({
        __typename: 'CancelOrderSuccess',
        order: { id: s.orderId, status: 'CANCELLED' },
      });
      expect((await env.rest.call('getOpenOrders', { symbol: 'SOL_USDC' })).map((o) => o.id)).not.toContain(s.orderId);
    },
  },
  {
    field: 'Mutation.executeOrders',
    query: `mutation { executeOrders(inputs: [
      { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "110", quantity: "1" },
      { symbol: "SOL_USDC", side: BID, orderType: LIMIT, price: "111", quantity: "1" }
    ]) { __typename ... on ExecuteOrdersSuccess { results { __typename ... on ExecuteOrdersItemSuccess { order { id price } } } } } }`,
    check: async (data, s) => {
      const results: Json[] = data['executeOrders'].results;
      expect(results.map((r) => [r['__typename'], r['order']?.price])).toEqual([
        ['ExecuteOrdersItemSuccess', '110'],
        ['ExecuteOrdersItemSuccess', '111'],
      ]);
      s.batchIds = results.map((r) => r['order'].id);
      const open = (await env.rest.call('getOpenOrders', { symbol: 'SOL_USDC' })).map((o) => o.id);
      expect(open).toEqual(expect.arrayContaining(s.batchIds));
    },
  },
  {
    field: 'Mutation.cancelOpenOrders',
    query:
      'mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename ... on CancelOpenOrdersSuccess { orders { id status } } } }',
    check: async (data, s) => {
      expect(data['cancelOpenOrders'].orders.map((o: Json) => o['id']).sort()).toEqual([...s.batchIds].sort());
      expect(await env.rest.call('getOpenOrders', { symbol: 'SOL_USDC' })).toEqual([]);
    },
  },
  {
    field: 'Mutation.createStrategy',
    query: STRATEGY,
    variables: () => ({ input: strategyInput }),
    check: async (data, s) => {
      expect(data['createStrategy']).toMatchObject({
        __typename: 'CreateStrategySuccess',
        strategy: { status: 'RUNNING', side: 'BID', quantity: '1' },
      });
      s.strategyId = data['createStrategy'].strategy.id;
      expect(await env.rest.call('getStrategy', { symbol: 'SOL_USDC', strategyId: s.strategyId })).toMatchObject({
        id: s.strategyId,
        status: 'Running',
        quantity: '1',
      });
    },
  },
  {
    field: 'Mutation.cancelStrategy',
    query:
      'mutation($id: ID!) { cancelStrategy(symbol: "SOL_USDC", id: $id) { __typename ... on CancelStrategySuccess { strategy { id } } } }',
    variables: (s) => ({ id: s.strategyId }),
    check: async (data, s) => {
      expect(data['cancelStrategy']).toEqual({ __typename: 'CancelStrategySuccess', strategy: { id: s.strategyId } });
      expect((await env.rest.call('getOpenStrategies', { symbol: 'SOL_USDC' })).map((x) => x.id)).not.toContain(
        s.strategyId,
      );
    },
  },
  {
    field: 'Mutation.cancelOpenStrategies',
    query:
      'mutation { cancelOpenStrategies(symbol: "SOL_USDC") { __typename ... on CancelOpenStrategiesSuccess { strategies { id } } } }',
    setup: async (s) => {
      s.strategyId = (await gql(STRATEGY, { input: strategyInput }))['createStrategy'].strategy.id;
      expect((await env.rest.call('getOpenStrategies', { symbol: 'SOL_USDC' })).map((x) => x.id)).toEqual([
        s.strategyId,
      ]);
    },
    check: async (data, s) => {
      expect(data['cancelOpenStrategies']).toEqual({
        __typename: 'CancelOpenStrategiesSuccess',
        strategies: [{ id: s.strategyId }],
      });
      expect(await env.rest.call('getOpenStrategies', { symbol: 'SOL_USDC' })).toEqual([]);
    },
  },
  {
    field: 'Mutation.borrowLend',
    query:
      'mutation { borrowLend(input: { asset: "USDC", side: LEND, quantity: "250" }) { __typename ... on BorrowLendSuccess { execution { quantity position { netQuantity } } } } }',
    check: async (data) => {
      expect(data['borrowLend']).toEqual({
        __typename: 'BorrowLendSuccess',
        execution: { quantity: '250', position: { netQuantity: '250' } },
      });
      expect((await env.rest.call('getBorrowLendPositions')).find((p) => p.symbol === 'USDC')).toMatchObject({
        netQuantity: '250',
      });
    },
  },
  {
    field: 'Mutation.convertDust',
    query:
      'mutation { convertDust { __typename ... on ConvertDustSuccess { balances { symbol available locked staked } } } }',
    check: async (data) => {
      expect(data['convertDust'].__typename).toBe('ConvertDustSuccess');
      const wire = await env.rest.call('getBalances');
      expect(
        Object.fromEntries(
          data['convertDust'].balances.map((b: Json) => [b['symbol'], pick(b, ['available', 'locked', 'staked'])]),
        ),
      ).toEqual(wire);
    },
  },
  {
    field: 'Mutation.mintVault',
    query:
      'mutation($vaultId: ID!) { mintVault(vaultId: $vaultId, quantity: "500") { __typename ... on MintVaultSuccess { request { quantity vault { id symbol } } } } }',
    setup: async (s) => {
      s.vaultId = String((await rest('/api/v1/vaults')).find((v) => v['symbol'] === 'USDC')?.['id']);
    },
    variables: (s) => ({ vaultId: s.vaultId }),
    check: async (data, s) => {
      expect(data['mintVault']).toEqual({
        __typename: 'MintVaultSuccess',
        request: { quantity: '500', vault: { id: s.vaultId, symbol: 'USDC' } },
      });
      expect(await env.rest.call('getVaultMintHistory', { vaultId: Number(s.vaultId) })).toEqual([
        expect.objectContaining({ quantity: '500' }),
      ]);
    },
  },
  {
    field: 'Mutation.requestVaultRedeem',
    query:
      'mutation($vaultId: ID!) { requestVaultRedeem(vaultId: $vaultId) { __typename ... on RequestVaultRedeemSuccess { request { vault { id } } } } }',
    variables: (s) => ({ vaultId: s.vaultId }),
    check: async (data, s) => {
      expect(data['requestVaultRedeem']).toEqual({
        __typename: 'RequestVaultRedeemSuccess',
        request: { vault: { id: s.vaultId } },
      });
      expect(await env.rest.call('getVaultPendingRedeems', { vaultId: Number(s.vaultId) })).toHaveLength(1);
    },
  },
  {
    field: 'Mutation.cancelVaultRedeem',
    query:
      'mutation($vaultId: ID!) { cancelVaultRedeem(vaultId: $vaultId) { __typename ... on CancelVaultRedeemSuccess { request { vault { id } } } } }',
    variables: (s) => ({ vaultId: s.vaultId }),
    check: async (data, s) => {
      expect(data['cancelVaultRedeem']).toEqual({
        __typename: 'CancelVaultRedeemSuccess',
        request: { vault: { id: s.vaultId } },
      });
      expect(await env.rest.call('getVaultPendingRedeems', { vaultId: Number(s.vaultId) })).toEqual([]);
    },
  },
  {
    field: 'Mutation.requestWithdrawal',
    query: `mutation { requestWithdrawal(input: { asset: "USDC", quantity: "12.5", blockchain: SOLANA, address: "${ADDRESS}", clientId: "cov-1" }) {
      __typename ... on RequestWithdrawalSuccess { withdrawal { id quantity } } ... on MutationError { message }
    } }`,
    check: async (data) => {
      expect(data['requestWithdrawal']).toMatchObject({
        __typename: 'RequestWithdrawalSuccess',
        withdrawal: { quantity: '12.5' },
      });
      const { id } = data['requestWithdrawal'].withdrawal;
      expect(await env.rest.call('getWithdrawals', {})).toContainEqual(
        expect.objectContaining({ id: Number(id), quantity: '12.5', toAddress: ADDRESS, clientId: 'cov-1' }),
      );
    },
  },
  {
    field: 'Mutation.issueTwoFactorToken',
    query:
      'mutation { issueTwoFactorToken(app: "coverage") { __typename ... on IssueTwoFactorTokenSuccess { token { signature } } } }',
    check: (data, s) => {
      expect(data['issueTwoFactorToken'].__typename).toBe('IssueTwoFactorTokenSuccess');
      s.twoFactorToken = data['issueTwoFactorToken'].token.signature;
      expect(Buffer.from(s.twoFactorToken, 'base64').length).toBeGreaterThan(0);
    },
  },
  {
    field: 'Mutation.createWithdrawalDelay',
    query:
      'mutation($token: String!) { createWithdrawalDelay(input: { hours: 24, twoFactorToken: $token }) { __typename ... on MutationError { message } } }',
    variables: (s) => ({ token: s.twoFactorToken }),
    setup: async () => env.sandbox.stats.resetRequests(),
    // Web sessions only: the gateway answers ExchangeRejected for API keys without calling the exchange.
    check: (data) => {
      expect(data['createWithdrawalDelay']).toMatchObject({
        __typename: 'ExchangeRejected',
        message: expect.stringContaining('/wapi/v1/capital/withdrawals/delay'),
      });
      expect(env.sandbox.stats.requests()).toEqual({});
    },
  },
  {
    field: 'Mutation.updateWithdrawalDelay',
    query:
      'mutation($token: String!) { updateWithdrawalDelay(input: { hours: 48, twoFactorToken: $token }) { __typename ... on MutationError { message } } }',
    variables: (s) => ({ token: s.twoFactorToken }),
    setup: async () => env.sandbox.stats.resetRequests(),
    check: (data) => {
      expect(data['updateWithdrawalDelay']).toMatchObject({
        __typename: 'ExchangeRejected',
        message: expect.stringContaining('/wapi/v1/capital/withdrawals/delay'),
      });
      expect(env.sandbox.stats.requests()).toEqual({});
    },
  },
  {
    field: 'Mutation.submitRfq',
    as: 'bob',
    query:
      'mutation { submitRfq(input: { symbol: "SOL_USDC_RFQ", side: BID, quantity: "2", clientId: "88" }) { __typename ... on SubmitRfqSuccess { rfq { id status } } ... on MutationError { message } } }',
    check: async (data, s) => {
      expect(data['submitRfq']).toMatchObject({ __typename: 'SubmitRfqSuccess', rfq: { status: 'NEW' } });
      s.rfqId = data['submitRfq'].rfq.id;
      expect(await env.restAs('bob').call('getRfqs', {})).toContainEqual(
        expect.objectContaining({ rfqId: s.rfqId, clientId: 88, quantity: '2', side: 'Bid' }),
      );
    },
  },
  {
    field: 'Mutation.submitQuote',
    query:
      'mutation($rfqId: ID!) { submitQuote(input: { rfqId: $rfqId, bidPrice: "148", askPrice: "152" }) { __typename ... on SubmitQuoteSuccess { quote { id rfqId status } } ... on MutationError { message } } }',
    variables: (s) => ({ rfqId: s.rfqId }),
    check: async (data, s) => {
      expect(data['submitQuote']).toMatchObject({
        __typename: 'SubmitQuoteSuccess',
        quote: { rfqId: s.rfqId, status: 'NEW' },
      });
      s.quoteId = data['submitQuote'].quote.id;
      expect(await env.rest.call('getQuoteHistory', { quoteId: s.quoteId })).toEqual([
        expect.objectContaining({
          quoteId: s.quoteId,
          rfqId: s.rfqId,
          bidPrice: '148',
          askPrice: '152',
          status: 'New',
        }),
      ]);
    },
  },
  {
    field: 'Mutation.acceptQuote',
    as: 'bob',
    query:
      'mutation($quoteId: ID!) { acceptQuote(quoteId: $quoteId, clientId: "88") { __typename ... on AcceptQuoteSuccess { rfq { id } } ... on MutationError { message } } }',
    variables: (s) => ({ quoteId: s.quoteId }),
    check: async (data, s) => {
      expect(data['acceptQuote']).toEqual({ __typename: 'AcceptQuoteSuccess', rfq: { id: s.rfqId } });
      // Bob bought 2 at the ask: his RFQ fill history has it.
      expect(await env.restAs('bob').call('getRfqFillHistory', { quoteId: s.quoteId })).toEqual([
        expect.objectContaining({ rfqId: s.rfqId, fillPrice: '152' }),
      ]);
    },
  },
  {
    field: 'Mutation.refreshRfq',
    as: 'bob',
    query:
      'mutation($rfqId: ID!) { refreshRfq(rfqId: $rfqId) { __typename ... on RefreshRfqSuccess { rfq { id status } } ... on MutationError { message } } }',
    setup: async (s) => {
      const data = await gql(
        'mutation { submitRfq(input: { symbol: "SOL_USDC_RFQ", side: ASK, quoteQuantity: "300" }) { ... on SubmitRfqSuccess { rfq { id } } } }',
        undefined,
        bob,
      );
      s.refreshRfqId = data['submitRfq'].rfq.id;
    },
    variables: (s) => ({ rfqId: s.refreshRfqId }),
    check: async (data, s) => {
      expect(data['refreshRfq']).toEqual({
        __typename: 'RefreshRfqSuccess',
        rfq: { id: s.refreshRfqId, status: 'NEW' },
      });
      expect(await env.restAs('bob').call('getRfqs', {})).toContainEqual(
        expect.objectContaining({ rfqId: s.refreshRfqId, status: 'New' }),
      );
    },
  },
  {
    field: 'Mutation.cancelRfq',
    as: 'bob',
    query:
      'mutation($rfqId: ID!) { cancelRfq(rfqId: $rfqId) { __typename ... on CancelRfqSuccess { rfq { id status } } ... on MutationError { message } } }',
    variables: (s) => ({ rfqId: s.refreshRfqId }),
    check: async (data, s) => {
      expect(data['cancelRfq']).toEqual({
        __typename: 'CancelRfqSuccess',
        rfq: { id: s.refreshRfqId, status: 'CANCELLED' },
      });
      expect(await env.restAs('bob').call('getRfqHistory', { rfqId: s.refreshRfqId })).toEqual([
        expect.objectContaining({ rfqId: s.refreshRfqId, status: 'Cancelled', quoteQuantity: '300' }),
      ]);
    },
  },
];

function rootFields(root: Root | 'Subscription'): string[] {
  const type =
    root === 'Query'
      ? schema.getQueryType()
      : root === 'Mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  return Object.keys(type?.getFields() ?? {})
    .map((name) => `${root}.${name}`)
    .sort();
}

describe('root-field coverage', () => {
  it('has exactly one entry for every root Query and Mutation field (Subscription fields are tested in test/subscriptions)', () => {
    const covered: string[] = [...queries, ...mutations].map((entry) => entry.field);
    expect(new Set(covered).size).toBe(covered.length);
    const required = [...rootFields('Query'), ...rootFields('Mutation')];
    expect(
      required.filter((field) => !covered.includes(field)),
      'root fields without an entry in rootCoverage.sandbox.test.ts',
    ).toEqual([]);
    expect(
      covered.filter((field) => !required.includes(field)),
      'entries for fields the schema no longer has',
    ).toEqual([]);
    // Enumerated so that a renamed or removed root type shows up here too; not required to have entries.
    expect(rootFields('Subscription').length).toBeGreaterThan(0);
  });
});

describe.each([
  ['every root Query field against the sandbox', queries],
  ['every Mutation field against the sandbox, in order', mutations],
] as const)('%s', (_title, entries) => {
  for (const entry of entries) {
    it(entry.field, async () => {
      await entry.setup?.(state);
      const data = await gql(entry.query, entry.variables?.(state), entry.as === 'bob' ? bob : env.gateway);
      await entry.check(data, state);
    });
  }
});
