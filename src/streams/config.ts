// Environment → live-subscription settings (buffer bound, order-book conflation), with startup errors naming the variable.
import { ConfigError } from '../config.ts';

export const SUBSCRIPTION_BUFFER_ENV = 'GATEWAY_SUBSCRIPTION_BUFFER';
export const ORDERBOOK_CONFLATE_ENV = 'GATEWAY_ORDERBOOK_CONFLATE_MS';

export interface SubscriptionConfig {
  /** `GATEWAY_SUBSCRIPTION_BUFFER` — messages one client subscription may have waiting (1..100000). Default 256. */
  readonly bufferCapacity: number;
  /** `GATEWAY_ORDERBOOK_CONFLATE_MS` — at most one `orderBook` emission per this many ms (0..60000). Default 100. */
  readonly orderBookConflateMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = env[name]?.trim();
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function loadSubscriptionConfig(env: Env = process.env): SubscriptionConfig {
  return {
    bufferCapacity: integer(env, SUBSCRIPTION_BUFFER_ENV, 256, 1, 100_000),
    orderBookConflateMs: integer(env, ORDERBOOK_CONFLATE_ENV, 100, 0, 60_000),
  };
}
