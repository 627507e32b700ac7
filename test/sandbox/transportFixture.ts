// A tiny endpoint table, echo handlers and a loopback server for testing the sandbox transport on its own.
import { createPrivateKey, sign as edSign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpoint } from '../../src/exchange/endpoint.ts';
import type { EndpointDef } from '../../src/exchange/endpoint.ts';
import type { Keyring } from '../../src/sandbox/auth.ts';
import type { SandboxServices } from '../../src/sandbox/services.ts';
import { reply } from '../../src/sandbox/http/handler.ts';
import type { Handler } from '../../src/sandbox/http/handler.ts';
import { createHttpTransport } from '../../src/sandbox/http/server.ts';
import type { HttpTransport } from '../../src/sandbox/http/server.ts';
import { createStreamServer } from '../../src/sandbox/ws/server.ts';
import type { StreamServer } from '../../src/sandbox/ws/server.ts';

/** The documented test key: seed = 32 × 0x01. */
export const TEST_SECRET = 'AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=';
export const TEST_API_KEY = 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w=';
export const TEST_ACCOUNT_ID = 7;

const common = { rateClass: 'standard', status: 'current', description: 'test' } as const;
const SIDES = ['Bid', 'Ask'];
const MARKET_TYPES = ['SPOT', 'PERP', 'IPERP', 'DATED', 'PREDICTION', 'RFQ'];
const orderFields = [
  { name: 'symbol', type: 'string', in: 'body', required: true },
  { name: 'side', type: 'enum', in: 'body', required: true, values: SIDES },
  { name: 'orderType', type: 'enum', in: 'body', required: true, values: ['Market', 'Limit'] },
  { name: 'price', type: 'decimal', in: 'body' },
  { name: 'quantity', type: 'decimal', in: 'body' },
  { name: 'clientId', type: 'integer', in: 'body' },
  { name: 'postOnly', type: 'boolean', in: 'body' },
] as const;

export const testEndpoints: readonly EndpointDef[] = [
  endpoint({
    ...common,
    name: 'ping',
    method: 'GET',
    path: '/api/v1/ping',
    auth: { kind: 'public' },
    params: [],
    body: 'none',
    response: 'text',
  }),
  endpoint({
    ...common,
    name: 'explode',
    method: 'GET',
    path: '/api/v1/explode',
    auth: { kind: 'public' },
    params: [],
    body: 'none',
    response: 'json',
  }),
  endpoint({
    ...common,
    name: 'getDepth',
    method: 'GET',
    path: '/api/v1/depth',
    auth: { kind: 'public' },
    body: 'none',
    response: 'json',
    params: [
      { name: 'symbol', type: 'string', in: 'query', required: true },
      { name: 'limit', type: 'enum', in: 'query', values: ['5', '10', '20', '50', '100', '500', '1000'] },
    ],
  }),
  endpoint({
    ...common,
    name: 'getMarkets',
    method: 'GET',
    path: '/api/v1/markets',
    auth: { kind: 'public' },
    body: 'none',
    response: 'json',
    params: [{ name: 'marketType', type: 'enum', in: 'query', values: MARKET_TYPES, repeated: true }],
  }),
  endpoint({
    ...common,
    name: 'getKlines',
    method: 'GET',
    path: '/api/v1/klines',
    auth: { kind: 'public' },
    body: 'none',
    response: 'json',
    params: [
      { name: 'symbol', type: 'string', in: 'query', required: true },
      { name: 'startTime', type: 'integer', in: 'query', required: true },
      { name: 'resolved', type: 'boolean', in: 'query' },
    ],
  }),
  endpoint({
    ...common,
    name: 'getBalances',
    method: 'GET',
    path: '/api/v1/capital',
    auth: { kind: 'signed', instruction: 'balanceQuery' },
    params: [],
    body: 'none',
    response: 'json',
  }),
  endpoint({
    ...common,
    name: 'getOpenOrders',
    method: 'GET',
    path: '/api/v1/orders',
    auth: { kind: 'signed', instruction: 'orderQueryAll' },
    body: 'none',
    response: 'json',
    params: [
      { name: 'symbol', type: 'string', in: 'query' },
      { name: 'marketType', type: 'enum', in: 'query', values: MARKET_TYPES },
      { name: 'limit', type: 'integer', in: 'query' },
    ],
  }),
  endpoint({
    ...common,
    name: 'executeOrder',
    method: 'POST',
    path: '/api/v1/order',
    auth: { kind: 'signed', instruction: 'orderExecute' },
    params: orderFields,
    body: 'object',
    response: 'json',
  }),
  endpoint({
    ...common,
    name: 'executeOrders',
    method: 'POST',
    path: '/api/v1/orders',
    auth: { kind: 'signed', instruction: 'orderExecute' },
    params: orderFields,
    body: 'array',
    response: 'json',
  }),
  endpoint({
    ...common,
    name: 'cancelOrder',
    method: 'DELETE',
    path: '/api/v1/order',
    auth: { kind: 'signed', instruction: 'orderCancel' },
    body: 'object',
    response: 'json',
    params: [
      { name: 'symbol', type: 'string', in: 'body', required: true },
      { name: 'orderId', type: 'string', in: 'body' },
      { name: 'clientId', type: 'integer', in: 'body' },
    ],
  }),
  endpoint({
    ...common,
    name: 'updateAccount',
    method: 'PATCH',
    path: '/api/v1/account',
    auth: { kind: 'signed', instruction: 'accountUpdate' },
    params: [{ name: 'autoLend', type: 'boolean', in: 'body' }],
    body: 'object',
    response: 'empty',
  }),
  endpoint({
    ...common,
    name: 'getWithdrawalDelay',
    method: 'GET',
    path: '/wapi/v1/capital/withdrawals/delay',
    auth: { kind: 'session' },
    params: [],
    body: 'none',
    response: 'json',
  }),
  endpoint({
    ...common,
    name: 'getFills',
    method: 'GET',
    path: '/wapi/v1/history/fills',
    auth: { kind: 'public' },
    params: [],
    body: 'none',
    response: 'json',
  }),
];

const echo: Handler = (request) => ({ params: request.params, items: request.items, accountId: request.accountId });

export const testHandlers: Record<string, Handler> = {
  ping: () => 'pong',
  explode: () => {
    throw new Error('secret stack detail');
  },
  getDepth: echo,
  getMarkets: echo,
  getKlines: echo,
  getBalances: echo,
  getOpenOrders: echo,
  executeOrder: echo,
  executeOrders: echo,
  cancelOrder: (request) => reply({ status: 202, json: { cancelled: request.params['orderId'] ?? null } }),
  updateAccount: () => undefined,
  getWithdrawalDelay: echo,
  getFills: () => reply({ status: 200, json: [], headers: { 'X-TOTAL': '0' } }),
};

export const testKeyring: Keyring = {
  accountIdFor: (apiKey) => (apiKey === TEST_API_KEY ? TEST_ACCOUNT_ID : undefined),
};

export interface TestServer {
  readonly url: string;
  readonly wsUrl: string;
  readonly transport: HttpTransport;
  readonly streams: StreamServer;
  /** Moves the sandbox clock. */
  setNow(ms: number): void;
  close(): Promise<void>;
}

export async function startTestServer(
  options: { now?: number; pingIntervalMs?: number; pongTimeoutMs?: number } = {},
): Promise<TestServer> {
  // A fixed clock when asked for (signature vectors), the wall clock otherwise (real clients such as ccxt).
  let now: number | null = options.now ?? null;
  const clock = (): number => now ?? Date.now();
  const transport = createHttpTransport({
    endpoints: testEndpoints,
    handlers: testHandlers,
    // The echo handlers never touch services.
    services: { now: clock } as unknown as SandboxServices,
    keyring: testKeyring,
    now: clock,
    onUnexpectedError: () => {},
  });
  const streams = createStreamServer({
    keyring: testKeyring,
    now: clock,
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
    ...(options.pongTimeoutMs === undefined ? {} : { pongTimeoutMs: options.pongTimeoutMs }),
  });
  const server = createServer(transport.listener);
  streams.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}`,
    transport,
    streams,
    setNow: (ms) => {
      now = ms;
    },
    close: async () => {
      await streams.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// An independent signer (node:crypto, not src/exchange/sign.ts) so the tests don't grade the sandbox with its own code.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function signText(secretBase64: string, text: string): string {
  const key = createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, Buffer.from(secretBase64, 'base64').subarray(0, 32)]),
    format: 'der',
    type: 'pkcs8',
  });
  return edSign(null, Buffer.from(text), key).toString('base64');
}

export function authHeaders(
  text: string,
  timestamp: number,
  window?: number,
  secret = TEST_SECRET,
  apiKey = TEST_API_KEY,
) {
  return {
    'X-API-Key': apiKey,
    'X-Signature': signText(secret, text),
    'X-Timestamp': String(timestamp),
    ...(window === undefined ? {} : { 'X-Window': String(window) }),
  };
}
