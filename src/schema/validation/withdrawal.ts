// Pre-flight checks of a withdrawal against the asset's token on the chosen chain (enabled, limits, native precision).
import type { MarketAsset } from '../../exchange/types/assets.ts';
import type { Blockchain } from '../../exchange/types/enums/capital.ts';
import { compareDecimal } from './decimal.ts';
import { firstViolation, violation, type Violation } from './rules.ts';

export interface WithdrawalDraft {
  readonly asset: string;
  readonly blockchain: Blockchain;
  /** Already checked to be a positive plain decimal. */
  readonly quantity: string;
}

const fractionDigits = (text: string): number => text.split('.')[1]?.replace(/0+$/, '').length ?? 0;

/** Null when the asset can be withdrawn on the chain in this quantity; else the first problem. */
export function validateWithdrawal(draft: WithdrawalDraft, asset: MarketAsset | null): Violation | null {
  if (!asset) return violation('asset', `Unknown asset ${draft.asset}`);
  const token = asset.tokens.find((t) => t.blockchain === draft.blockchain);
  if (!token) return violation('blockchain', `${draft.asset} cannot be withdrawn on ${draft.blockchain}`);
  return firstViolation(
    () =>
      token.withdrawEnabled
        ? null
        : violation('asset', `Withdrawals of ${draft.asset} on ${draft.blockchain} are disabled`),
    // The chain cannot carry finer amounts than the token's native decimals (only published by newer exchange versions).
    () =>
      token.nativeDecimals != null && fractionDigits(draft.quantity) > token.nativeDecimals
        ? violation(
            'quantity',
            `quantity has more than ${token.nativeDecimals} decimal places for ${draft.asset} on ${draft.blockchain}`,
          )
        : null,
    () =>
      compareDecimal(draft.quantity, token.minimumWithdrawal) < 0
        ? violation('quantity', `quantity is below the minimum withdrawal ${token.minimumWithdrawal}`)
        : null,
    () =>
      token.maximumWithdrawal != null && compareDecimal(draft.quantity, token.maximumWithdrawal) > 0
        ? violation('quantity', `quantity is above the maximum withdrawal ${token.maximumWithdrawal}`)
        : null,
  );
}
