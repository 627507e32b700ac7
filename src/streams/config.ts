// Live-subscription settings (buffer bound, order-book conflation), read from the configuration schema.
import { readSettings, type Env } from '../config/settings.ts';

export interface SubscriptionConfig {
  /** `GATEWAY_SUBSCRIPTION_BUFFER` — messages one client subscription may have waiting. */
  readonly bufferCapacity: number;
  /** `GATEWAY_ORDERBOOK_CONFLATE_MS` — at most one `orderBook` emission per this many ms. */
  readonly orderBookConflateMs: number;
}

export function loadSubscriptionConfig(env: Env = process.env): SubscriptionConfig {
  const settings = readSettings(env);
  return {
    bufferCapacity: settings.GATEWAY_SUBSCRIPTION_BUFFER,
    orderBookConflateMs: settings.GATEWAY_ORDERBOOK_CONFLATE_MS,
  };
}
