// Every row of the endpoint table has a home in the schema: a Query field (public GET), an `Account` field under
// `Query.account` (signed or session GET) or a Mutation (POST / PATCH / DELETE). The home follows from the row: its
// name without `get` (`getMarkPrices` → `Query.markPrices`, `cancelOrder` → `Mutation.cancelOrder`); only rows whose
// field is named otherwise are listed. Fails when an endpoint has no field, when a listed field disappears, or when
// the schema layer no longer calls the endpoint.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { EndpointDef } from '../../src/exchange/endpoint.ts';
import { endpointList } from '../../src/exchange/endpoints.ts';
import { schema } from '../../src/schema/index.ts';

type Coordinate = `${'Query' | 'Mutation' | 'Account'}.${string}`;

/** Rows whose field is not named after the endpoint: endpoint name → schema coordinate. */
const RENAMED: Readonly<Record<string, Coordinate>> = {
  getTime: 'Query.serverTime',
  getDepth: 'Query.orderBook',
  getFundingIntervalRates: 'Query.fundingRates',
  getHistoricalTrades: 'Query.tradeHistory',
  getBorrowLendMarketsHistory: 'Query.borrowLendMarketHistory',
  getVaultsHistory: 'Query.vaultHistory',
  getAccount: 'Account.summary',
  getBorrowLendEstimatedLiquidationPrice: 'Account.borrowLendLiquidationPrice',
  getSettlementHistory: 'Account.settlements',
  getStrategiesHistory: 'Account.strategyHistory',
  getVaultMintHistory: 'Account.vaultMints',
  getVaultRedeemHistory: 'Account.vaultRedeems',
  executeBorrowLend: 'Mutation.borrowLend',
  executeOrderBatch: 'Mutation.executeOrders',
  strategyCreate: 'Mutation.createStrategy',
  vaultMint: 'Mutation.mintVault',
  vaultRedeem: 'Mutation.requestVaultRedeem',
};

/** Endpoints the schema serves through a batched sibling: one /tickers call answers any number of `ticker(symbol)`. */
const VIA: Readonly<Record<string, string>> = { getTicker: 'getTickers' };

/** The field a row's name implies: public GETs under Query, other GETs under Account, writes under Mutation. */
function conventionalHome(row: EndpointDef): Coordinate {
  const root = row.method !== 'GET' ? 'Mutation' : row.auth.kind === 'public' ? 'Query' : 'Account';
  const base = row.method === 'GET' ? row.name.replace(/^get(?=[A-Z])/, '') : row.name;
  return `${root}.${base.charAt(0).toLowerCase()}${base.slice(1)}`;
}

const homeOf = (row: EndpointDef): Coordinate => RENAMED[row.name] ?? conventionalHome(row);

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

/** Every row that has a home, with it. */
const served = endpointList.filter((row) => !(row.name in EXCLUDED)).map((row) => ({ row, field: homeOf(row) }));

describe('endpoint table → schema coverage', () => {
  it('lists only table rows, and a renamed row only when its field differs from the name', () => {
    const names = endpointList.map((row) => row.name);
    const lists = [...Object.keys(RENAMED), ...Object.keys(VIA), ...Object.keys(EXCLUDED)];
    expect(
      lists.filter((name) => !names.includes(name)),
      'entries for endpoints the table no longer has',
    ).toEqual([]);
    expect(Object.keys(RENAMED).filter((name) => name in EXCLUDED)).toEqual([]);
    const needless = endpointList.filter((row) => RENAMED[row.name] === conventionalHome(row)).map((row) => row.name);
    expect(needless, 'renamed entries that the convention already gives').toEqual([]);
  });

  it('excludes only the deprecated and removed rows', () => {
    const excludedRows = endpointList.filter((row) => row.name in EXCLUDED).map((row) => [row.name, row.status]);
    expect(excludedRows).toEqual([
      ['getOpenInterests', 'deprecated'],
      ['getPnlHistory', 'removed'],
    ]);
  });

  it('finds a field for every endpoint of the table that is not excluded', () => {
    const missing = served
      .filter(({ field }) => fieldAt(field) === undefined)
      .map(({ row, field }) => `${row.name} → ${field}`);
    expect(
      missing,
      'endpoints without a schema field: add one, a RENAMED entry, or an exclusion with a reason',
    ).toEqual([]);
  });

  it('puts reads under Query (directly or via Query.account) and writes under Mutation', () => {
    const account = schema.getQueryType()?.getFields()['account'];
    expect(account && getNamedType(account.type).name).toBe('Account');
    const wrong = served
      .filter(({ row, field }) => {
        const root = field.split('.')[0];
        return row.method === 'GET' ? root === 'Mutation' : root !== 'Mutation';
      })
      .map(({ row, field }) => `${row.method} ${row.path} → ${field}`);
    expect(wrong).toEqual([]);
  });

  it('gives every write its own mutation', () => {
    const writes = served.filter(({ row }) => row.method !== 'GET').map(({ field }) => field);
    expect(new Set(writes).size).toBe(writes.length);
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`);
    expect(
      mutations.filter((field) => !writes.includes(field as Coordinate)),
      'mutations that call no write endpoint',
    ).toEqual([]);
  });

  it('calls each mapped endpoint (or its documented batched sibling) from the schema layer', () => {
    const uncalled = served
      .filter(({ row }) => !schemaLayerNames.has(VIA[row.name] ?? row.name))
      .map(({ row, field }) => `${row.name} (${field})`);
    expect(uncalled).toEqual([]);
  });
});
