// The built-in RFQ maker: answers every RFQ with a two-sided quote a few bps around the underlying spot mid.
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import type { MarketSpec } from '../engine/markets.ts';
import type { Random } from '../random.ts';
import type { ProductContext } from './context.ts';
import type { RfqRecord } from './rfqTypes.ts';

export interface MakerOffer {
  readonly accountId: number;
  readonly bidPrice: Decimal;
  readonly askPrice: Decimal;
}

/** The liquidity account the live flow already uses; its balances dwarf anything an RFQ moves. */
export const RFQ_MAKER_ACCOUNT_NAME = 'maker';

export class RfqMaker {
  private readonly random: Random;

  constructor(private readonly ctx: ProductContext) {
    // A fork of its own: maker spreads stay the same whatever else draws from the seed.
    this.random = ctx.random.fork('products.rfqMaker');
  }

  /** The account that quotes; null while the sandbox has no `maker` account (then nobody answers). */
  accountId(): number | null {
    const ledger = this.ctx.ledger;
    return ledger.accountIds().find((id) => ledger.account(id).name === RFQ_MAKER_ACCOUNT_NAME) ?? null;
  }

  /**
   * Bid/ask at mid × (1 ∓ s) with s drawn from 4–12 bps, snapped outward to the RFQ market's tick. The mid is the
   * spot market of the same pair (`SOL_USDC` for `SOL_USDC_RFQ`), falling back to the RFQ market's own price.
   */
  offer(rfq: RfqRecord, market: MarketSpec): MakerOffer | null {
    const accountId = this.accountId();
    if (accountId === null) return null;
    const mid = this.ctx.prices.marketMid(`${market.base}_${market.quote}`) ?? this.ctx.prices.marketMid(rfq.symbol);
    if (mid === null || mid <= 0n) return null;
    const halfSpread = D.div(D.fromInt(this.random.int(4, 12)), D.fromInt(10_000), 'halfEven');
    const bidPrice = D.toStep(D.mul(mid, D.ONE - halfSpread, 'floor'), market.tickSize, 'floor');
    const askPrice = D.toStep(D.mul(mid, D.ONE + halfSpread, 'ceil'), market.tickSize, 'ceil');
    if (bidPrice <= 0n) return null;
    return { accountId, bidPrice, askPrice };
  }
}
