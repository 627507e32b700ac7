// Every environment variable the gateway, the sandbox commands and the logger read, declared once.
//
// Adding a variable is a one-place change: add an entry below (the key is the variable's name) built with a kind from
// ./kinds.ts (integer, flag, url, textValue, choice …) with its default, range and one-line description. Then read it
// as `readSettings(env).NAME` (typed from this table) where it is used; the README's configuration table row comes from
// `npm run config:table` and test/readme.test.ts fails until the README matches this table.
import { endpoints } from '../exchange/endpoints.ts';
import {
  choice,
  durationsByName,
  flag,
  integer,
  optionalFlag,
  optionalInteger,
  optionalUrl,
  ratio,
  textValue,
  url,
} from './kinds.ts';

const endpointNames = Object.keys(endpoints) as (keyof typeof endpoints)[];

export const variables = {
  BACKPACK_API_URL: url({
    default: 'https://api.backpack.exchange',
    schemes: ['http', 'https'],
    description: 'REST base URL (http/https)',
  }),
  BACKPACK_WS_URL: url({
    default: 'wss://ws.backpack.exchange',
    schemes: ['ws', 'wss'],
    description: 'WebSocket URL (ws/wss)',
  }),
  BACKPACK_API_KEY: textValue({
    description: 'Optional. If set, it must equal the public key derived from the secret, or startup is refused',
  }),
  BACKPACK_API_SECRET: textValue({
    description:
      'base64 of the 32-byte ED25519 seed (or the 64-byte seed‖public key). Without a secret only public data is available',
  }),
  BACKPACK_API_SECRET_FILE: textValue({
    description: 'A file holding the secret instead. Setting both this and `BACKPACK_API_SECRET` is an error',
  }),
  BACKPACK_WINDOW_MS: integer({
    default: 5_000,
    min: 1,
    max: 60_000,
    description: '`X-Window` of signed requests, ms; the exchange accepts at most 60000',
  }),
  BACKPACK_TIMEOUT_MS: integer({
    default: 10_000,
    min: 1,
    max: 600_000,
    description: 'Timeout per upstream attempt, ms',
  }),
  BACKPACK_MAX_RETRIES: integer({
    default: 3,
    min: 0,
    max: 10,
    description: 'Extra attempts for idempotent GETs on 429/5xx/network errors. POST/PATCH/DELETE are never retried',
  }),
  BACKPACK_RATE_LIMIT_PER_MIN: integer({
    default: 2_000,
    min: 1,
    max: 1_000_000,
    description: 'Client-side request budget per account (all calls)',
  }),
  BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN: integer({
    default: 30,
    min: 1,
    max: 1_000_000,
    description: 'Budget for history endpoints (they also count against the one above)',
  }),
  BACKPACK_RATE_LIMIT_MAX_WAIT_MS: integer({
    default: 30_000,
    min: 0,
    max: 600_000,
    description: 'How long a request may queue for the budget before failing with a rate-limit error',
  }),
  BACKPACK_CLOCK_SYNC: flag({
    default: true,
    description: 'Correct signing timestamps with the offset measured from `GET /api/v1/time`',
  }),
  PORT: integer({ default: 4_000, min: 0, max: 65_535, description: 'Gateway port' }),
  HOST: textValue({
    default: '127.0.0.1',
    description: 'Gateway bind address (non-loopback requires gateway tokens; see Security)',
  }),
  EXCHANGE_PORT: integer({
    default: 4_100,
    min: 0,
    max: 65_535,
    description: 'Port of the standalone sandbox (`npm run exchange`)',
  }),
  GATEWAY_CACHE_TTL_MS: durationsByName({
    names: endpointNames,
    shownDefault: 'per endpoint (tickers/mark prices ~1 s, depth ~250 ms, markets/assets ~60 s)',
    description:
      'Cross-request cache TTLs for public data, e.g. `getTickers=1000,getMarkets=60000,default=500`; 0 disables caching but keeps in-flight coalescing',
  }),
  GATEWAY_SUBSCRIPTION_BUFFER: integer({
    default: 256,
    min: 1,
    max: 100_000,
    description:
      'Messages one subscription may have waiting before it conflates (snapshot streams) or ends with `SUBSCRIPTION_OVERFLOW` (lossless streams)',
  }),
  GATEWAY_ORDERBOOK_CONFLATE_MS: integer({
    default: 100,
    min: 0,
    max: 60_000,
    description: 'Minimum interval between `orderBook` subscription emissions',
  }),
  LOG_LEVEL: choice({
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    default: 'info',
    description: 'pino log level (logs are JSON on stdout, secrets redacted)',
  }),
  NODE_ENV: textValue({
    description:
      '`production` turns introspection and GraphiQL off by default and drops the loopback-origin CORS allowance',
  }),
  GATEWAY_REQUEST_DEADLINE_MS: integer({
    default: 8_000,
    min: 1,
    max: 600_000,
    description:
      'All upstream work of one query or mutation (limiter waits, attempts, backoff) ends within this; past it the field fails with `EXCHANGE_TIMEOUT`',
  }),
  GATEWAY_READY_PROBE_MS: integer({
    default: 5_000,
    min: 100,
    max: 600_000,
    description:
      '`/ready` probes the exchange (`GET /api/v1/time`) this often; a result older than two intervals fails it',
  }),
  GATEWAY_SHUTDOWN_GRACE_MS: integer({
    default: 10_000,
    min: 0,
    max: 600_000,
    description: 'On SIGTERM/SIGINT, how long in-flight operations may still finish',
  }),
  GATEWAY_METRICS_PORT: optionalInteger({
    min: 0,
    max: 65_535,
    description:
      'Also serve `/metrics` on this port of `HOST` (any caller there); otherwise loopback or a `metrics` token',
  }),
  GATEWAY_METRICS_OPERATION_NAMES: integer({
    default: 100,
    min: 0,
    max: 100_000,
    description:
      "Distinct `operationName` (trusted documents' names, then the first N seen) and error `path` values of the GraphQL metrics; later ones count as `other`",
  }),
  GATEWAY_APQ: flag({
    default: true,
    description: 'Automatic persisted queries (register by sha256 hash, then send the hash only)',
  }),
  GATEWAY_NATIVE_HTTP: flag({
    default: true,
    description:
      "Answer plain `POST` JSON GraphQL requests on node:http without yoga's fetch layer (same limits, errors and headers); `false` sends every request through yoga",
  }),
  GATEWAY_COMPILE_QUERIES_AT: integer({
    default: 2,
    min: 0,
    max: 1_000_000,
    description:
      'Run a query document as compiled JavaScript (graphql-jit, about 4× cheaper to execute) from its Nth execution on; `0` keeps the standard executor',
  }),
  GATEWAY_PERSISTED_DOCUMENTS: textValue({
    description:
      'A graphql-codegen `persisted-documents.json` manifest (hash → document); when set, only those documents run (trusted documents)',
  }),
  GATEWAY_REDIS_URL: optionalUrl({
    schemes: ['redis', 'rediss'],
    description:
      'Replica mode: gateways with the same Redis (≥ 6) share the exchange budgets, the public cache and one upstream subscription per stream. Unset: one process, no Redis',
  }),
  GATEWAY_REPLICAS: integer({
    default: 2,
    min: 1,
    max: 1_000,
    description:
      'Replica mode: how many replicas run; while Redis is unreachable each one spends at most the budget ÷ this',
  }),
  GATEWAY_REDIS_PREFIX: textValue({
    default: 'bpgw:',
    description: 'Replica mode: prefix of every Redis key and channel, so separate deployments can share one Redis',
  }),
  OTEL_TRACES_EXPORTER: choice({
    values: ['none', 'console'],
    default: 'none',
    description:
      'OpenTelemetry traces: `none` (off) or `console` (finished spans on stdout); no OTLP exporter package is bundled',
  }),
  OTEL_SDK_DISABLED: flag({ default: false, description: '`true` turns tracing off whatever the exporter says' }),
  OTEL_TRACES_SAMPLER: choice({
    values: [
      'parentbased_always_on',
      'always_on',
      'always_off',
      'traceidratio',
      'parentbased_always_off',
      'parentbased_traceidratio',
    ],
    default: 'parentbased_always_on',
    description: 'Which operations are traced (the standard OpenTelemetry sampler names)',
  }),
  OTEL_TRACES_SAMPLER_ARG: ratio({ default: 1, description: 'The ratio of the `*traceidratio` samplers' }),
  OTEL_SERVICE_NAME: textValue({ default: 'backpack-graphql', description: "Service name of the gateway's spans" }),
  GATEWAY_TOKENS_FILE: textValue({
    description: 'JSON array of `{ name, sha256, account, scopes }`; enables token mode (see Security)',
  }),
  GATEWAY_ACCOUNTS_FILE: textValue({
    description: 'Several named accounts instead of `BACKPACK_API_SECRET` (see Security)',
  }),
  GATEWAY_MAX_DEPTH: integer({
    default: 12,
    min: 1,
    max: 100,
    description: 'Deepest field nesting (fragments flattened), checked before execution',
  }),
  GATEWAY_MAX_ALIASES: integer({
    default: 30,
    min: 0,
    max: 1_000,
    description: 'Aliases per operation (aliased `__typename` included)',
  }),
  GATEWAY_MAX_COST: integer({
    default: 20_000,
    min: 1,
    max: 1_000_000_000,
    description:
      'Estimated cost of one operation (each field 1, lists multiplied by their expected size: catalog size, `limit`), checked before execution; over it: `COST_LIMIT`',
  }),
  GATEWAY_COST_PER_MIN: integer({
    default: 200_000,
    min: 1,
    max: 1_000_000_000_000,
    description:
      'Estimated cost per minute per token (or local caller), at least `GATEWAY_MAX_COST`; over it: `RATE_LIMITED`',
  }),
  GATEWAY_ANONYMOUS_COST_PER_MIN: integer({
    default: 100_000,
    min: 1,
    max: 1_000_000_000_000,
    description: 'Estimated cost per minute per IP without a token, at least `GATEWAY_MAX_COST`',
  }),
  GATEWAY_MAX_RESPONSE_BYTES: integer({
    default: 5_000_000,
    min: 1_000,
    max: 1_000_000_000,
    description: 'Largest JSON result of one operation or subscription event; larger: `RESPONSE_TOO_LARGE`',
  }),
  GATEWAY_MAX_EXECUTION_MS: integer({
    default: 10_000,
    min: 100,
    max: 3_600_000,
    description: 'Longest a query may execute, then `EXECUTION_TIMEOUT` (mutations are never cut short)',
  }),
  GATEWAY_MAX_SUBSCRIPTIONS_PER_CONNECTION: integer({
    default: 100,
    min: 1,
    max: 100_000,
    description:
      'Operations one graphql-ws connection may run at once; one more is refused with `TOO_MANY_SUBSCRIPTIONS`',
  }),
  GATEWAY_MAX_TOKENS: integer({ default: 2_000, min: 10, max: 100_000, description: 'Lexer tokens per document' }),
  GATEWAY_MAX_DIRECTIVES: integer({ default: 20, min: 0, max: 1_000, description: 'Directives per operation' }),
  GATEWAY_MAX_BATCH: integer({
    default: 10,
    min: 0,
    max: 100,
    description: 'Operations per batched HTTP request; 0 disables batching',
  }),
  GATEWAY_MAX_BODY_BYTES: integer({
    default: 100_000,
    min: 1_000,
    max: 10_000_000,
    description: 'Largest HTTP body or graphql-ws message (larger is 413)',
  }),
  GATEWAY_RATE_LIMIT_PER_MIN: integer({
    default: 600,
    min: 1,
    max: 1_000_000,
    description: 'Operations per minute per token (or the local-mode caller)',
  }),
  GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MIN: integer({
    default: 300,
    min: 1,
    max: 1_000_000,
    description: 'Operations per minute per IP without a token',
  }),
  GATEWAY_INTROSPECTION: optionalFlag({
    shownDefault: 'on (off with `NODE_ENV=production`)',
    description: 'Allow `__schema`/`__type`',
  }),
  GATEWAY_GRAPHIQL: optionalFlag({
    shownDefault: 'follows `GATEWAY_INTROSPECTION` (off with `NODE_ENV=production`)',
    description: 'Serve GraphiQL at `GET /graphql` (it needs introspection)',
  }),
  GATEWAY_DASHBOARD: optionalFlag({
    shownDefault: 'follows `GATEWAY_GRAPHIQL`',
    description: 'Serve the live trading dashboard at `/` (assets under `/dashboard/`)',
  }),
  GATEWAY_PUBLIC_REQUIRES_TOKEN: flag({
    default: false,
    description: 'Refuse even public market data to callers without a token',
  }),
  GATEWAY_CORS_ORIGINS: textValue({
    shownDefault: 'none (any loopback origin outside production)',
    description: 'Comma-separated origins allowed to call cross-site; `*` only in token mode',
  }),
  GATEWAY_ALLOWED_HOSTS: textValue({
    shownDefault: 'loopback names when bound to loopback, else any',
    description: 'Comma-separated `Host` header names accepted (DNS-rebinding defence)',
  }),
};
