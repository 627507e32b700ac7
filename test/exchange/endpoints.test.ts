// Checks the endpoint table against the vendored OpenAPI spec and the exchange's instruction list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EndpointDef, ParamDef } from '../../src/exchange/endpoint.ts';
import { endpointList, endpoints, findEndpoint } from '../../src/exchange/endpoints.ts';

const specUrl = new URL('../../spec/backpack-openapi.json', import.meta.url);

type Json = { readonly [key: string]: unknown };
const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as Json;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Follows `#/a/b/c` references (possibly chained) inside the spec. */
function resolve(node: unknown): Json {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error('reference cycle');
    let target: unknown = spec;
    for (const key of current.$ref.replace(/^#\//, '').split('/')) target = isObject(target) ? target[key] : undefined;
    current = target;
  }
  if (!isObject(current)) throw new Error(`unresolvable schema: ${JSON.stringify(node)}`);
  return current;
}

/** The enum values behind a schema (through $ref and single-element allOf), if it is an enum. */
function enumValues(schema: unknown): readonly string[] | undefined {
  if (schema === undefined) return undefined;
  const resolved = resolve(schema);
  if (Array.isArray(resolved.enum)) return resolved.enum as string[];
  if (Array.isArray(resolved.allOf) && resolved.allOf.length === 1) return enumValues(resolved.allOf[0]);
  return undefined;
}

interface SpecParam {
  readonly name: string;
  readonly required: boolean;
  readonly schema: unknown;
}

interface SpecOperation {
  readonly method: string;
  readonly path: string;
  readonly operationId: string;
  readonly description: string;
  readonly query: readonly SpecParam[];
  readonly body: readonly SpecParam[] | null;
  readonly bodyIsArray: boolean;
}

function specOperations(): SpecOperation[] {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(resolve(spec.paths))) {
    for (const [method, raw] of Object.entries(resolve(item))) {
      if (!isObject(raw) || typeof raw.operationId !== 'string') continue;
      const parameters = Array.isArray(raw.parameters) ? raw.parameters.map(resolve) : [];
      // Header parameters (X-API-KEY, X-Broker-Id …) are transport concerns, not table params.
      const query = parameters
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: String(p.name), required: p.required === true, schema: p.schema }));
      let body: SpecParam[] | null = null;
      let bodyIsArray = false;
      if (isObject(raw.requestBody)) {
        const content = Object.values(resolve(resolve(raw.requestBody).content));
        let schema = resolve(resolve(content[0]).schema);
        if (schema.type === 'array') {
          bodyIsArray = true;
          schema = resolve(schema.items);
        }
        const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
        body = Object.entries(isObject(schema.properties) ? schema.properties : {}).map(([name, property]) => ({
          name,
          required: required.includes(name),
          schema: property,
        }));
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: raw.operationId,
        description: typeof raw.description === 'string' ? raw.description : '',
        query,
        body,
        bodyIsArray,
      });
    }
  }
  return operations;
}

const operations = specOperations();

/**
 * Deliberate deviations from the OpenAPI parameters, each as `METHOD path: detail`.
 * A listed entry that no longer occurs also fails, so the list stays honest.
 */
const ALLOWED_DEVIATIONS = new Set<string>([
  // `source=Venue|External` on tickers and klines: sent by bbgo's Backpack client; not in the spec.
  'GET /api/v1/ticker: extra query param source',
  'GET /api/v1/tickers: extra query param source',
  'GET /api/v1/klines: extra query param source',
]);

/** Enum values independent clients show and the spec lacks (official Rust client, bbgo): the wire enums add them. */
const VALUES_BEYOND_SPEC = new Set(['MONAD', '1s', 'Internal', 'Triggered', 'Allow', 'nuvei', 'verifying', 'void']);

function compareParams(kind: 'query' | 'body', op: SpecOperation, specParams: readonly SpecParam[], row: EndpointDef) {
  const problems: string[] = [];
  const where = `${op.method} ${op.path}`;
  const rowParams = new Map<string, ParamDef>(row.params.filter((p) => p.in === kind).map((p) => [p.name, p]));
  for (const sp of specParams) {
    const param = rowParams.get(sp.name);
    if (!param) {
      problems.push(`${where}: missing ${kind} param ${sp.name}`);
      continue;
    }
    if ((param.required ?? false) !== sp.required)
      problems.push(`${where}: ${kind} param ${sp.name} required mismatch`);
    const schema = sp.schema === undefined ? undefined : resolve(sp.schema);
    const isArray = schema?.type === 'array';
    if (kind === 'query' && isArray !== (param.repeated ?? false)) {
      problems.push(`${where}: query param ${sp.name} repeated mismatch`);
    }
    const values = enumValues(isArray ? schema?.items : sp.schema);
    const known = param.values?.filter((value) => !VALUES_BEYOND_SPEC.has(value));
    if (values && (param.type !== 'enum' || JSON.stringify(known) !== JSON.stringify(values))) {
      problems.push(`${where}: ${kind} param ${sp.name} enum values differ from the spec`);
    }
  }
  for (const name of rowParams.keys()) {
    if (!specParams.some((sp) => sp.name === name)) problems.push(`${where}: extra ${kind} param ${name}`);
  }
  return problems;
}

describe('endpoint table vs the vendored OpenAPI spec', () => {
  it('reads all 70 operations from the spec', () => {
    expect(operations).toHaveLength(70);
  });

  it('has a row for every OpenAPI operation, with its operationId', () => {
    const missing = operations.filter((op) => !findEndpoint(op.method, op.path)).map((op) => `${op.method} ${op.path}`);
    expect(missing).toEqual([]);
    const wrongIds = operations
      .filter((op) => findEndpoint(op.method, op.path)?.operationId !== op.operationId)
      .map((op) => `${op.method} ${op.path} should be ${op.operationId}`);
    expect(wrongIds).toEqual([]);
    expect(endpointList.filter((row) => row.operationId !== undefined)).toHaveLength(operations.length);
  });

  it('names each OpenAPI row as the camelCase of its operationId', () => {
    const camel = (id: string) => id.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    const wrong = operations
      .filter((op) => findEndpoint(op.method, op.path)?.name !== camel(op.operationId))
      .map((op) => op.operationId);
    expect(wrong).toEqual([]);
  });

  it('matches the spec query and body parameters, except the allow-listed deviations', () => {
    const problems: string[] = [];
    for (const op of operations) {
      const row = findEndpoint(op.method, op.path);
      if (!row) continue; // reported by the coverage test
      problems.push(...compareParams('query', op, op.query, row));
      problems.push(...compareParams('body', op, op.body ?? [], row));
      const expectedBody = op.body === null ? 'none' : op.bodyIsArray ? 'array' : 'object';
      if (row.body !== expectedBody) problems.push(`${op.method} ${op.path}: body kind ${row.body} != ${expectedBody}`);
    }
    expect(problems.filter((p) => !ALLOWED_DEVIATIONS.has(p))).toEqual([]);
    expect([...ALLOWED_DEVIATIONS].filter((p) => !problems.includes(p))).toEqual([]);
  });

  it('signs exactly the operations whose spec description names an instruction, with that instruction', () => {
    const wrong: string[] = [];
    for (const op of operations) {
      // Batch orders say `**Batch commands instruction:**` instead.
      const instruction = /\*\*(?:Batch commands )?instruction:\*\*\s*`(\w+)`/i.exec(op.description)?.[1];
      const auth = findEndpoint(op.method, op.path)?.auth;
      const actual = auth?.kind === 'signed' ? auth.instruction : undefined;
      if (actual !== instruction) wrong.push(`${op.method} ${op.path}: ${String(actual)} != ${String(instruction)}`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Instruction → the method + path that uses it (the WS-only `subscribe` is left out). */
const INSTRUCTIONS: Readonly<Record<string, readonly string[]>> = {
  accountQuery: ['GET /api/v1/account'],
  accountUpdate: ['PATCH /api/v1/account'],
  convertDust: ['POST /api/v1/account/convertDust'],
  maxBorrowQuantity: ['GET /api/v1/account/limits/borrow'],
  maxOrderQuantity: ['GET /api/v1/account/limits/order'],
  maxWithdrawalQuantity: ['GET /api/v1/account/limits/withdrawal'],
  balanceQuery: ['GET /api/v1/capital'],
  collateralQuery: ['GET /api/v1/capital/collateral'],
  depositQueryAll: ['GET /wapi/v1/capital/deposits'],
  depositAddressQuery: ['GET /wapi/v1/capital/deposit/address'],
  withdrawalQueryAll: ['GET /wapi/v1/capital/withdrawals'],
  withdraw: ['POST /wapi/v1/capital/withdrawals'],
  positionQuery: ['GET /api/v1/position'],
  borrowLendPositionQuery: ['GET /api/v1/borrowLend/positions'],
  borrowLendExecute: ['POST /api/v1/borrowLend'],
  orderQuery: ['GET /api/v1/order'],
  orderExecute: ['POST /api/v1/order', 'POST /api/v1/orders'],
  orderCancel: ['DELETE /api/v1/order'],
  orderQueryAll: ['GET /api/v1/orders'],
  orderCancelAll: ['DELETE /api/v1/orders'],
  rfqSubmit: ['POST /api/v1/rfq'],
  quoteAccept: ['POST /api/v1/rfq/accept'],
  rfqRefresh: ['POST /api/v1/rfq/refresh'],
  rfqCancel: ['POST /api/v1/rfq/cancel'],
  quoteSubmit: ['POST /api/v1/rfq/quote'],
  rfqQuery: ['GET /api/v1/rfqs'],
  strategyQuery: ['GET /api/v1/strategy'],
  strategyCreate: ['POST /api/v1/strategy'],
  strategyCancel: ['DELETE /api/v1/strategy'],
  strategyQueryAll: ['GET /api/v1/strategies'],
  strategyCancelAll: ['DELETE /api/v1/strategies'],
  borrowHistoryQueryAll: ['GET /wapi/v1/history/borrowLend'],
  interestHistoryQueryAll: ['GET /wapi/v1/history/interest'],
  borrowPositionHistoryQueryAll: ['GET /wapi/v1/history/borrowLend/positions'],
  dustHistoryQueryAll: ['GET /wapi/v1/history/dust'],
  fillHistoryQueryAll: ['GET /wapi/v1/history/fills'],
  fundingHistoryQueryAll: ['GET /wapi/v1/history/funding'],
  orderHistoryQueryAll: ['GET /wapi/v1/history/orders'],
  positionHistoryQueryAll: ['GET /wapi/v1/history/position'],
  rfqHistoryQueryAll: ['GET /wapi/v1/history/rfq'],
  quoteHistoryQueryAll: ['GET /wapi/v1/history/quote'],
  rfqFillHistoryQueryAll: ['GET /wapi/v1/history/rfq/fill'],
  quoteFillHistoryQueryAll: ['GET /wapi/v1/history/quote/fill'],
  settlementHistoryQueryAll: ['GET /wapi/v1/history/settlement'],
  strategyHistoryQueryAll: ['GET /wapi/v1/history/strategies'],
  pnlHistoryQueryAll: ['GET /wapi/v1/history/pnl'],
  vaultMint: ['POST /api/v1/vault/mint'],
  vaultRedeemRequest: ['POST /api/v1/vault/redeem'],
  vaultRedeemCancel: ['DELETE /api/v1/vault/redeem'],
  vaultMintHistoryQueryAll: ['GET /wapi/v1/history/vault/mint'],
  vaultRedeemHistoryQueryAll: ['GET /wapi/v1/history/vault/redeem'],
  vaultPendingRedeemsQuery: ['GET /api/v1/vault/redeems/pending'],
  vaultNavQuery: ['GET /api/v1/vault/nav'],
  issueTwoFactorToken: ['POST /wapi/v1/user/2fa'],
};

const route = (row: EndpointDef) => `${row.method} ${row.path}`;

describe('endpoint table vs the instruction list and the documented endpoints', () => {
  it('uses every signing instruction exactly where the exchange expects it, and no other', () => {
    const expected = Object.entries(INSTRUCTIONS)
      .flatMap(([instruction, routes]) => routes.map((r) => `${r} ${instruction}`))
      .sort();
    const actual = endpointList
      .flatMap((row) => (row.auth.kind === 'signed' ? [`${route(row)} ${row.auth.instruction}`] : []))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('marks all but five documented endpoints current: 1 deprecated, 1 removed, 3 unconfirmed', () => {
    const byStatus: Record<string, number> = {};
    for (const row of endpointList) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
    expect(byStatus).toEqual({ current: endpointList.length - 5, deprecated: 1, removed: 1, unconfirmed: 3 });
    expect(findEndpoint('GET', '/api/v1/openInterests')?.status).toBe('deprecated');
    expect(findEndpoint('GET', '/wapi/v1/history/pnl')?.status).toBe('removed');
    const unconfirmed = endpointList.filter((row) => row.status === 'unconfirmed').map(route);
    expect(unconfirmed.sort()).toEqual([
      'GET /api/v1/rfqs',
      'GET /api/v1/vault/nav',
      'GET /api/v1/vault/redeems/pending',
    ]);
  });

  it('leaves only the withdrawal-delay and liquidation-price endpoints to a web session', () => {
    const session = endpointList
      .filter((row) => row.auth.kind === 'session')
      .map(route)
      .sort();
    expect(session).toEqual(
      [
        'GET /api/v1/borrowLend/position/liquidationPrice',
        'GET /wapi/v1/capital/withdrawals/delay',
        'PATCH /wapi/v1/capital/withdrawals/delay',
        'POST /wapi/v1/capital/withdrawals/delay',
      ].sort(),
    );
  });

  it('marks text and empty-body responses as the exchange sends them', () => {
    const byKind = (kind: EndpointDef['response']) =>
      endpointList
        .filter((r) => r.response === kind)
        .map(route)
        .sort();
    expect(byKind('text')).toEqual(['GET /api/v1/ping', 'GET /api/v1/time']);
    expect(byKind('empty')).toEqual(
      [
        'PATCH /api/v1/account',
        'POST /api/v1/account/convertDust',
        'POST /api/v1/borrowLend',
        'POST /api/v1/vault/mint',
        'POST /api/v1/vault/redeem',
        'DELETE /api/v1/vault/redeem',
        'POST /wapi/v1/capital/withdrawals/delay',
      ].sort(),
    );
  });

  it('puts exactly the paginated history endpoints on the historical rate budget', () => {
    const historicalPaths = new Set([
      '/api/v1/trades/history',
      '/api/v1/fundingRates',
      '/api/v1/borrowLend/markets/history',
      '/api/v1/vaults/history',
    ]);
    const wrong = endpointList
      .filter(
        (row) =>
          (row.path.startsWith('/wapi/v1/history/') || historicalPaths.has(row.path)) !==
          (row.rateClass === 'historical'),
      )
      .map(route);
    expect(wrong).toEqual([]);
  });

  it('gives every paginated endpoint limit and offset query params', () => {
    const wrong = endpointList
      .filter((row) => row.paginated)
      .filter((row) => !['limit', 'offset'].every((n) => row.params.some((p) => p.name === n && p.in === 'query')))
      .map(route);
    expect(wrong).toEqual([]);
    expect(endpoints.getFundingIntervalRates.paginated).toBe(true);
    expect(endpoints.getFills.paginated).toBe(true);
  });
});

describe('endpoint table consistency', () => {
  it('has unique routes and names, and each key equals its row name', () => {
    expect(new Set(endpointList.map(route)).size).toBe(endpointList.length);
    expect(new Set(endpointList.map((row) => row.name)).size).toBe(endpointList.length);
    expect(Object.entries(endpoints).filter(([key, row]) => key !== row.name)).toEqual([]);
  });

  it('gives every signed endpoint an instruction', () => {
    const wrong = endpointList.filter((row) => row.auth.kind === 'signed' && !row.auth.instruction).map(route);
    expect(wrong).toEqual([]);
  });

  it('keeps GET params in the query and other methods params in the body', () => {
    const wrong: string[] = [];
    for (const row of endpointList) {
      const isGet = row.method === 'GET';
      if (isGet !== (row.body === 'none')) wrong.push(`${route(row)}: body ${row.body}`);
      for (const p of row.params) if ((p.in === 'query') !== isGet) wrong.push(`${route(row)}: ${p.name} in ${p.in}`);
      if (new Set(row.params.map((p) => p.name)).size !== row.params.length)
        wrong.push(`${route(row)}: duplicate param`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists values for enum params only, and repeats only query params', () => {
    const wrong = endpointList.flatMap((row) =>
      row.params
        .filter(
          (p) =>
            (p.type === 'enum') !== (p.values !== undefined && p.values.length > 0) || (p.repeated && p.in !== 'query'),
        )
        .map((p) => `${route(row)}: ${p.name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has a one-sentence description on every row', () => {
    const wrong = endpointList.filter((row) => !/^[A-Z].*\.$/.test(row.description)).map(route);
    expect(wrong).toEqual([]);
  });

  it('finds rows by exact method and path only', () => {
    expect(findEndpoint('GET', '/api/v1/markets')?.name).toBe('getMarkets');
    expect(findEndpoint('get', '/api/v1/markets')?.name).toBe('getMarkets');
    expect(findEndpoint('DELETE', '/api/v1/orders')?.name).toBe('cancelOpenOrders');
    expect(findEndpoint('GET', '/api/v1/markets?marketType=SPOT')).toBeUndefined();
    expect(findEndpoint('GET', '/api/v1/market/')).toBeUndefined();
    expect(findEndpoint('PUT', '/api/v1/order')).toBeUndefined();
  });
});
