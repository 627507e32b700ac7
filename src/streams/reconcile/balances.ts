// Fills a gap in `account.balanceUpdate` with the current balances from REST: each asset whose balance differs from
// the last one delivered (balances are absolute, so the latest state supersedes the changes missed).
import type { StreamPayload } from '../../exchange/stream.ts';
import { textAt } from './paging.ts';
import type { ExchangeReader, Reconciler } from './types.ts';

const signature = (data: StreamPayload): string =>
  [textAt(data, 'A'), textAt(data, 'L'), textAt(data, 'S')].map((value) => value ?? '').join('|');

export function balanceReconciler(reader: ExchangeReader): Reconciler {
  const last = new Map<string, string>();
  return {
    key: () => null,
    observe: (data) => {
      const asset = textAt(data, 'a');
      if (asset !== null) last.set(asset, signature(data));
    },
    recover: async () => {
      const balances = await reader.call('getBalances');
      const at = Date.now() * 1000;
      const payloads = Object.entries(balances)
        .map(([asset, balance]): StreamPayload => ({
          E: at,
          T: at,
          a: asset,
          A: balance.available,
          L: balance.locked,
          S: balance.staked,
        }))
        .filter((payload) => last.get(String(payload['a'])) !== signature(payload));
      return { payloads, complete: true };
    },
  };
}
