// `account.rfqUpdate` payloads: single-letter keys, µs times, RFQ/quote ids as bigint (bare JSON numbers).
import type { OrderStatus, Side } from '../../exchange/types/enums/trading.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';

/** The RFQ fields events are built from. */
export interface RfqEventSource {
  readonly id: bigint;
  readonly clientId: number | null;
  readonly symbol: string;
  readonly side: Side;
  readonly quantity: Decimal | null;
  readonly quoteQuantity: Decimal | null;
  readonly submissionTime: number;
  readonly expiryTime: number;
  readonly status: OrderStatus;
}

export interface QuoteEventSource {
  readonly id: bigint;
  readonly clientId: number | null;
  readonly status: OrderStatus;
}

interface Stamp {
  /** Engine time, µs; the event time `E` is stamped just after it. */
  readonly engineTime: number;
}

/** Exactly one of `q` (base) / `Q` (quote), whichever the RFQ was sized in. */
function size(rfq: RfqEventSource): Record<string, string> {
  return rfq.quantity !== null ? { q: D.toString(rfq.quantity) } : { Q: D.toString(rfq.quoteQuantity ?? 0n) };
}

/** To every potential quoter: no side and no client id (makers must not learn the requester's direction). */
export function rfqActive(rfq: RfqEventSource, { engineTime }: Stamp): object {
  return {
    e: 'rfqActive',
    E: engineTime + 1,
    R: rfq.id,
    s: rfq.symbol,
    ...size(rfq),
    w: rfq.submissionTime,
    W: rfq.expiryTime,
    X: 'New',
    T: engineTime,
  };
}

/** To the requester: `rfqAccepted`, `rfqRefreshed`, `rfqCancelled` (cancelled or expired: X is `Cancelled`). */
export function rfqLifecycle(
  event: 'rfqAccepted' | 'rfqRefreshed' | 'rfqCancelled',
  rfq: RfqEventSource,
  { engineTime }: Stamp,
): object {
  return {
    e: event,
    E: engineTime + 1,
    R: rfq.id,
    C: rfq.clientId,
    s: rfq.symbol,
    S: rfq.side,
    ...size(rfq),
    w: rfq.submissionTime,
    W: rfq.expiryTime,
    X: event === 'rfqCancelled' ? 'Cancelled' : rfq.status,
    T: engineTime,
  };
}

/** To the requester: a new best quote `u` at taker price `p`. */
export function rfqCandidate(
  rfq: RfqEventSource,
  quote: QuoteEventSource,
  price: Decimal,
  { engineTime }: Stamp,
): object {
  return {
    e: 'rfqCandidate',
    E: engineTime + 1,
    R: rfq.id,
    u: quote.id,
    C: rfq.clientId,
    s: rfq.symbol,
    S: rfq.side,
    ...size(rfq),
    p: D.toString(price),
    X: rfq.status,
    T: engineTime,
  };
}

/** To the requester: filled with quote `u`. */
export function rfqFilledRequester(
  rfq: RfqEventSource,
  quote: QuoteEventSource,
  price: Decimal,
  { engineTime }: Stamp,
): object {
  return {
    e: 'rfqFilled',
    E: engineTime + 1,
    R: rfq.id,
    u: quote.id,
    C: rfq.clientId,
    s: rfq.symbol,
    S: rfq.side,
    ...size(rfq),
    p: D.toString(price),
    X: 'Filled',
    T: engineTime,
  };
}

/** To the quoter: `rfqFilled` (with price) or `quoteAccepted` / `quoteCancelled` (without). */
export function quoterEvent(
  event: 'rfqFilled' | 'quoteAccepted' | 'quoteCancelled',
  rfq: RfqEventSource,
  quote: QuoteEventSource,
  price: Decimal | null,
  { engineTime }: Stamp,
): object {
  return {
    e: event,
    E: engineTime + 1,
    R: rfq.id,
    u: quote.id,
    C: quote.clientId,
    s: rfq.symbol,
    ...(event === 'rfqFilled' && price !== null ? { p: D.toString(price) } : {}),
    X: quote.status,
    T: engineTime,
  };
}
