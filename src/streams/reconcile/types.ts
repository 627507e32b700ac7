// What a lossless topic needs to survive an upstream interruption: a REST reader, a reconciler, the in-band gap event.
import type { BackpackRest } from '../../exchange/rest.ts';
import type { StreamInterruption, StreamPayload } from '../../exchange/stream.ts';

/** The REST calls reconcilers make (read-only, uncached: the state must be current). */
export type ExchangeReader = Pick<BackpackRest, 'call'>;

/** An interval a subscription may have missed messages in, as subscribers see it. */
export interface StreamGap {
  /** The exchange stream, e.g. `account.orderUpdate`, `trade.SOL_USDC`. */
  readonly stream: string;
  /** ms epoch: the last frame seen from the exchange before the interruption. */
  readonly from: number;
  /** ms epoch: when the stream was subscribed again. */
  readonly to: number;
  readonly reason: string;
}

/** What a reconciler recovered for one interruption. */
export interface Recovered {
  /**
   * Missed messages in the exchange's own wire shape (as the stream would have sent them), oldest first. They pass
   * through the topic's mapper and de-duplication like live messages.
   */
  readonly payloads: readonly StreamPayload[];
  /** False when the exchange could not tell everything that happened (pages capped, a call failed …). */
  readonly complete: boolean;
}

/** Fills gaps of one topic from REST; sees every message the topic delivers, so it knows where the stream stood. */
export interface Reconciler {
  /** A message was delivered to subscribers (live or recovered). */
  observe(payload: StreamPayload): void;
  /** Identity of a message for de-duplication (null: never a duplicate, e.g. an absolute balance). */
  key(payload: StreamPayload): string | null;
  recover(interruption: StreamInterruption): Promise<Recovered>;
}

/** How a lossless topic reports and fills gaps. */
export interface GapHandling<T> {
  /** The in-band event subscribers receive for an interval that could not be filled completely. */
  readonly event: (gap: StreamGap) => T;
  /** Fills gaps over REST; absent: every interruption is reported as a gap. */
  readonly reconciler?: (reader: ExchangeReader) => Reconciler;
}
