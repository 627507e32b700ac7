// Fills a gap in `account.positionUpdate[.<symbol>]` with the current state from REST: a snapshot of every open
// position and `positionClosed` for one that closed meanwhile (intermediate adjustments are superseded by the state).
import type { StreamPayload } from '../../exchange/stream.ts';
import type { FuturePositionWithMargin } from '../../exchange/types/positions.ts';
import { textAt } from './paging.ts';
import type { ExchangeReader, Reconciler } from './types.ts';

function snapshot(position: FuturePositionWithMargin, at: number): StreamPayload {
  // No `e`: the stream's own snapshot shape (what it sends on SUBSCRIBE).
  return {
    E: at,
    T: at,
    s: position.symbol,
    i: position.positionId,
    b: position.breakEvenPrice,
    B: position.entryPrice,
    f: position.imf,
    m: position.mmf,
    M: position.markPrice,
    q: position.netQuantity,
    Q: position.netExposureQuantity,
    n: position.netExposureNotional,
    p: position.pnlRealized,
    P: position.pnlUnrealized,
  };
}

export function positionReconciler(symbol: string | null): (reader: ExchangeReader) => Reconciler {
  return (reader) => {
    const open = new Set<string>();
    return {
      key: () => null,
      observe: (data) => {
        const market = textAt(data, 's');
        if (market === null) return;
        if (data['e'] === 'positionClosed') open.delete(market);
        else open.add(market);
      },
      recover: async () => {
        // Unfiltered: the exchange answers a symbol without a position with 404.
        const positions = (await reader.call('getPositions', {})).filter(
          (position) => symbol === null || position.symbol === symbol,
        );
        const at = Date.now() * 1000;
        const current = new Set(positions.map((position) => position.symbol));
        const closed = [...open].filter((market) => !current.has(market));
        return {
          payloads: [
            ...closed.map((market) => ({ e: 'positionClosed', E: at, T: at, s: market, q: '0' })),
            ...positions.map((position) => snapshot(position, at)),
          ],
          complete: true,
        };
      },
    };
  };
}
