// Every row of the endpoint table has a home in the schema: a Query field (or a field under `Query.account`) for each
// GET, a Mutation for each POST / PATCH / DELETE. The map below is explicit; it fails when an endpoint is added
// without a field, when a listed field disappears, or when the schema layer no longer calls the endpoint.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { endpointList } from '../../src/exchange/endpoints.ts';
import { schema } from '../../src/schema/index.ts';

type Coordinate = `${'Query' | 'Mutation' | 'Account'}.${string}`;

interface Mapping {
  /** Where the endpoint surfaces in the schema. */
  readonly field: Coordinate;
  /** The endpoint the schema calls instead, when it serves this one through a batched sibling. */
  readonly via?: string;
}

/** Endpoint name → schema coordinate. `Account.*` fields are reached through `Query.account`. */
const MAP: Readonly<Record<string, Mapping>> = {
  // System and public market data
  getStatus: { field: 'Query.status' },
  ping: { field: 'Query.ping' },
  getTime: { field: 'Query.serverTime' },
  getWallets: { field: 'Query.wallets' },
  getAssets: { field: 'Query.assets' },
  getCollateralParameters: { field: 'Query.collateralParameters' },
  getMarkets: { field: 'Query.markets' },
  getMarket: { field: 'Query.market' },
  // One /tickers call answers any number of `ticker(symbol)` fields (the batching budget); /ticker is never needed.
  getTicker: { field: 'Query.ticker', via: 'getTickers' },
  getTickers: { field: 'Query.tickers' },
  getDepth: { field: 'Query.orderBook' },
  getKlines: { field: 'Query.klines' },
  getMarkPrices: { field: 'Query.markPrices' },
  getOpenInterest: { field: 'Query.openInterest' },
  getFundingIntervalRates: { field: 'Query.fundingRates' },
  getPredictionEvents: { field: 'Query.predictionEvents' },
  getPredictionTags: { field: 'Query.predictionTags' },
  getSecurities: { field: 'Query.securities' },
  getMarketSessions: { field: 'Query.marketSessions' },
  getMarketHolidays: { field: 'Query.marketHolidays' },
  getRecentTrades: { field: 'Query.recentTrades' },
  getHistoricalTrades: { field: 'Query.tradeHistory' },
  getBorrowLendMarkets: { field: 'Query.borrowLendMarkets' },
  getBorrowLendMarketsHistory: { field: 'Query.borrowLendMarketHistory' },
  getBorrowLendApy: { field: 'Query.borrowLendApy' },
  getVaults: { field: 'Query.vaults' },
  getVaultsHistory: { field: 'Query.vaultHistory' },
  // Account reads
  getAccount: { field: 'Account.summary' },
  getMaxBorrowQuantity: { field: 'Account.maxBorrowQuantity' },
  getMaxOrderQuantity: { field: 'Account.maxOrderQuantity' },
  getMaxWithdrawalQuantity: { field: 'Account.maxWithdrawalQuantity' },
  getBalances: { field: 'Account.balances' },
  getCollateral: { field: 'Account.collateral' },
  getDeposits: { field: 'Account.deposits' },
  getDepositAddress: { field: 'Account.depositAddress' },
  getWithdrawals: { field: 'Account.withdrawals' },
  getWithdrawalDelay: { field: 'Account.withdrawalDelay' },
  getPositions: { field: 'Account.positions' },
  getBorrowLendPositions: { field: 'Account.borrowLendPositions' },
  getBorrowLendEstimatedLiquidationPrice: { field: 'Account.borrowLendLiquidationPrice' },
  getOrder: { field: 'Account.order' },
  getOpenOrders: { field: 'Account.openOrders' },
  getRfqs: { field: 'Account.rfqs' },
  getStrategy: { field: 'Account.strategy' },
  getOpenStrategies: { field: 'Account.openStrategies' },
  getBorrowLendHistory: { field: 'Account.borrowLendHistory' },
  getInterestHistory: { field: 'Account.interestHistory' },
  getBorrowLendPositionHistory: { field: 'Account.borrowLendPositionHistory' },
  getDustHistory: { field: 'Account.dustHistory' },
  getFills: { field: 'Account.fills' },
  getFundingPayments: { field: 'Account.fundingPayments' },
  getOrderHistory: { field: 'Account.orderHistory' },
  getPositionHistory: { field: 'Account.positionHistory' },
  getRfqHistory: { field: 'Account.rfqHistory' },
  getQuoteHistory: { field: 'Account.quoteHistory' },
  getRfqFillHistory: { field: 'Account.rfqFillHistory' },
  getQuoteFillHistory: { field: 'Account.quoteFillHistory' },
  getSettlementHistory: { field: 'Account.settlements' },
  getStrategiesHistory: { field: 'Account.strategyHistory' },
  getVaultMintHistory: { field: 'Account.vaultMints' },
  getVaultRedeemHistory: { field: 'Account.vaultRedeems' },
  getVaultPendingRedeems: { field: 'Account.vaultPendingRedeems' },
  getVaultNav: { field: 'Account.vaultNav' },
  // Writes
  updateAccountSettings: { field: 'Mutation.updateAccountSettings' },
  convertDust: { field: 'Mutation.convertDust' },
  requestWithdrawal: { field: 'Mutation.requestWithdrawal' },
  createWithdrawalDelay: { field: 'Mutation.createWithdrawalDelay' },
  updateWithdrawalDelay: { field: 'Mutation.updateWithdrawalDelay' },
  executeBorrowLend: { field: 'Mutation.borrowLend' },
  issueTwoFactorToken: { field: 'Mutation.issueTwoFactorToken' },
  executeOrder: { field: 'Mutation.executeOrder' },
  cancelOrder: { field: 'Mutation.cancelOrder' },
  executeOrderBatch: { field: 'Mutation.executeOrders' },
  cancelOpenOrders: { field: 'Mutation.cancelOpenOrders' },
  submitRfq: { field: 'Mutation.submitRfq' },
  acceptQuote: { field: 'Mutation.acceptQuote' },
  refreshRfq: { field: 'Mutation.refreshRfq' },
  cancelRfq: { field: 'Mutation.cancelRfq' },
  submitQuote: { field: 'Mutation.submitQuote' },
  strategyCreate: { field: 'Mutation.createStrategy' },
  cancelStrategy: { field: 'Mutation.cancelStrategy' },
  cancelOpenStrategies: { field: 'Mutation.cancelOpenStrategies' },
  vaultMint: { field: 'Mutation.mintVault' },
  vaultRedeem: { field: 'Mutation.requestVaultRedeem' },
  cancelVaultRedeem: { field: 'Mutation.cancelVaultRedeem' },
};

/** Rows deliberately without a field, and why. */
const EXCLUDED: Readonly<Record<string, string>> = {
  getOpenInterests:
    'GET /api/v1/openInterests is deprecated (2025-03-19); Query.openInterest uses /openInterest without a symbol',
  getPnlHistory: 'GET /wapi/v1/history/pnl was removed from the exchange (2025-08-07)',
};

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every quoted identifier in the schema layer (resolvers and loaders): the endpoint names it can call. */
const schemaLayerNames = new Set(
  [...sources(join(ROOT, 'src/schema')), readFileSync(join(ROOT, 'src/loaders.ts'), 'utf8')].flatMap((text) =>
    [...text.matchAll(/'([A-Za-z]+)'/g)].map((match) => match[1] ?? ''),
  ),
);

function fieldAt(coordinate: Coordinate) {
  const [typeName = '', fieldName = ''] = coordinate.split('.');
  const type = schema.getType(typeName);
  return isObjectType(type) ? type.getFields()[fieldName] : undefined;
}

describe('endpoint table → schema coverage', () => {
  it('maps or explicitly excludes every endpoint of the table, and nothing else', () => {
    const names = endpointList.map((row) => row.name);
    const unmapped = names.filter((name) => !(name in MAP) && !(name in EXCLUDED));
    expect(unmapped, 'endpoints without a schema field: add one, or an exclusion with a reason').toEqual([]);
    const stale = [...Object.keys(MAP), ...Object.keys(EXCLUDED)].filter((name) => !names.includes(name));
    expect(stale, 'entries for endpoints the table no longer has').toEqual([]);
    expect(Object.keys(MAP).filter((name) => name in EXCLUDED)).toEqual([]);
  });

  it('excludes only the deprecated and removed rows', () => {
    const excludedRows = endpointList.filter((row) => row.name in EXCLUDED).map((row) => [row.name, row.status]);
    expect(excludedRows).toEqual([
      ['getOpenInterests', 'deprecated'],
      ['getPnlHistory', 'removed'],
    ]);
  });

  it('points every endpoint at a field that exists', () => {
    const missing = Object.entries(MAP)
      .filter(([, mapping]) => fieldAt(mapping.field) === undefined)
      .map(([name, mapping]) => `${name} → ${mapping.field}`);
    expect(missing).toEqual([]);
  });

  it('puts reads under Query (directly or via Query.account) and writes under Mutation', () => {
    const account = schema.getQueryType()?.getFields()['account'];
    expect(account && getNamedType(account.type).name).toBe('Account');
    const wrong = endpointList
      .filter((row) => row.name in MAP)
      .filter((row) => {
        const root = MAP[row.name]?.field.split('.')[0];
        return row.method === 'GET' ? root === 'Mutation' : root !== 'Mutation';
      })
      .map((row) => `${row.method} ${row.path} → ${MAP[row.name]?.field}`);
    expect(wrong).toEqual([]);
  });

  it('gives every write its own mutation', () => {
    const writes = endpointList
      .filter((row) => row.method !== 'GET' && row.name in MAP)
      .map((row) => MAP[row.name]?.field);
    expect(new Set(writes).size).toBe(writes.length);
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`);
    expect(
      mutations.filter((field) => !writes.includes(field as Coordinate)),
      'mutations that call no write endpoint',
    ).toEqual([]);
  });

  it('calls each mapped endpoint (or its documented batched sibling) from the schema layer', () => {
    const uncalled = Object.entries(MAP)
      .filter(([name, mapping]) => !schemaLayerNames.has(mapping.via ?? name))
      .map(([name, mapping]) => `${name} (${mapping.field})`);
    expect(uncalled).toEqual([]);
  });
});
