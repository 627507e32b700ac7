// Fills a gap in `trade.<symbol>` from REST recent trades by trade id: every id after the last one delivered, in order.
import type { StreamInterruption, StreamPayload } from '../../exchange/stream.ts';
import type { Trade } from '../../exchange/types/marketData.ts';
import { numberAt, SLACK_MS, textAt } from './paging.ts';
import type { ExchangeReader, Reconciler, Recovered } from './types.ts';

/** The most recent trades the exchange lists in one call: a gap with more trades than this is reported. */
const RECENT_LIMIT = 1000;

function tradePayload(symbol: string, trade: Trade & { id: number }): StreamPayload {
  const at = trade.timestamp * 1000;
  return { e: 'trade', E: at, T: at, s: symbol, t: trade.id, p: trade.price, q: trade.quantity, m: trade.isBuyerMaker };
}

export function tradeReconciler(symbol: string): (reader: ExchangeReader) => Reconciler {
  return (reader) => {
    let lastId: number | undefined;

    const recover = async (interruption: StreamInterruption): Promise<Recovered> => {
      const recent = await reader.call('getRecentTrades', { symbol, limit: RECENT_LIMIT });
      const trades = recent
        .filter((trade): trade is Trade & { id: number } => typeof trade.id === 'number')
        .sort((a, b) => a.id - b.id);
      const oldest = trades[0];
      if (lastId === undefined) {
        // Nothing delivered yet: the trades since the interruption began, complete unless the list was full.
        const since = Math.floor(interruption.from - SLACK_MS);
        const missed = trades.filter((trade) => trade.timestamp >= since);
        const complete = recent.length < RECENT_LIMIT || (oldest !== undefined && oldest.timestamp < since);
        return { payloads: missed.map((trade) => tradePayload(symbol, trade)), complete };
      }
      const after = lastId;
      const missed = trades.filter((trade) => trade.id > after);
      // Ids are sequential per market: nothing is missing when the ids run on from the last one without a hole.
      const complete = missed.every((trade, index) => trade.id === after + 1 + index);
      return { payloads: missed.map((trade) => tradePayload(symbol, trade)), complete };
    };

    return {
      key: (data) => {
        const id = textAt(data, 't');
        return id === null ? null : `trade:${id}`;
      },
      observe: (data) => {
        const id = numberAt(data, 't');
        if (id !== null) lastId = Math.max(lastId ?? id, id);
      },
      recover,
    };
  };
}
