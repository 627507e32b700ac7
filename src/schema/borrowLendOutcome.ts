// Borrow-lend with a certain outcome: the exchange gives a borrow or lend no id, so one whose answer was lost is
// looked up in the borrow-lend history by asset, direction, quantity and the time window its signature allowed.
import { ExchangeError } from '../exchange/errors.ts';
import { reconcile } from '../exchange/reconcile.ts';
import type { BorrowLendEventType, BorrowLendSide } from '../exchange/types/enums/capital.ts';
import type { BorrowLendMovement } from '../exchange/types/history.ts';
import type { GatewayContext } from './context.ts';
import { OutcomeUnknown, RequestNotApplied } from './errors.ts';
import { addDecimals, compareDecimal } from './validation/decimal.ts';

export interface BorrowLendRequest {
  readonly symbol: string;
  readonly side: BorrowLendSide;
  readonly quantity: string;
}

/** Room for the exchange's clock against ours when placing its history rows in the request's window. */
const CLOCK_SKEW_MS = 1_000;
const HISTORY_PAGE = 100;

/**
 * The movements one request makes: a lend first repays a borrow in the asset, a borrow first redeems a lend, so a
 * request may appear as two rows that add up to its quantity.
 */
const MOVES: Record<BorrowLendSide, readonly BorrowLendEventType[]> = {
  Lend: ['BorrowRepay', 'Lend'],
  Borrow: ['LendRedeem', 'Borrow'],
};

function timestampMs(row: BorrowLendMovement): number {
  return Date.parse(`${row.timestamp}Z`);
}

/**
 * The movements of this request: manual rows of its asset and direction made within [sent, expired] that share one
 * timestamp (the exchange books one request's movements at once) and add up to its quantity.
 */
function matching(
  rows: readonly BorrowLendMovement[],
  request: BorrowLendRequest,
  window: { from: number; to: number },
): BorrowLendMovement[] | undefined {
  const byTime = new Map<string, BorrowLendMovement[]>();
  for (const row of rows) {
    const at = timestampMs(row);
    const ours =
      row.symbol === request.symbol &&
      row.source === 'Manual' &&
      MOVES[request.side].includes(row.eventType) &&
      at >= window.from &&
      at <= window.to;
    if (ours) byTime.set(row.timestamp, [...(byTime.get(row.timestamp) ?? []), row]);
  }
  return [...byTime.values()].find(
    (group) => compareDecimal(addDecimals(...group.map((row) => row.quantity)), request.quantity) === 0,
  );
}

/**
 * Executes a borrow or lend; a lost answer is settled through the borrow-lend history: movements of this asset,
 * direction and quantity made between the send and the end of the signed window → done (the caller learns it was
 * recovered); none once the window is over → RequestNotApplied; otherwise OutcomeUnknown. The exchange gives no id
 * to tell two identical borrows or lends apart, so another of the same asset, direction and quantity made within
 * the window would be taken for this one: the window is kept as short as the signature allows.
 */
export async function executeBorrowLend(
  ctx: GatewayContext,
  request: BorrowLendRequest,
): Promise<{ readonly recovered: boolean }> {
  const sentAt = Date.now();
  try {
    await ctx.exchange.call('executeBorrowLend', request);
    return { recovered: false };
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const window = { from: sentAt - CLOCK_SKEW_MS, to: (error.expiresAt ?? Date.now()) + CLOCK_SKEW_MS };
    const settled = await reconcile(error, async () => {
      const rows = await ctx.exchange.call('getBorrowLendHistory', {
        symbol: request.symbol,
        sources: 'Manual',
        limit: HISTORY_PAGE,
        sortDirection: 'Desc',
      });
      return matching(rows ?? [], request, window);
    });
    if (settled.state === 'found') return { recovered: true };
    const what = `${request.side.toLowerCase()} of ${request.quantity} ${request.symbol}`;
    if (settled.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. The ${what} is not in the borrow-lend history after the request expired: it was not ` +
          'made. Safe to retry.',
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether the ${what} was made could not be settled (${settled.reason}). Look it up in ` +
        'account.borrowLendHistory before doing anything; never resubmit it blindly.',
      init,
    );
  }
}
