// Withdrawals with a certain outcome: each carries a client id, and one whose answer was lost is looked up by it in
// the withdrawal history before the caller hears anything.
import { randomUUID } from 'node:crypto';
import { ExchangeError } from '../exchange/errors.ts';
import { reconcile } from '../exchange/reconcile.ts';
import type { AccountWithdrawalPayload, Withdrawal } from '../exchange/types/capital.ts';
import type { GatewayContext } from './context.ts';
import { OutcomeUnknown, RequestNotApplied } from './errors.ts';

export type RequestedWithdrawal = Withdrawal & { readonly recovered?: true };

/** History rows this much older than the request are not it (a caller may reuse a client id). */
const HISTORY_WINDOW_MS = 60_000;
const HISTORY_PAGE = 100;

export async function requestWithdrawal(
  ctx: GatewayContext,
  payload: AccountWithdrawalPayload,
): Promise<RequestedWithdrawal> {
  const sent = { ...payload, clientId: payload.clientId ?? `gw-${randomUUID()}` };
  const sentAt = Date.now();
  try {
    return await ctx.exchange.call('requestWithdrawal', sent);
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const settled = await reconcile(error, async () => {
      const rows = await ctx.exchange.call('getWithdrawals', { from: sentAt - HISTORY_WINDOW_MS, limit: HISTORY_PAGE });
      return (rows ?? []).find((row) => row.clientId === sent.clientId);
    });
    if (settled.state === 'found') return { ...settled.value, recovered: true };
    if (settled.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. Withdrawal clientId ${sent.clientId} is not in the withdrawal history after the request ` +
          'expired: it was not made. Safe to retry.',
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether withdrawal clientId ${sent.clientId} was made could not be settled ` +
        `(${settled.reason}). Look it up in account.withdrawals before doing anything; never resubmit it blindly.`,
      init,
    );
  }
}

export function isRecoveredWithdrawal(withdrawal: Withdrawal): boolean {
  return (withdrawal as RequestedWithdrawal).recovered === true;
}
