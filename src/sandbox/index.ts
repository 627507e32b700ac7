// startSandbox(): the whole Backpack-compatible exchange on one local port: REST + WebSocket, accounts, engine, flow.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { endpointList } from '../exchange/endpoints.ts';
import type { Deposit } from '../exchange/types/capital.ts';
import { ACCOUNT_FUNDING, createAccounts } from './accounts.ts';
import type { AccountBook, SandboxAccount } from './accounts.ts';
import type { Keyring } from './auth.ts';
import * as D from './engine/decimal.ts';
import { engineFlowPort, FLOW_MARKET_TYPES, MarketFlow } from './flow.ts';
import { sandboxHandlers } from './handlers/index.ts';
import { SandboxError } from './engine/errors.ts';
import { sandboxRoutes } from './http/sandboxRoutes.ts';
import { createHttpTransport } from './http/server.ts';
import { createSandboxServices } from './services.ts';
import type { SandboxServices } from './services.ts';
import { createStreamServer } from './ws/server.ts';
import type { StreamStats } from './ws/server.ts';

export interface StartSandboxOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** Seeds keys, prices and flow: same seed, same sandbox. Default 1. */
  readonly seed?: number;
  /** Sandbox clock, epoch ms. Default Date.now. */
  readonly clock?: () => number;
  /** Simulated market flow; enabled by default. Books are seeded either way. */
  readonly flow?: { readonly enabled?: boolean; readonly ratePerSecond?: number };
  /** WebSocket protocol-ping cadence (exchange: 60 s); unanswered for two intervals → connection closed. */
  readonly pingIntervalMs?: number;
}

export interface SandboxStats {
  /** Requests routed to each endpoint (table name → count), whatever the outcome. */
  requests(): Record<string, number>;
  /** WebSocket connections, SUBSCRIBE/UNSUBSCRIBE counts per stream and current subscriptions. */
  ws(): StreamStats;
  /** Zeroes the request counts (WS counters are cumulative). */
  resetRequests(): void;
}

export interface SandboxHandle {
  readonly restUrl: string;
  readonly wsUrl: string;
  readonly accounts: readonly SandboxAccount[];
  readonly accountsByName: Readonly<Record<string, SandboxAccount>>;
  readonly services: SandboxServices;
  readonly stats: SandboxStats;
  pauseFlow(): void;
  resumeFlow(): void;
  /** Terminates every WebSocket connection (clients must reconnect). */
  dropConnections(): void;
  /** The next `depth.<symbol>` message is withheld, leaving a gap in update ids. */
  injectDepthGap(symbol: string): void;
  /** Credits `quantity` of `symbol` to a built-in account (a confirmed deposit). */
  deposit(accountName: string, symbol: string, quantity: string): Deposit;
  close(): Promise<void>;
}

const TICK_MS = 250;

function urlHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0' || address.address === '::') return '127.0.0.1';
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}

function fund(services: SandboxServices, book: AccountBook): void {
  for (const account of book.accounts) {
    for (const [asset, quantity] of Object.entries(ACCOUNT_FUNDING[account.name] ?? {})) {
      services.ledger.credit(account.accountId, asset, D.parse(quantity));
    }
  }
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const now = options.clock ?? Date.now;
  const seed = options.seed ?? 1;
  // The WS server is the services' sink, and accounts live in the services' ledger: resolve keys late.
  let book: AccountBook | undefined;
  const keyring: Keyring = { accountIdFor: (apiKey) => book?.keyring.accountIdFor(apiKey) };
  const streams = createStreamServer({
    keyring,
    now,
    ...(options.pingIntervalMs === undefined ? {} : { pingIntervalMs: options.pingIntervalMs }),
  });
  const services = createSandboxServices({ seed, now, sink: streams });
  const accounts = createAccounts(seed, (name) => services.ledger.createAccount(name));
  book = accounts;
  fund(services, accounts);
  streams.setPositionSnapshot((accountId, symbol) => services.engine.positionSnapshot(accountId, symbol));

  const account = (name: string): SandboxAccount => {
    const found = accounts.accountsByName[name];
    if (found === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', `Unknown account ${name}`);
    return found;
  };
  const deposit = (name: string, symbol: string, quantity: string, blockchain?: string): Deposit =>
    services.products.capital.creditDeposit(account(name).accountId, symbol, quantity, blockchain);

  const flow = new MarketFlow({
    random: services.random.fork('flow'),
    port: engineFlowPort(services.engine),
    markets: services.markets.list(FLOW_MARKET_TYPES),
    makerAccountId: account('maker').accountId,
    takerAccountId: account('taker').accountId,
    ...(options.flow?.ratePerSecond === undefined ? {} : { ratePerSecond: options.flow.ratePerSecond }),
  });
  flow.seed();
  if (options.flow?.enabled !== false) flow.start();
  // Prices move only while the flow is live: a paused or disabled flow gives a still market for assertions.
  const setFlowPaused = (paused: boolean): void => {
    if (paused) flow.pause();
    else flow.resume();
    services.engine.setPriceWalk(!paused && options.flow?.enabled !== false);
  };
  services.engine.setPriceWalk(options.flow?.enabled !== false);

  const transport = createHttpTransport({
    endpoints: endpointList,
    handlers: sandboxHandlers,
    services,
    keyring,
    now,
    extraRoute: sandboxRoutes({
      accountName: ({ account: name, apiKey }) =>
        typeof name === 'string' && accounts.accountsByName[name] !== undefined
          ? name
          : accounts.accounts.find((candidate) => candidate.apiKey === apiKey)?.name,
      deposit,
      setFlowPaused,
      stats: () => ({ requests: transport.requestCounts(), ws: streams.stats(), flowPaused: flow.isPaused() }),
    }),
  });

  // One tick before anyone can read: perps without an index source take their first index/mark here, so a client's
  // first reads (e.g. REST then GraphQL) cannot straddle that first change.
  services.engine.tick();
  const ticker = setInterval(() => {
    try {
      services.engine.tick();
      services.products.tick();
    } catch (error) {
      process.stderr.write(`sandbox: tick failed: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }, TICK_MS);
  ticker.unref();

  const server = createServer(transport.listener);
  streams.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostPort = `${urlHost(address)}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    restUrl: `http://${hostPort}`,
    wsUrl: `ws://${hostPort}`,
    accounts: accounts.accounts,
    accountsByName: accounts.accountsByName,
    services,
    stats: {
      requests: () => transport.requestCounts(),
      ws: () => streams.stats(),
      resetRequests: () => transport.resetRequestCounts(),
    },
    pauseFlow: () => setFlowPaused(true),
    resumeFlow: () => setFlowPaused(false),
    dropConnections: () => streams.dropConnections(),
    injectDepthGap: (symbol) => streams.injectDepthGap(symbol),
    deposit: (name, symbol, quantity) => deposit(name, symbol, quantity),
    close: () =>
      (closing ??= (async () => {
        clearInterval(ticker);
        flow.stop();
        await streams.close();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}
