// Fuzz: thousands of malformed or hostile HTTP requests (seeded, reproducible) against a token-mode gateway over the
// sandbox, then the same operations over graphql-ws. The gateway must answer every one without a 5xx (or a 4500 close),
// keep serving, and let none of them reach the exchange.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { until } from '../support/until.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql as post } from '../support/gql.ts';
import { leaks } from './leaks.ts';

const SEED = 0x5eed_2026;
const CASES = 2400;
const PARALLEL = 40;

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its index. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  readonly kind: string;
  readonly method?: string;
  readonly body?: string | Uint8Array | ReadableStream<Uint8Array>;
  readonly headers?: Record<string, string>;
  /** Appended to the URL (GET requests). */
  readonly search?: string;
}

type Gen = (r: () => number, tokens: TestGateway['tokens']) => Case;

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
const int = (r: () => number, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
/** encodeURIComponent that also takes lone surrogates (sent as raw invalid UTF-8 escapes). */
const uri = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};
const json = (value: unknown): string => JSON.stringify(value);
const gql = (query: string, variables?: unknown, extra: Record<string, unknown> = {}): string =>
  json({ query, variables, ...extra });

const HOSTILE_TEXT = [
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '😈',
  '𝟘',
  '٣',
  'Ω',
  '\ud800',
  '\udfff',
  '"',
  '\\',
  '${x}',
  '{{x}}',
  '<script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\n',
  '\r\n',
  '\t',
  'A'.repeat(300),
];
const BAD_DECIMALS: readonly unknown[] = [
  'NaN',
  '-NaN',
  'Infinity',
  '-Infinity',
  '1e5',
  '1E-7',
  '-1',
  '-0',
  '0',
  '0.0',
  '',
  ' ',
  ' 1',
  '1 ',
  '1,5',
  '1.2.3',
  '+1',
  '.5',
  '5.',
  '0x10',
  '٣',
  '１',
  '1_000',
  '9'.repeat(200),
  `0.${'0'.repeat(120)}1`,
  1.5,
  0,
  -1,
  Number.MAX_SAFE_INTEGER,
  true,
  [],
  {},
  ['1'],
  { value: '1' },
  '1\u0000',
  '😈',
];
const ORDER_FIELDS = ['quantity', 'price', 'quoteQuantity', 'triggerPrice', 'triggerQuantity'] as const;
const EXECUTE = `mutation($input: ExecuteOrderInput!) { executeOrder(input: $input) { __typename ... on MutationError { message } } }`;
const WITHDRAW = `mutation($input: RequestWithdrawalInput!) { requestWithdrawal(input: $input) { __typename } }`;

const generators: Readonly<Record<string, Gen>> = {
  deepNesting: (r) => {
    const depth = int(r, 13, 400);
    const field = pick(r, ['markets', 'account', 'a', 'baseAsset']);
    return { kind: 'deepNesting', body: gql(`{ ${`${field} { `.repeat(depth)}symbol${' }'.repeat(depth)} }`) };
  },
  recursiveFragments: (r) => {
    const n = int(r, 2, 50);
    const fragments = Array.from(
      { length: n },
      (_, i) => `fragment F${i} on Query { ...F${(i + 1) % n} markets { symbol } }`,
    ).join(' ');
    return { kind: 'recursiveFragments', body: gql(`{ ...F0 } ${fragments}`) };
  },
  aliasFlood: (r) => {
    const n = int(r, 31, 1500);
    const field = pick(r, ['markets { symbol }', '__typename', 'status { status }', 'account { balances { symbol } }']);
    return { kind: 'aliasFlood', body: gql(`{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`) };
  },
  directiveFlood: (r) => {
    const n = int(r, 21, 400);
    return { kind: 'directiveFlood', body: gql(`{ markets ${'@include(if: true) '.repeat(n)}{ symbol } }`) };
  },
  tokenFlood: (r) => ({ kind: 'tokenFlood', body: gql(`{ markets { ${'symbol '.repeat(int(r, 2001, 12_000))} } }`) }),
  syntax: (r) => {
    const garbage = Array.from({ length: int(r, 1, 200) }, () =>
      pick(r, [
        '{',
        '}',
        '(',
        ')',
        ':',
        '$',
        '...',
        '@',
        '"',
        '#',
        'query',
        'mutation',
        '!',
        '[',
        ']',
        '=',
        pick(r, HOSTILE_TEXT),
      ]),
    ).join(pick(r, ['', ' ', '\n']));
    return { kind: 'syntax', body: gql(garbage) };
  },
  unicodeNames: (r) => ({
    kind: 'unicodeNames',
    body: gql(`{ ${pick(r, HOSTILE_TEXT)}markets${pick(r, HOSTILE_TEXT)} { symbol } }`, undefined, {
      operationName: pick(r, HOSTILE_TEXT),
    }),
  }),
  hugeStrings: (r) => {
    const huge = pick(r, HOSTILE_TEXT)
      .repeat(int(r, 1_000, 20_000))
      .slice(0, 90_000);
    return pick(r, [
      { kind: 'hugeStrings', body: gql(`{ markets(nope: "${huge.replace(/["\\\n\r]/g, 'x')}") { symbol } }`) },
      { kind: 'hugeStrings', body: gql('{ markets { symbol } }', undefined, { operationName: huge }) },
      {
        kind: 'hugeStrings',
        body: gql(EXECUTE, {
          input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', price: huge, quantity: '1' },
        }),
      },
      { kind: 'hugeStrings', body: gql(`{ "${huge.replace(/["\\\n\r]/g, 'x')}" }`) },
    ]);
  },
  badDecimals: (r, tokens) => {
    const input: Record<string, unknown> = {
      symbol: 'SOL_USDC',
      side: 'BID',
      orderType: 'LIMIT',
      price: '140',
      quantity: '1',
    };
    input[pick(r, ORDER_FIELDS)] = pick(r, BAD_DECIMALS);
    if (r() < 0.5) input[pick(r, ORDER_FIELDS)] = pick(r, BAD_DECIMALS);
    // Mostly with a trading token, so the gateway's own input checks (not only scopes) are what stop them.
    const token = pick(r, [
      tokens.aliceReadTrade,
      tokens.aliceReadTrade,
      tokens.aliceTrade,
      tokens.aliceRead,
      undefined,
    ]);
    return {
      kind: 'badDecimals',
      body: gql(EXECUTE, { input }),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    };
  },
  wrongTypes: (r, tokens) => {
    const variables = pick(r, [
      { input: 'SOL_USDC' },
      { input: [] },
      { input: null },
      { input: { symbol: 5, side: 'BID', orderType: 'LIMIT', quantity: '1' } },
      { input: { symbol: 'SOL_USDC', side: 'bid', orderType: 'LIMIT', quantity: '1' } },
      { input: { symbol: 'SOL_USDC', side: 'BUY', orderType: 'LIMIT', quantity: '1' } },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'Limit', quantity: '1' } },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', nope: true } },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', clientId: 2 ** 53 + 7 } },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', postOnly: 'yes' } },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', clientId: -1 } },
      {
        input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', clientId: '99999999999999999999' },
      },
      { input: { symbol: 'SOL_USDC', side: 'BID', orderType: 'LIMIT', quantity: '1', clientId: 'abc' } },
      'not-an-object',
      [1, 2, 3],
      42,
    ]);
    const query = pick(r, [
      EXECUTE,
      WITHDRAW,
      'query($n: Int) { klines(symbol: "SOL_USDC", interval: ONE_MINUTE, startTime: $n) { open } }',
      'query($s: String!) { orderBook(symbol: $s, limit: "x") { lastUpdateId } }',
      '{ klines(symbol: "SOL_USDC", interval: "1m", startTime: "yesterday") { open } }',
      '{ orderBook(symbol: "SOL_USDC", limit: 99999999999999999999) { lastUpdateId } }',
      '{ markets(marketType: [SPOTT]) { symbol } }',
      '{ account { fills(limit: -1.5) { items { tradeId } } } }',
      `{ account { order(symbol: 5, id: {}) { id } } }`,
    ]);
    const token = pick(r, [tokens.aliceReadTrade, tokens.bobReadTrade, undefined]);
    return {
      kind: 'wrongTypes',
      body: gql(query, variables),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    };
  },
  withdrawHostile: (r, tokens) => ({
    kind: 'withdrawHostile',
    body: gql(WITHDRAW, {
      input: {
        asset: pick(r, HOSTILE_TEXT),
        quantity: pick(r, BAD_DECIMALS),
        blockchain: 'SOLANA',
        address: pick(r, HOSTILE_TEXT),
      },
    }),
    headers: { authorization: `Bearer ${pick(r, [tokens.aliceReadTrade, tokens.aliceRead, tokens.bobReadTrade])}` },
  }),
  invalidJson: (r) => {
    const body = pick(r, [
      '',
      '{',
      '}',
      'null',
      'true',
      '42',
      '"query"',
      '[]',
      '{"query": 5}',
      '{"query": null}',
      '{"query": ["{ markets { symbol } }"]}',
      '{"query": "{ markets { symbol } }", "variables": "x"}',
      '{"query": "{ markets { symbol } }", "variables": [1]}',
      '{"query": "{ markets { symbol } }", "extensions": 5}',
      '{"query": "{ markets { symbol } }", "operationName": 7}',
      '\ufeff{"query": "{ markets { symbol } }"',
      '{"query": "{ markets { symbol } }",}',
      "{'query': '{ markets { symbol } }'}",
      '{"__proto__": {"polluted": true}, "query": "{ __typename } {"}',
      '{"constructor": {"prototype": {"x": 1}}}',
      `{"query": "${'['.repeat(5000)}"}`,
      '['.repeat(int(r, 100, 50_000)),
      `{"a":${'{"a":'.repeat(int(r, 100, 20_000))}1`,
    ]);
    return { kind: 'invalidJson', body };
  },
  contentTypes: (r) => ({
    kind: 'contentTypes',
    body: gql('mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename } }'),
    headers: {
      'content-type': pick(r, [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        '',
        'application/xml',
        'application/json; charset=utf-7',
      ]),
    },
  }),
  methods: (r) =>
    pick(r, [
      { kind: 'methods', method: 'PUT', body: gql('{ markets { symbol } }') },
      { kind: 'methods', method: 'DELETE' },
      { kind: 'methods', method: 'PATCH', body: '{}' },
      {
        kind: 'methods',
        method: 'GET',
        search: `?query=${encodeURIComponent('mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename } }')}`,
      },
      {
        kind: 'methods',
        method: 'GET',
        search: `?query=${uri(pick(r, HOSTILE_TEXT))}&variables=${encodeURIComponent('{bad')}`,
      },
      { kind: 'methods', method: 'GET', search: `?query=${'%'.repeat(int(r, 1, 50))}` },
    ]),
  oversized: (r) => {
    const size = int(r, 100_001, 400_000);
    if (r() < 0.5) return { kind: 'oversized', body: gql(`{ markets { symbol } } # ${'x'.repeat(size)}`) };
    // No Content-Length (chunked): yoga must stop reading at the limit.
    const chunk = new TextEncoder().encode('x'.repeat(16_384));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query": "{ markets { symbol } } #'));
        if (sent > size) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    return { kind: 'oversized', body: stream };
  },
  batches: (r, tokens) => {
    const op = () =>
      pick(r, [
        { query: '{ markets { symbol } }' },
        { query: '{' },
        { query: EXECUTE, variables: { input: { quantity: 'NaN' } } },
        'x',
        null,
        [],
        { query: '{ account { balances { symbol } } }' },
        { query: `{ ${'a: __typename '.repeat(40)} }` },
      ]);
    const batch = pick(r, [
      Array.from({ length: int(r, 11, 300) }, () => ({ query: '{ markets { symbol } }' })),
      Array.from({ length: int(r, 1, 10) }, op).filter(
        (item) =>
          typeof item === 'object' &&
          item !== null &&
          !Array.isArray(item) &&
          'query' in item &&
          item.query !== '{ markets { symbol } }' &&
          item.query !== '{ account { balances { symbol } } }',
      ),
      [],
      [[{ query: '{ markets { symbol } }' }]],
      [null],
      ['{ markets { symbol } }'],
    ]);
    const token = pick(r, [tokens.aliceReadTrade, undefined]);
    return {
      kind: 'batches',
      body: json(batch.length === 0 && r() < 0.5 ? [{ query: '{' }] : batch),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    };
  },
  badAuth: (r) => ({
    kind: 'badAuth',
    body: gql(
      pick(r, [
        '{ markets { symbol } }',
        '{ account { balances { symbol } } }',
        'mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename } }',
      ]),
    ),
    headers: {
      authorization: pick(r, [
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        `Bearer ${'x'.repeat(int(r, 513, 8_000))}`,
        'Bearer bpg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        'bearer a b c',
        `Bearer ${uri(pick(r, HOSTILE_TEXT))}`,
        'Token abc',
        'Bearer null',
        'Bearer undefined',
      ]),
    },
  }),
  scopeProbes: (r, tokens) => {
    // Each probe with a caller lacking its scope: anonymous, or a token without it (scopes do not imply each other).
    const [query, callers] = pick(r, [
      [
        'mutation { cancelOpenOrders(symbol: "SOL_USDC") { __typename } }',
        [undefined, tokens.aliceRead, tokens.bobRead],
      ],
      [
        'mutation { issueTwoFactorToken { __typename } }',
        [undefined, tokens.aliceRead, tokens.aliceTrade, tokens.aliceReadTrade],
      ],
      ['mutation { convertDust { symbol } }', [undefined, tokens.aliceRead]],
      [WITHDRAW, [undefined, tokens.aliceRead, tokens.aliceReadTrade, tokens.bobReadTrade]],
      [
        '{ account { balances { symbol } depositAddress(blockchain: SOLANA) { address } } }',
        [undefined, tokens.aliceTrade],
      ],
    ] as const);
    const token = pick(r, callers);
    return {
      kind: 'scopeProbes',
      body: gql(query, { input: { asset: 'USDC', quantity: '1', blockchain: 'SOLANA', address: 'x' } }),
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    };
  },
};

let s: TestGateway;

beforeAll(async () => {
  s = await startGateway({
    mode: 'tokens',
    captureLogs: true,
    sandbox: { seed: 23, flow: { enabled: false } },
    env: { GATEWAY_RATE_LIMIT_PER_MIN: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN: '1000000' },
  });
});

afterAll(async () => {
  await s?.close();
});

/** The HTTP status, and whether the answer refused the request. */
interface Outcome {
  readonly status: number;
  readonly refused: boolean;
}

/** A result that did nothing: GraphQL errors, or a mutation answered with one of its typed errors (`InvalidOrder` …). */
function refusedResult(result: unknown): boolean {
  const { data, errors } = (result ?? {}) as { data?: Record<string, unknown> | null; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) return true;
  const fields = Object.values(data ?? {});
  return (
    fields.length > 0 &&
    fields.every((value) => {
      const typename = (value as { __typename?: unknown } | null)?.__typename;
      return typeof typename === 'string' && !typename.endsWith('Success');
    })
  );
}

/** A 4xx, or every operation of the (batched) answer refused; an empty batch executes nothing. */
function refusedBody(status: number, text: string): boolean {
  if (status >= 400) return true;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return false;
  }
  return Array.isArray(body) ? body.every(refusedResult) : refusedResult(body);
}

async function send(c: Case): Promise<Outcome> {
  const init: RequestInit & { duplex?: 'half' } = {
    method: c.method ?? 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...c.headers },
  };
  if (c.body !== undefined && init.method !== 'GET' && init.method !== 'DELETE') {
    init.body = c.body as BodyInit;
    if (c.body instanceof ReadableStream) init.duplex = 'half';
  }
  try {
    const response = await fetch(`${s.gateway.url}${c.search ?? ''}`, init);
    const text = await response.text();
    return { status: response.status, refused: refusedBody(response.status, text) };
  } catch (error) {
    // The server may cut an oversized upload off mid-stream (413 + Connection: close): that is a refusal, not a crash.
    if (c.kind === 'oversized') return { status: 413, refused: true };
    throw new Error(
      `${c.kind}: ${error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause)}` : String(error)}`,
      { cause: error },
    );
  }
}

/** Calls per endpoint, without /ready's periodic GET /api/v1/time probe (it runs whatever the clients send). */
function exchangeCalls(counts: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([name]) => name !== 'getTime'));
}

describe('fuzzing the gateway over HTTP', () => {
  it(`answers ${CASES} malformed or hostile requests without a 5xx or an exchange call, and keeps serving`, async () => {
    const valid = await post(s, '{ markets { symbol } }');
    expect(valid.body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 100));

    const random = prng(SEED);
    const names = Object.keys(generators);
    const cases = Array.from({ length: CASES }, (_, index) => {
      const name = names[index % names.length] as string; // every kind, evenly
      return (generators[name] as Gen)(random, s.tokens);
    });
    const before = exchangeCalls(s.sandbox.stats.requests());
    const statuses = new Map<string, Map<number, number>>();
    const serverErrors: string[] = [];
    const accepted: string[] = [];
    for (let start = 0; start < cases.length; start += PARALLEL) {
      const slice = cases.slice(start, start + PARALLEL);
      const results = await Promise.all(slice.map(send));
      results.forEach(({ status, refused }, offset) => {
        const c = slice[offset] as Case;
        const byStatus = statuses.get(c.kind) ?? new Map<number, number>();
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        statuses.set(c.kind, byStatus);
        if (status >= 500) serverErrors.push(`#${start + offset} ${c.kind} → ${status}`);
        if (!refused) accepted.push(`#${start + offset} ${c.kind}`);
      });
    }
    const after = exchangeCalls(s.sandbox.stats.requests());

    expect(serverErrors).toEqual([]);
    // The market catalog may refresh (its 60 s freshness, or an unknown symbol's rate-limited re-check): at most twice
    // in a run; nothing else reaches the exchange.
    expect((after['getMarkets'] ?? 0) - (before['getMarkets'] ?? 0)).toBeLessThanOrEqual(2);
    expect({ ...after, getMarkets: 0 }).toEqual({ ...before, getMarkets: 0 });
    // Every kind was exercised, and each case was refused (a 4xx, or GraphQL errors in every result) — except names
    // padded with characters GraphQL ignores (BOM, whitespace), which are the valid `{ markets { symbol } }`.
    expect([...statuses.keys()].sort()).toEqual([...names].sort());
    expect(accepted.filter((label) => !label.endsWith(' unicodeNames'))).toEqual([]);

    // Still serving: public and private queries work after the storm.
    const markets = await post(s, '{ markets { symbol } }');
    expect(markets.status).toBe(200);
    expect(markets.body.data?.['markets'].length).toBeGreaterThan(0);
    const balances = await post(s, '{ account { balances { symbol } } }', undefined, { token: 'aliceRead' });
    expect(balances.body.errors).toBeUndefined();

    // Nothing of the hostile traffic put a token or a key into the log.
    expect(leaks(s.logs, [...s.accountSecrets, ...Object.values(s.tokens), ...s.signatures])).toEqual([]);
  }, 60_000);
});

// graphql-ws: the operation-shaped cases (a JSON object with a string `query`) as `subscribe` frames on one connection
// per caller. Kinds whose operations are valid for a trading token (content types, methods, scope probes) stay HTTP-only.
const WS_KINDS = [
  'deepNesting',
  'recursiveFragments',
  'aliasFlood',
  'directiveFlood',
  'tokenFlood',
  'syntax',
  'unicodeNames',
  'hugeStrings',
  'badDecimals',
  'wrongTypes',
  'withdrawHostile',
] as const;
const WS_CASES = 660;

interface WsFrame {
  readonly id?: string;
  readonly type: string;
  readonly payload?: unknown;
}

/** The case as a graphql-ws subscribe payload, or null when graphql-ws itself would refuse the frame's shape. */
function wsPayload(c: Case): { query: string; variables?: unknown; operationName?: unknown } | null {
  if (typeof c.body !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(c.body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables)))
    return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, variables, operationName };
}

/** A graphql-transport-ws connection on a raw socket: every frame received, and the close code if it closed. */
async function wsConnection(
  token: string | undefined,
): Promise<{ socket: WebSocket; frames: WsFrame[]; closed: () => number | null }> {
  const socket = new WebSocket(s.gateway.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const frames: WsFrame[] = [];
  let closedWith: number | null = null;
  socket.on('message', (data: Buffer) => frames.push(JSON.parse(data.toString('utf8')) as WsFrame));
  socket.on('close', (code: number) => {
    closedWith = code;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { authorization: `Bearer ${token}` } : {} }));
  await until(() => frames.some((frame) => frame.type === 'connection_ack'), 'connection_ack');
  return { socket, frames, closed: () => closedWith };
}

describe('fuzzing the gateway over graphql-ws', () => {
  it(`answers ${WS_CASES} hostile operations per connection with an error for that operation, never a 4500 close or an exchange call`, async () => {
    const random = prng(SEED + 1);
    const maxFrameBytes = s.gateway.security.limits.maxBodyBytes;
    const payloads: NonNullable<ReturnType<typeof wsPayload>>[] = [];
    const kinds: string[] = [];
    for (let index = 0; payloads.length < WS_CASES; index += 1) {
      const kind = WS_KINDS[index % WS_KINDS.length] as string;
      const payload = wsPayload((generators[kind] as Gen)(random, s.tokens));
      // Frames over the size limit are refused by closing the socket (1009), by design; HTTP covers oversized bodies.
      if (payload && Buffer.byteLength(JSON.stringify({ id: 'x', type: 'subscribe', payload })) < maxFrameBytes) {
        payloads.push(payload);
        kinds.push(kind);
      }
    }
    const before = exchangeCalls(s.sandbox.stats.requests());
    for (const token of [undefined, s.tokens.aliceReadTrade]) {
      const { socket, frames, closed } = await wsConnection(token);
      try {
        for (let start = 0; start < payloads.length; start += PARALLEL) {
          const ids = payloads.slice(start, start + PARALLEL).map((payload, offset) => {
            const id = String(start + offset);
            socket.send(JSON.stringify({ id, type: 'subscribe', payload }));
            return id;
          });
          const answered = () =>
            ids.every((id) =>
              frames.some((frame) => frame.id === id && (frame.type === 'error' || frame.type === 'complete')),
            );
          await until(
            () => answered() || closed() !== null,
            `answers to operations ${start}…${start + ids.length - 1}`,
            { timeoutMs: 10_000 },
          );
          expect(closed()).toBeNull();
        }
        // Each operation was refused: an `error` frame, or results with errors or a mutation's typed error (as over HTTP,
        // names padded with characters GraphQL ignores are the valid `{ markets { symbol } }`).
        const accepted = payloads.flatMap((_, index) => {
          const own = frames.filter((frame) => frame.id === String(index));
          const refused =
            own.some((frame) => frame.type === 'error') ||
            own.filter((frame) => frame.type === 'next').every((frame) => refusedResult(frame.payload));
          return refused || kinds[index] === 'unicodeNames' ? [] : [`#${index} ${kinds[index] ?? ''}`];
        });
        expect(accepted).toEqual([]);
        // Nothing was answered as an internal failure.
        expect(JSON.stringify(frames)).not.toContain('INTERNAL_SERVER_ERROR');
        // The connection still serves.
        socket.send(JSON.stringify({ id: 'final', type: 'subscribe', payload: { query: '{ markets { symbol } }' } }));
        await until(
          () => frames.some((frame) => frame.id === 'final' && frame.type === 'complete'),
          'a valid query after the storm',
        );
        expect(frames.find((frame) => frame.id === 'final' && frame.type === 'next')?.payload).toMatchObject({
          data: { markets: expect.any(Array) },
        });
        expect(closed()).toBeNull();
      } finally {
        socket.close();
      }
    }
    // Unknown symbols may force one (rate-limited) market catalog refresh; nothing else reaches the exchange.
    const after = exchangeCalls(s.sandbox.stats.requests());
    expect((after['getMarkets'] ?? 0) - (before['getMarkets'] ?? 0)).toBeLessThanOrEqual(1);
    expect({ ...after, getMarkets: 0 }).toEqual({ ...before, getMarkets: 0 });
    expect(leaks(s.logs, [...s.accountSecrets, ...Object.values(s.tokens), ...s.signatures])).toEqual([]);
  }, 60_000);
});
