// Environment → the gateway's exchange-client config and signing key; fails at startup naming each bad variable (never
// a secret). The variables themselves are declared in src/config/variables.ts.
import { readFileSync } from 'node:fs';
import { ConfigError, readSetting, readSettings, type Env, type Settings } from './config/settings.ts';
import { KeyError, loadSigningKey, type SigningKey } from './exchange/sign.ts';

export { ConfigError };

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
  /** `GATEWAY_REDIS_URL` and friends — replica mode when set (src/redis/). Default: off (one process). */
  readonly replicas: ReplicaConfig | undefined;
}

export interface ReplicaConfig {
  /** `GATEWAY_REDIS_URL` — the Redis every replica shares (may hold a password: never log it). */
  readonly redisUrl: string;
  /** `GATEWAY_REPLICAS` — replicas sharing the budgets; each spends budget ÷ this while Redis is away. Default 2. */
  readonly count: number;
  /** `GATEWAY_REDIS_PREFIX` — prefix of every key and channel. Default `bpgw:`. */
  readonly prefix: string;
}

export type TracesSampler =
  | 'always_on'
  | 'always_off'
  | 'traceidratio'
  | 'parentbased_always_on'
  | 'parentbased_always_off'
  | 'parentbased_traceidratio';

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

/** The secret's text and where it came from, for error messages that point at the right variable. */
function readSecret(env: Env): { secret: string; source: string } | undefined {
  const inline = readSetting(env, 'BACKPACK_API_SECRET');
  const file = readSetting(env, 'BACKPACK_API_SECRET_FILE');
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
  const apiKey = readSetting(env, 'BACKPACK_API_KEY');
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

/**
 * Reads and checks every variable of src/config/variables.ts (not only the ones in Config), so that startup reports
 * all configuration problems at once, one line per variable, in one ConfigError.
 */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  let settings: Settings | undefined;
  let key: SigningKey | undefined;
  try {
    settings = readSettings(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  try {
    key = signingKey(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (settings === undefined || problems.length > 0) throw new ConfigError(problems);
  return {
    apiUrl: settings.BACKPACK_API_URL,
    wsUrl: settings.BACKPACK_WS_URL,
    key,
    windowMs: settings.BACKPACK_WINDOW_MS,
    timeoutMs: settings.BACKPACK_TIMEOUT_MS,
    maxRetries: settings.BACKPACK_MAX_RETRIES,
    rateLimitPerMin: settings.BACKPACK_RATE_LIMIT_PER_MIN,
    historicalRateLimitPerMin: settings.BACKPACK_HISTORICAL_RATE_LIMIT_PER_MIN,
    rateLimitMaxWaitMs: settings.BACKPACK_RATE_LIMIT_MAX_WAIT_MS,
    clockSync: settings.BACKPACK_CLOCK_SYNC,
    port: settings.PORT,
    host: settings.HOST,
    requestDeadlineMs: settings.GATEWAY_REQUEST_DEADLINE_MS,
    shutdownGraceMs: settings.GATEWAY_SHUTDOWN_GRACE_MS,
    readyProbeMs: settings.GATEWAY_READY_PROBE_MS,
    metricsPort: settings.GATEWAY_METRICS_PORT,
    apq: settings.GATEWAY_APQ,
    persistedDocuments: settings.GATEWAY_PERSISTED_DOCUMENTS,
    tracing: {
      exporter: settings.OTEL_SDK_DISABLED ? 'none' : settings.OTEL_TRACES_EXPORTER,
      sampler: settings.OTEL_TRACES_SAMPLER,
      samplerRatio: settings.OTEL_TRACES_SAMPLER_ARG,
      serviceName: settings.OTEL_SERVICE_NAME,
    },
    replicas:
      settings.GATEWAY_REDIS_URL === undefined
        ? undefined
        : {
            redisUrl: settings.GATEWAY_REDIS_URL,
            count: settings.GATEWAY_REPLICAS,
            prefix: settings.GATEWAY_REDIS_PREFIX,
          },
  };
}
