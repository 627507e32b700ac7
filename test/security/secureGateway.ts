// Test fixture: the sandbox exchange behind a token-mode gateway with two accounts (alice, bob), minted tokens, every
// log line captured, and every signature the gateway sent upstream (REST X-Signature and signed WS frames) recorded.
import { format } from 'node:util';
import type { DestinationStream } from 'pino';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.ts';
import { BackpackRest } from '../../src/exchange/rest.ts';
import { createLogger } from '../../src/log.ts';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/index.ts';
import { mintToken } from '../../src/security/mintToken.ts';
import type { Scope } from '../../src/security/principal.ts';
import { createGateway, type Gateway } from '../../src/server.ts';
import { tempDir } from './support.ts';

export const TOKEN_SPECS = {
  aliceRead: { account: 'alice', scopes: ['read'] },
  aliceTrade: { account: 'alice', scopes: ['trade'] },
  aliceReadTrade: { account: 'alice', scopes: ['read', 'trade'] },
  bobRead: { account: 'bob', scopes: ['read'] },
  bobReadTrade: { account: 'bob', scopes: ['read', 'trade'] },
} as const satisfies Record<string, { account: string; scopes: readonly Scope[] }>;
export type TokenName = keyof typeof TOKEN_SPECS;

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface SecureGateway {
  readonly sandbox: SandboxHandle;
  readonly gateway: Gateway;
  readonly tokens: Readonly<Record<TokenName, string>>;
  /**
   * Every serialized log line of the gateway (level debug), plus anything written with console.* meanwhile: libraries
   * such as graphql-ws print internal errors there, past the logger's redaction.
   */
  readonly logs: string[];
  /** X-Signature values and signed WS SUBSCRIBE signatures the gateway sent to the sandbox. */
  readonly signatures: Set<string>;
  /** Account secrets (base64 seeds) as configured. */
  readonly accountSecrets: readonly string[];
  /** POSTs one GraphQL request, with `Authorization: Bearer <token>` when a token is given. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    token?: TokenName | string,
  ): Promise<{ status: number; body: GraphQLBody }>;
  /** Sum of the sandbox's per-endpoint request counts (every REST call the gateway made). */
  upstreamCount(): number;
  /** A REST client signing directly as a sandbox account (the exchange's own view, behind the gateway's back). */
  restAs(account: 'alice' | 'bob'): BackpackRest;
  close(): Promise<void>;
}

/** A pino destination that keeps every line. */
export function captureLines(lines: string[]): DestinationStream {
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

/** Records signatures leaving this process: fetch (BackpackRest reads it at construction) and ws sends. */
function recordSignatures(into: Set<string>): () => void {
  const originalFetch = globalThis.fetch;
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const signature = new Headers(init?.headers).get('x-signature');
    if (signature) into.add(signature);
    return originalFetch(input, init);
  }) as typeof fetch;
  const originalSend = WebSocket.prototype.send;
  WebSocket.prototype.send = function send(this: WebSocket, data: unknown, ...rest: unknown[]) {
    if (typeof data === 'string' && data.includes('"signature"')) {
      const frame = JSON.parse(data) as { signature?: unknown };
      if (Array.isArray(frame.signature) && typeof frame.signature[1] === 'string') into.add(frame.signature[1]);
    }
    return (originalSend as (...args: unknown[]) => void).call(this, data, ...rest);
  } as typeof WebSocket.prototype.send;
  return () => {
    globalThis.fetch = originalFetch;
    WebSocket.prototype.send = originalSend;
  };
}

export async function startSecureGateway(
  options: { seed?: number; env?: Record<string, string> } = {},
): Promise<SecureGateway> {
  const sandbox = await startSandbox({ port: 0, seed: options.seed ?? 11, flow: { enabled: false } });
  const alice = sandbox.accountsByName['alice'];
  const bob = sandbox.accountsByName['bob'];
  if (!alice || !bob) throw new Error('the sandbox has no alice/bob accounts');
  const files = tempDir();
  const accountsFile = files.write(
    'accounts.json',
    JSON.stringify({ alice: { apiSecret: alice.apiSecret }, bob: { apiSecret: bob.apiSecret } }),
  );
  const tokens = {} as Record<TokenName, string>;
  const entries = Object.entries(TOKEN_SPECS).map(([name, spec]) => {
    const minted = mintToken(name, spec.account, spec.scopes);
    tokens[name as TokenName] = minted.token;
    return minted.entry;
  });
  const tokensFile = files.write('tokens.json', JSON.stringify(entries));
  const env: Record<string, string> = {
    BACKPACK_API_URL: sandbox.restUrl,
    BACKPACK_WS_URL: sandbox.wsUrl,
    PORT: '0',
    BACKPACK_CLOCK_SYNC: 'false',
    GATEWAY_ACCOUNTS_FILE: accountsFile,
    GATEWAY_TOKENS_FILE: tokensFile,
    ...options.env,
  };
  const logs: string[] = [];
  const signatures = new Set<string>();
  const restoreSignatures = recordSignatures(signatures);
  const restoreConsole = captureConsole(logs);
  const restore = (): void => {
    restoreSignatures();
    restoreConsole();
  };
  const logger = createLogger({ level: 'debug', destination: captureLines(logs) });
  let gateway: Gateway;
  try {
    gateway = await createGateway(loadConfig(env), { logger, env });
  } catch (error) {
    restore();
    await sandbox.close();
    files.cleanup();
    throw error;
  }
  const base = loadConfig({ BACKPACK_API_URL: sandbox.restUrl, BACKPACK_CLOCK_SYNC: 'false' });
  return {
    sandbox,
    gateway,
    tokens,
    logs,
    signatures,
    accountSecrets: [alice.apiSecret, bob.apiSecret],
    async post(query, variables, token) {
      const bearer = token === undefined ? undefined : (tokens[token as TokenName] ?? token);
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as GraphQLBody };
    },
    upstreamCount: () => Object.values(sandbox.stats.requests()).reduce((sum, count) => sum + count, 0),
    restAs: (account) =>
      BackpackRest.fromConfig({
        ...base,
        key: loadConfig({ BACKPACK_API_SECRET: sandbox.accountsByName[account]?.apiSecret }).key,
      }),
    close: async () => {
      try {
        await gateway.close();
        await sandbox.close();
      } finally {
        restore();
        files.cleanup();
      }
    },
  };
}

/** Every encoding a leaked secret could take in a log line: raw, base64, base64url, hex (both cases). */
export function encodingsOf(secret: string | Buffer): string[] {
  const forms = new Set<string>();
  const add = (bytes: Buffer): void => {
    forms.add(bytes.toString('base64').replace(/=+$/, ''));
    forms.add(bytes.toString('base64url'));
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('hex').toUpperCase());
  };
  if (typeof secret === 'string') {
    forms.add(secret);
    add(Buffer.from(secret, 'utf8'));
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(secret)) add(Buffer.from(secret, 'base64'));
    if (/^[A-Za-z0-9_-]+$/.test(secret)) add(Buffer.from(secret, 'base64url'));
  } else {
    add(secret);
  }
  return [...forms].filter((form) => form.length >= 16);
}

/** The log lines that contain any encoding of any of `secrets`, with what they leaked. */
export function leaks(lines: readonly string[], secrets: Iterable<string | Buffer>): { line: string; form: string }[] {
  const forms = [...secrets].flatMap(encodingsOf);
  const found: { line: string; form: string }[] = [];
  for (const line of lines)
    for (const form of forms) if (line.includes(form)) found.push({ line: line.slice(0, 200), form: form.slice(0, 8) });
  return found;
}
