// Environment → typed gateway config, failing at startup with messages that name the variable (never its secret).
import { readFileSync } from 'node:fs';
import { KeyError, loadSigningKey, type SigningKey } from './exchange/sign.ts';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface Config {
  /** `BACKPACK_API_URL` — REST base URL. Default `https://api.backpack.exchange`. */
  readonly apiUrl: string;
  /** `BACKPACK_WS_URL` — WebSocket URL. Default `wss://ws.backpack.exchange`. */
  readonly wsUrl: string;
  /**
   * From `BACKPACK_API_SECRET` (base64 of the 32-byte ED25519 seed, or of the 64-byte seed‖public key) or
   * `BACKPACK_API_SECRET_FILE` (a file holding that text; not both). `BACKPACK_API_KEY` is optional; when set it
   * must equal the public key derived from the secret. Undefined: only public endpoints are available.
   */
  readonly key: SigningKey | undefined;
  /** `BACKPACK_WINDOW_MS` — X-Window of signed requests, 1..60000 (the exchange's cap). Default 5000. */
  readonly windowMs: number;
  /** `BACKPACK_TIMEOUT_MS` — per-attempt REST timeout. Default 10000. */
  readonly timeoutMs: number;
  /** `BACKPACK_MAX_RETRIES` — extra attempts for GETs on 429/5xx/network/timeout (writes never retry). Default 3. */
  readonly maxRetries: number;
  /** `BACKPACK_RATE_LIMIT_PER_MIN` — client-side budget for all REST calls of the account. Default 2000. */
  readonly rateLimitPerMin: number;
  /** `BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN` — budget for history endpoints (they also count above). Default 30. */
  readonly historicalRateLimitPerMin: number;
  /** `BACKPACK_RATE_LIMIT_MAX_WAIT_MS` — longest a request queues for budget before failing. Default 30000. */
  readonly rateLimitMaxWaitMs: number;
  /** `BACKPACK_CLOCK_SYNC` — correct signing timestamps with GET /api/v1/time. Default true. */
  readonly clockSync: boolean;
  /** `PORT` — port the gateway listens on. Default 4000. */
  readonly port: number;
  /** `HOST` — interface the gateway binds. Default 127.0.0.1 (loopback only). */
  readonly host: string;
  /**
   * `GATEWAY_REQUEST_DEADLINE_MS` — all upstream work of one query or mutation (limiter waits, attempts, backoff) ends
   * within this; past it the field fails with EXCHANGE_TIMEOUT. Default 8000.
   */
  readonly requestDeadlineMs: number;
  /** `GATEWAY_SHUTDOWN_GRACE_MS` — on SIGTERM/SIGINT, how long in-flight operations may still finish. Default 10000. */
  readonly shutdownGraceMs: number;
  /** `GATEWAY_READY_PROBE_MS` — how often /ready probes the exchange (GET /api/v1/time). Default 5000. */
  readonly readyProbeMs: number;
  /** `GATEWAY_METRICS_PORT` — also serve /metrics on this loopback port (any caller there). Default: off. */
  readonly metricsPort: number | undefined;
  /** `GATEWAY_APQ` — automatic persisted queries (register by sha256 hash, then send the hash only). Default true. */
  readonly apq: boolean;
  /**
   * `GATEWAY_PERSISTED_DOCUMENTS` — a graphql-codegen `persisted-documents.json` manifest (hash → document); when set,
   * only those documents run (trusted documents). Default: off.
   */
  readonly persistedDocuments: string | undefined;
  /** OpenTelemetry tracing from the standard `OTEL_*` variables; off unless an exporter is chosen. */
  readonly tracing: TracingConfig;
}

export type TracesSampler =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';
const TRACES_SAMPLERS: readonly TracesSampler[] = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
];

export interface TracingConfig {
  /**
   * `OTEL_TRACES_EXPORTER` — `none` (default: no tracing) or `console` (finished spans on stdout). `OTEL_SDK_DISABLED=true`
   * forces `none`.
   */
  readonly exporter: 'none' | 'console';
  /** `OTEL_TRACES_SAMPLER` — default `parentbased_always_on`. */
  readonly sampler: TracesSampler;
  /** `OTEL_TRACES_SAMPLER_ARG` — the ratio (0..1) of the `*traceidratio` samplers. Default 1. */
  readonly samplerRatio: number;
  /** `OTEL_SERVICE_NAME` — default `backpack-graphql`. */
  readonly serviceName: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable counts as absent. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optionalInteger(env: Env, name: string, min: number, max: number): number | undefined {
  return read(env, name) === undefined ? undefined : integer(env, name, 0, min, max);
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const text = read(env, name)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

function url(env: Env, name: string, fallback: string, protocols: readonly string[]): string {
  const text = read(env, name) ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new ConfigError(`${name} is not a valid URL: "${text}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.map((p) => p.replace(':', '')).join(' or ')}, got "${text}"`);
  }
  return text.replace(/\/+$/, '');
}

/** The secret's text and where it came from, for error messages that point at the right variable. */
function readSecret(env: Env): { secret: string; source: string } | undefined {
  const inline = read(env, 'BACKPACK_API_SECRET');
  const file = read(env, 'BACKPACK_API_SECRET_FILE');
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError('set either BACKPACK_API_SECRET or BACKPACK_API_SECRET_FILE, not both');
  }
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ConfigError(
        `BACKPACK_API_SECRET_FILE: cannot read ${file} (${typeof code === 'string' ? code : 'error'})`,
      );
    }
    if (text.trim() === '') throw new ConfigError(`BACKPACK_API_SECRET_FILE: ${file} is empty`);
    return { secret: text.trim(), source: `BACKPACK_API_SECRET_FILE (${file})` };
  }
  return inline === undefined ? undefined : { secret: inline, source: 'BACKPACK_API_SECRET' };
}

function signingKey(env: Env): SigningKey | undefined {
  const apiKey = read(env, 'BACKPACK_API_KEY');
  const secret = readSecret(env);
  if (secret === undefined) {
    if (apiKey !== undefined) {
      throw new ConfigError('BACKPACK_API_KEY is set but BACKPACK_API_SECRET / BACKPACK_API_SECRET_FILE is missing');
    }
    return undefined;
  }
  try {
    return loadSigningKey(secret.secret, apiKey);
  } catch (error) {
    // KeyError messages name variables and the derived public key only; re-home them to the actual source.
    if (error instanceof KeyError) {
      throw new ConfigError(error.message.replaceAll('BACKPACK_API_SECRET', secret.source));
    }
    throw new ConfigError(`${secret.source}: the secret could not be loaded`);
  }
}

function tracing(env: Env): TracingConfig {
  const exporter = read(env, 'OTEL_TRACES_EXPORTER')?.toLowerCase() ?? 'none';
  if (exporter !== 'none' && exporter !== 'console') {
    throw new ConfigError(
      `OTEL_TRACES_EXPORTER must be none or console, got "${exporter}" (an OTLP exporter package is not bundled)`,
    );
  }
  const sampler = read(env, 'OTEL_TRACES_SAMPLER')?.toLowerCase() ?? 'parentbased_always_on';
  if (!TRACES_SAMPLERS.includes(sampler as TracesSampler)) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER must be one of ${TRACES_SAMPLERS.join(', ')}, got "${sampler}"`);
  }
  const ratioText = read(env, 'OTEL_TRACES_SAMPLER_ARG') ?? '1';
  const samplerRatio = Number(ratioText);
  if (!/^\d*\.?\d+$/.test(ratioText) || samplerRatio > 1) {
    throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG must be a ratio between 0 and 1, got "${ratioText}"`);
  }
  return {
    exporter: boolean(env, 'OTEL_SDK_DISABLED', false) ? 'none' : exporter,
    sampler: sampler as TracesSampler,
    samplerRatio,
    serviceName: read(env, 'OTEL_SERVICE_NAME') ?? 'backpack-graphql',
  };
}

export function loadConfig(env: Env = process.env): Config {
  return {
    apiUrl: url(env, 'BACKPACK_API_URL', 'https://api.backpack.exchange', ['http:', 'https:']),
    wsUrl: url(env, 'BACKPACK_WS_URL', 'wss://ws.backpack.exchange', ['ws:', 'wss:']),
    key: signingKey(env),
    windowMs: integer(env, 'BACKPACK_WINDOW_MS', 5_000, 1, 60_000),
    timeoutMs: integer(env, 'BACKPACK_TIMEOUT_MS', 10_000, 1, 600_000),
    maxRetries: integer(env, 'BACKPACK_MAX_RETRIES', 3, 0, 10),
    rateLimitPerMin: integer(env, 'BACKPACK_RATE_LIMIT_PER_MIN', 2_000, 1, 1_000_000),
    historicalRateLimitPerMin: integer(env, 'BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN', 30, 1, 1_000_000),
    rateLimitMaxWaitMs: integer(env, 'BACKPACK_RATE_LIMIT_MAX_WAIT_MS', 30_000, 0, 600_000),
    clockSync: boolean(env, 'BACKPACK_CLOCK_SYNC', true),
    port: integer(env, 'PORT', 4_000, 0, 65_535),
    host: read(env, 'HOST') ?? '127.0.0.1',
    requestDeadlineMs: integer(env, 'GATEWAY_REQUEST_DEADLINE_MS', 8_000, 1, 600_000),
    shutdownGraceMs: integer(env, 'GATEWAY_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    readyProbeMs: integer(env, 'GATEWAY_READY_PROBE_MS', 5_000, 100, 600_000),
    metricsPort: optionalInteger(env, 'GATEWAY_METRICS_PORT', 0, 65_535),
    apq: boolean(env, 'GATEWAY_APQ', true),
    persistedDocuments: read(env, 'GATEWAY_PERSISTED_DOCUMENTS'),
    tracing: tracing(env),
  };
}
