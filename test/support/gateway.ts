// startGateway(): the one "gateway under test" factory: the real createGateway over a sandbox exchange or a fake
// upstream, in local or token mode, with captured logs and recorded signatures (injected fetch/WebSocket, no globals).
//
// How to use (porting a test from the old factories):
//   const env = await startGateway({ sandbox: { seed: 11, flow: { enabled: false } } });  // local mode, signs as demo
//   const env = await startGateway({ mode: 'tokens', captureLogs: true });  // alice + bob behind TOKEN_SPECS tokens
//   const env = await startGateway({ account: null });                      // local mode without keys (anonymous)
//   const env = await startGateway({ upstream: new FakeUpstream({...}) });  // fake exchange (test/schema/fakeUpstream.ts)
//   const env = await startGateway(toyGateway({ GATEWAY_TOKENS_FILE }));     // toy schema behind the real security layers
//   await gql(env, '{ markets { symbol } }', variables, { token: 'aliceRead' })  → { status, headers, body }
//   await gqlData(env.gateway, SomeDocument, variables)                        → typed data, no errors expected
//   await until(() => env.streams.status().subscriptions.active === 1, 'one subscription')
//   await restGet(env.sandbox, '/api/v1/markets')  // the sandbox's own REST answer
//   env.sandbox / env.rest (signs as the local account) / env.restAs('bob') / env.gatewayAs('bob' | null) / env.upstreamCount()
//   env.logs, env.signatures, env.tokens, env.accountSecrets, env.wsUrl, env.streams; always `await env.close()`.
// Old → new: startSandboxGateway(seed) → startGateway({ sandbox: { seed, flow: { enabled: false } } }); post/run →
// gql/gqlData; startSecureGateway(o) → startGateway({ mode: 'tokens', captureLogs: true, sandbox: { seed: 11, flow:
// { enabled: false } }, env: o.env }) and s.post(q, v, t) → gql(s, q, v, { token: t }); subscriptions' setup(o) →
// startGateway({ sandbox: { seed: 7, ...o.sandbox }, env: o.env, account: o.withKeys === false ? null : 'demo' }) and
// setup.hub/status()/demoRest → env.streams/env.streams.status()/env.rest; waitFor → until; startToyGateway(env, _, now)
// → startGateway(toyGateway(env, now)) (test/security/support.ts) and g.post(body, headers) → post(g, body, { headers }).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { GraphQLSchema } from 'graphql';
import type { DestinationStream, Logger } from 'pino';
import { pino } from 'pino';
import { expect } from 'vitest';
import WebSocket, { type ClientOptions } from 'ws';
import { loadConfig } from '../../src/config.ts';
import { readSetting } from '../../src/config/settings.ts';
import { CachedExchange, type Upstream } from '../../src/exchange/cache.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import type { WebSocketConstructor } from '../../src/exchange/stream.ts';
import { createLogger } from '../../src/log.ts';
import { startSandbox, type SandboxHandle, type StartSandboxOptions } from '../../src/sandbox/index.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import type { Scope } from '../../src/security/principal.ts';
import { createGateway, type Gateway } from '../../src/server.ts';
import type { StreamHub } from '../../src/streams/hub.ts';

/** The tokens of token mode: two accounts (the sandbox's alice and bob) with these scopes. */
export const TOKEN_SPECS = {
  aliceRead: { account: 'alice', scopes: ['read'] },
  aliceTrade: { account: 'alice', scopes: ['trade'] },
  aliceReadTrade: { account: 'alice', scopes: ['read', 'trade'] },
  bobRead: { account: 'bob', scopes: ['read'] },
  bobReadTrade: { account: 'bob', scopes: ['read', 'trade'] },
} as const satisfies Record<string, { account: string; scopes: readonly Scope[] }>;
export type TokenName = keyof typeof TOKEN_SPECS;

export interface GatewayOptions {
  /**
   * The exchange: a fresh sandbox (default), a fake that answers every call (public and signed), or an exchange already
   * listening at a URL (the stub servers of test/support; no WebSocket unless `wsUrl` is given).
   */
  readonly upstream?: 'sandbox' | Upstream | RemoteExchange;
  /** Sandbox options over `{ port: 0 }` (the sandbox's own defaults otherwise: seed 1, live flow on). */
  readonly sandbox?: StartSandboxOptions;
  /** `local` (default): one account, no tokens. `tokens`: alice and bob, callers present TOKEN_SPECS tokens. */
  readonly mode?: 'local' | 'tokens';
  /** Local mode: the sandbox account the gateway signs as (default `demo`); null runs without keys. */
  readonly account?: string | null;
  /** Extra environment for config and security (GATEWAY_*, LOG_LEVEL …), over the harness's own. */
  readonly env?: Readonly<Record<string, string>>;
  /** Keep every log line (level debug, or the level given) and console output in `logs`; default: a silent logger. */
  readonly captureLogs?: boolean | 'info';
  /** The fetch / WebSocket the gateway's exchange clients use under the signature recording (default: the real ones). */
  readonly fetch?: typeof fetch;
  readonly WebSocket?: WebSocketConstructor;
  /** Load the catalogs before listening (default true, as in production). */
  readonly warmCatalog?: boolean;
  /** The gateway's host clock (default Date.now; clock-jump tests move it). */
  readonly now?: () => number;
  /** The clock per-caller budgets refill by (default Date.now; budget tests move it). */
  readonly budgetClock?: () => number;
  /** Export spans here (the SDK's in-memory exporter); enables tracing. */
  readonly spanExporter?: SpanExporter;
  /** Serve this schema instead of the gateway's own (the security suites' toy schema, behind the real layers). */
  readonly schema?: GraphQLSchema;
}

/** An exchange that is already listening. */
export interface RemoteExchange {
  readonly restUrl: string;
  readonly wsUrl?: string;
}

export interface TestGateway {
  readonly gateway: Gateway;
  /** `http://…/graphql`; `wsUrl` is the same with `ws:` (graphql-ws). */
  readonly url: string;
  readonly wsUrl: string;
  readonly streams: StreamHub;
  /** The sandbox exchange (throws when the upstream is a fake). */
  readonly sandbox: SandboxHandle;
  /** Token mode: the minted tokens by name (empty in local mode). */
  readonly tokens: Readonly<Record<TokenName, string>>;
  /** With `captureLogs`: every serialized log line, plus console.* output (graphql-ws prints there, past redaction). */
  readonly logs: string[];
  /** With `captureLogs`: the log lines parsed (console output left out). */
  logRecords(): Record<string, unknown>[];
  /** X-Signature values and signed WS SUBSCRIBE signatures the gateway sent upstream. */
  readonly signatures: Set<string>;
  /** Secrets (base64 seeds) of the accounts the gateway holds. */
  readonly accountSecrets: readonly string[];
  /** A REST client of the sandbox signing as the local account (the exchange's own answer, behind the gateway). */
  readonly rest: BackpackRest;
  /** A REST client of the sandbox signing as a built-in account. */
  restAs(account: string): BackpackRest;
  /** A further local-mode gateway on the same sandbox signing as another account, or keyless (null); closed with this one. */
  gatewayAs(account: string | null): Promise<Gateway>;
  /**
   * Another gateway with this one's configuration (same exchange, accounts and tokens) plus `env`: a second replica
   * when the environment has GATEWAY_REDIS_URL. Closed with this one (or earlier by the test, e.g. to kill a holder).
   */
  replica(env?: Readonly<Record<string, string>>): Promise<Gateway>;
  /** Every upstream REST request so far (the sandbox's per-endpoint counts summed, or the fake's calls). */
  upstreamCount(): number;
  close(): Promise<void>;
}

/** A pino destination that keeps every line. */
function captureLines(lines: string[]): DestinationStream {
  return { write: (line: string) => void lines.push(line) };
}

/** Copies console output into `lines` (still printing it) until the returned function is called. */
function captureConsole(lines: string[]): () => void {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  for (const [index, method] of methods.entries()) {
    const original = originals[index] as (...args: unknown[]) => void;
    console[method] = (...args: unknown[]) => {
      lines.push(`console.${method}: ${format(...args)}`);
      original.apply(console, args);
    };
  }
  return () => {
    for (const [index, method] of methods.entries()) console[method] = originals[index] as (...args: unknown[]) => void;
  };
}

/** A fetch that records each request's X-Signature before sending it through `inner`. */
function recordingFetch(into: Set<string>, inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const signature = new Headers(init?.headers).get('x-signature');
    if (signature) into.add(signature);
    return inner(input, init);
  };
}

/** A WebSocket constructor whose sockets record the signature of each signed frame they send. */
function recordingWebSocket(into: Set<string>, Inner: WebSocketConstructor): WebSocketConstructor {
  return function RecordingWebSocket(url: string, options?: ClientOptions): WebSocket {
    const socket = new Inner(url, options);
    const send = socket.send.bind(socket) as (...args: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => {
      if (typeof data === 'string' && data.includes('"signature"')) {
        const frame = JSON.parse(data) as { signature?: unknown };
        if (Array.isArray(frame.signature) && typeof frame.signature[1] === 'string') into.add(frame.signature[1]);
      }
      send(data, ...rest);
    }) as WebSocket['send'];
    return socket;
  } as unknown as WebSocketConstructor;
}

/** The shared cache over a fake upstream, with the TTLs GATEWAY_CACHE_TTL_MS names (as the gateway's own would). */
function fakeExchange(fake: Upstream, env: Readonly<Record<string, string>>): CachedExchange {
  const ttls = readSetting(env, 'GATEWAY_CACHE_TTL_MS');
  return new CachedExchange(fake, {
    ttlsMs: ttls.byName,
    ...(ttls.default === undefined ? {} : { defaultTtlMs: ttls.default }),
  });
}

function sandboxAccount(sandbox: SandboxHandle, name: string): { apiSecret: string } {
  const account = sandbox.accountsByName[name];
  if (account === undefined) throw new Error(`the sandbox has no ${name} account`);
  return account;
}

export async function startGateway(options: GatewayOptions = {}): Promise<TestGateway> {
  const upstream = options.upstream ?? 'sandbox';
  const remote = upstream !== 'sandbox' && 'restUrl' in upstream ? upstream : undefined;
  const fake = upstream !== 'sandbox' && !('restUrl' in upstream) ? upstream : undefined;
  const sandbox = upstream === 'sandbox' ? await startSandbox({ port: 0, ...options.sandbox }) : undefined;
  const cleanups: (() => void | Promise<void>)[] = [];
  const cleanup = async (): Promise<void> => {
    for (const step of cleanups.reverse()) await step();
  };
  if (sandbox !== undefined) cleanups.push(() => sandbox.close());

  const logs: string[] = [];
  let logger: Logger = pino({ level: 'silent' });
  if (options.captureLogs !== undefined && options.captureLogs !== false) {
    const level = options.captureLogs === true ? 'debug' : options.captureLogs;
    logger = createLogger({ level, destination: captureLines(logs) });
    cleanups.push(captureConsole(logs));
  }
  const signatures = new Set<string>();
  const transport = {
    fetch: recordingFetch(signatures, options.fetch ?? globalThis.fetch),
    WebSocket: recordingWebSocket(signatures, options.WebSocket ?? (WebSocket as unknown as WebSocketConstructor)),
  };

  // Queries compile at their first execution, not their second: the suites check the compiled executor's answers.
  const env: Record<string, string> = { PORT: '0', BACKPACK_CLOCK_SYNC: 'false', GATEWAY_COMPILE_QUERIES_AT: '1' };
  const tokens = {} as Record<TokenName, string>;
  const accountSecrets: string[] = [];
  if (remote !== undefined) {
    env['BACKPACK_API_URL'] = remote.restUrl;
    // Nothing listens on the discard port: stream subscriptions fail fast instead of reaching a real exchange.
    env['BACKPACK_WS_URL'] = remote.wsUrl ?? 'ws://127.0.0.1:9';
  }
  if (sandbox !== undefined) {
    env['BACKPACK_API_URL'] = sandbox.restUrl;
    env['BACKPACK_WS_URL'] = sandbox.wsUrl;
    if (options.mode === 'tokens') {
      const dir = mkdtempSync(join(tmpdir(), 'bp-gateway-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const write = (name: string, content: string): string => {
        const path = join(dir, name);
        writeFileSync(path, content, { mode: 0o600 });
        return path;
      };
      const accounts = Object.fromEntries(
        ['alice', 'bob'].map((name) => [name, { apiSecret: sandboxAccount(sandbox, name).apiSecret }]),
      );
      accountSecrets.push(...Object.values(accounts).map((account) => account.apiSecret));
      const entries = Object.entries(TOKEN_SPECS).map(([name, spec]) => {
        const minted = mintToken(name, spec.account, spec.scopes);
        tokens[name as TokenName] = minted.token;
        return minted.entry;
      });
      env['GATEWAY_ACCOUNTS_FILE'] = write('accounts.json', JSON.stringify(accounts));
      env['GATEWAY_TOKENS_FILE'] = write('tokens.json', JSON.stringify(entries));
    } else if (options.account !== null) {
      const secret = sandboxAccount(sandbox, options.account ?? 'demo').apiSecret;
      accountSecrets.push(secret);
      env['BACKPACK_API_SECRET'] = secret;
    }
  }
  Object.assign(env, options.env);

  const gateways: Gateway[] = [];
  const open = async (gatewayEnv: Record<string, string>): Promise<Gateway> => {
    const gateway = await createGateway(loadConfig(gatewayEnv), {
      logger,
      env: gatewayEnv,
      ...transport,
      ...(fake !== undefined ? { exchange: fakeExchange(fake, gatewayEnv) } : {}),
      ...(options.warmCatalog !== undefined ? { warmCatalog: options.warmCatalog } : {}),
      ...(options.now !== undefined ? { now: options.now } : {}),
      ...(options.budgetClock !== undefined ? { budgetClock: options.budgetClock } : {}),
      ...(options.schema !== undefined ? { schema: options.schema } : {}),
      ...(options.spanExporter !== undefined ? { spanExporter: options.spanExporter } : {}),
    });
    gateways.push(gateway);
    return gateway;
  };
  let gateway: Gateway;
  try {
    gateway = await open(env);
  } catch (error) {
    await cleanup();
    throw error;
  }

  const requireSandbox = (): SandboxHandle => {
    if (sandbox === undefined) throw new Error('this gateway runs over a fake upstream, not a sandbox');
    return sandbox;
  };
  const restAs = (account: string): BackpackRest =>
    BackpackRest.fromConfig(
      loadConfig({
        BACKPACK_API_URL: requireSandbox().restUrl,
        BACKPACK_CLOCK_SYNC: 'false',
        BACKPACK_API_SECRET: sandboxAccount(requireSandbox(), account).apiSecret,
      }),
    );
  let rest: BackpackRest | undefined;
  return {
    gateway,
    url: gateway.url,
    wsUrl: gateway.url.replace(/^http/, 'ws'),
    streams: gateway.streams,
    get sandbox() {
      return requireSandbox();
    },
    tokens,
    logs,
    logRecords: () =>
      logs.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>),
    signatures,
    accountSecrets,
    get rest() {
      rest ??= restAs(options.account ?? 'demo');
      return rest;
    },
    restAs,
    gatewayAs: (account) => {
      const keyless = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'BACKPACK_API_SECRET'));
      if (account === null) return open(keyless);
      return open({ ...keyless, BACKPACK_API_SECRET: sandboxAccount(requireSandbox(), account).apiSecret });
    },
    replica: (extra = {}) => open({ ...env, ...extra }),
    upstreamCount: () => {
      if (sandbox === undefined) return (fake as { calls?: readonly unknown[] } | undefined)?.calls?.length ?? 0;
      return Object.values(sandbox.stats.requests()).reduce((sum, count) => sum + count, 0);
    },
    close: async () => {
      try {
        await Promise.all(gateways.map((each) => each.close()));
      } finally {
        await cleanup();
      }
    },
  };
}

/** GET from the sandbox's public REST API: the exchange's own answer to compare the gateway's with. */
export async function restGet<T>(sandbox: SandboxHandle, path: string): Promise<T> {
  const response = await fetch(`${sandbox.restUrl}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}
