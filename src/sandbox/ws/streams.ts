// Parses WebSocket stream names the exchange's way: type first, then window/interval, rest = symbol.
import { KlineInterval } from '../../exchange/types/enums/markets.ts';

export const DEPTH_WINDOWS = ['200ms', '600ms', '1000ms'] as const;
export type DepthWindow = (typeof DEPTH_WINDOWS)[number];

// Every interval the REST klines take, `1s` included (not in the spec; bbgo's client streams it): the tape keeps live
// candles for each of them.
const KLINE_INTERVALS: ReadonlySet<string> = new Set(KlineInterval);

/** Public market-data types that take `.<symbol>`. `externalTicker`/`stockPrice` are listed by the exchange but silent here. */
const SYMBOL_TYPES = new Set([
  'bookTicker',
  'depth',
  'kline',
  'markPrice',
  'ticker',
  'openInterest',
  'trade',
  'externalTicker',
  'stockPrice',
]);
/** Private types; the symbol suffix is optional. */
export const PRIVATE_TYPES = new Set([
  'account.orderUpdate',
  'account.positionUpdate',
  'account.rfqUpdate',
  'account.balanceUpdate',
]);

export interface StreamName {
  /** The name as subscribed, e.g. `depth.200ms.AAPL.US_USDC_PERP`. */
  readonly name: string;
  /** `depth`, `kline`, `account.orderUpdate` … */
  readonly type: string;
  readonly private: boolean;
  readonly symbol: string | null;
  readonly window: DepthWindow | null;
  readonly interval: string | null;
}

export type StreamParse =
  | { readonly ok: true; readonly stream: StreamName }
  | { readonly ok: false; readonly code: 4006 | 4008; readonly message: string };

const invalidStream = { ok: false, code: 4006, message: 'Invalid stream' } as const;
const invalidWindow = { ok: false, code: 4008, message: 'Invalid depth window' } as const;

function split(name: string, prefixLength: number): string | null {
  const rest = name.slice(prefixLength);
  return rest === '' ? null : rest;
}

export function parseStream(name: string): StreamParse {
  const firstDot = name.indexOf('.');
  const head = firstDot < 0 ? name : name.slice(0, firstDot);

  if (head === 'account') {
    const secondDot = name.indexOf('.', firstDot + 1);
    const type = secondDot < 0 ? name : name.slice(0, secondDot);
    if (!PRIVATE_TYPES.has(type)) return invalidStream;
    const symbol = secondDot < 0 ? null : split(name, secondDot + 1);
    if (secondDot >= 0 && symbol === null) return invalidStream;
    // Balances are account-wide: the exchange has no per-symbol balance stream.
    if (type === 'account.balanceUpdate' && symbol !== null) return invalidStream;
    return { ok: true, stream: { name, type, private: true, symbol, window: null, interval: null } };
  }

  if (head === 'liquidation') {
    const symbol = firstDot < 0 ? null : split(name, firstDot + 1);
    if (firstDot >= 0 && symbol === null) return invalidStream;
    return { ok: true, stream: { name, type: head, private: false, symbol, window: null, interval: null } };
  }

  if (!SYMBOL_TYPES.has(head) || firstDot < 0) return invalidStream;
  const rest = name.slice(firstDot + 1);
  const nextDot = rest.indexOf('.');
  const segment = nextDot < 0 ? rest : rest.slice(0, nextDot);

  if (head === 'depth' && /^\d+ms$/.test(segment)) {
    if (!(DEPTH_WINDOWS as readonly string[]).includes(segment) || nextDot < 0 || rest.length === nextDot + 1) {
      return invalidWindow;
    }
    const window = segment as DepthWindow;
    return {
      ok: true,
      stream: { name, type: head, private: false, symbol: rest.slice(nextDot + 1), window, interval: null },
    };
  }
  if (head === 'kline') {
    if (!KLINE_INTERVALS.has(segment) || nextDot < 0 || rest.length === nextDot + 1) return invalidStream;
    return {
      ok: true,
      stream: { name, type: head, private: false, symbol: rest.slice(nextDot + 1), window: null, interval: segment },
    };
  }
  if (rest === '') return invalidStream;
  return { ok: true, stream: { name, type: head, private: false, symbol: rest, window: null, interval: null } };
}
