// Vault mints and redeem requests with a certain outcome: the exchange gives them no client id, so one whose answer
// was lost is looked up in the vault's mint or redeem history by quantity and the time window its signature allowed.
import { ExchangeError } from '../exchange/errors.ts';
import { reconcile } from '../exchange/reconcile.ts';
import type { VaultMint, VaultMintPayload, VaultRedeem, VaultRedeemPayload } from '../exchange/types/vaults.ts';
import type { GatewayContext } from './context.ts';
import { OutcomeUnknown, RequestNotApplied } from './errors.ts';
import { compareDecimal } from './validation/decimal.ts';

/** Room for the exchange's clock against ours when placing its history rows in the request's window. */
const CLOCK_SKEW_MS = 1_000;
const HISTORY_PAGE = 100;

interface Window {
  readonly from: number;
  readonly to: number;
}

type Lookup = (window: Window) => Promise<boolean>;

/**
 * Sends a vault write; a lost answer is settled by `lookup` over the window from the send to the end of the signed
 * window: found → `{ recovered: true }`; not found once the window is over → RequestNotApplied; otherwise
 * OutcomeUnknown. `what` names the write in those messages, `where` the query the caller can check.
 */
async function settled(
  send: () => Promise<unknown>,
  lookup: Lookup,
  what: string,
  where: string,
): Promise<{ readonly recovered: boolean }> {
  const sentAt = Date.now();
  try {
    await send();
    return { recovered: false };
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const window = { from: sentAt - CLOCK_SKEW_MS, to: (error.expiresAt ?? Date.now()) + CLOCK_SKEW_MS };
    const outcome = await reconcile(error, async () => ((await lookup(window)) ? true : undefined));
    if (outcome.state === 'found') return { recovered: true };
    if (outcome.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. The ${what} is not in ${where} after the request expired: it was not made. Safe to retry.`,
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether the ${what} was made could not be settled (${outcome.reason}). Look it up in ` +
        `${where} before doing anything; never resubmit it blindly.`,
      init,
    );
  }
}

const within = (at: number, window: Window): boolean => at >= window.from && at <= window.to;

/**
 * Mints; a lost answer is settled through the vault's mint history: a mint of this quantity booked within the
 * window. The exchange gives mints no client id, so another mint of the same quantity into the same vault within
 * the window would be taken for this one: the window is kept as short as the signature allows.
 */
export function mintVault(ctx: GatewayContext, payload: VaultMintPayload): Promise<{ readonly recovered: boolean }> {
  const isThis = (row: VaultMint, window: Window) =>
    row.vaultId === payload.vaultId &&
    compareDecimal(row.quantity, payload.quantity) === 0 &&
    within(row.timestamp, window);
  return settled(
    () => ctx.exchange.call('vaultMint', payload),
    async (window) => {
      const rows = await ctx.exchange.call('getVaultMintHistory', { vaultId: payload.vaultId, limit: HISTORY_PAGE });
      return (rows ?? []).some((row) => isThis(row, window));
    },
    `mint of ${payload.quantity} ${payload.symbol} into vault ${payload.vaultId}`,
    'account.vaultMints',
  );
}

/**
 * Requests a redeem; a lost answer is settled through the vault's redeem history: a request for this token quantity
 * (any, when all tokens were asked for) booked within the window, or one that has since moved on (redeemed or
 * cancelled: the row's time is then that of the change, after the send). The exchange allows one pending redeem
 * per vault, which keeps an older request from being taken for this one unless it completed within the window.
 */
export function requestVaultRedeem(
  ctx: GatewayContext,
  payload: VaultRedeemPayload,
): Promise<{ readonly recovered: boolean }> {
  const isThis = (row: VaultRedeem, window: Window) =>
    row.vaultId === payload.vaultId &&
    (payload.vaultTokenQuantity === undefined ||
      compareDecimal(row.vaultTokenQuantity, payload.vaultTokenQuantity) === 0) &&
    (row.status === 'Requested' ? within(row.timestamp, window) : row.timestamp >= window.from);
  return settled(
    () => ctx.exchange.call('vaultRedeem', payload),
    async (window) => {
      const rows = await ctx.exchange.call('getVaultRedeemHistory', { vaultId: payload.vaultId, limit: HISTORY_PAGE });
      return (rows ?? []).some((row) => isThis(row, window));
    },
    `redeem request of ${payload.vaultTokenQuantity ?? 'all'} tokens of vault ${payload.vaultId}`,
    'account.vaultRedeems',
  );
}
