// Quote acceptance with a certain outcome: a quote is accepted at most once, so one whose answer was lost is looked
// up by its quote id in the RFQ fill history before the caller hears anything.
import { ExchangeError } from '../exchange/errors.ts';
import { reconcile } from '../exchange/reconcile.ts';
import type { QuoteAcceptPayload, RequestForQuoteFillHistorical } from '../exchange/types/rfq.ts';
import type { GatewayContext } from './context.ts';
import { OutcomeUnknown, RequestNotApplied } from './errors.ts';
import type { RfqRow } from './rfq.ts';

/** The RFQ after a quote was accepted; `recovered` when the answer was lost and the fill was found. */
export type AcceptedRfq = RfqRow & { readonly recovered?: true };

export function isRecoveredRfq(rfq: RfqRow): boolean {
  return (rfq as AcceptedRfq).recovered === true;
}

/** The fill of this quote on the RFQ the caller named (by id or client id). */
function isThis(row: RequestForQuoteFillHistorical, payload: QuoteAcceptPayload): boolean {
  return (
    row.quoteId === payload.quoteId &&
    (payload.rfqId === undefined || row.rfqId === payload.rfqId) &&
    (payload.clientId === undefined || row.clientId === payload.clientId)
  );
}

/**
 * Accepts a quote; a lost answer is settled through the RFQ fill history: a fill of this quote → the RFQ as the
 * history holds it, flagged recovered; none once the signed window is over → RequestNotApplied; otherwise
 * OutcomeUnknown.
 */
export async function acceptQuote(ctx: GatewayContext, payload: QuoteAcceptPayload): Promise<AcceptedRfq> {
  try {
    return await ctx.exchange.call('acceptQuote', payload);
  } catch (error) {
    if (!(error instanceof ExchangeError) || error.kind !== 'outcomeUnknown') throw error;
    const init = { code: error.code, endpoint: error.endpoint };
    const settled = await reconcile(error, async () => {
      const fills = await ctx.exchange.call('getRfqFillHistory', { quoteId: payload.quoteId });
      const fill = (fills ?? []).find((row) => isThis(row, payload));
      if (fill === undefined) return undefined;
      const rfqs = await ctx.exchange.call('getRfqHistory', { rfqId: fill.rfqId });
      const rfq = (rfqs ?? []).find((row) => row.rfqId === fill.rfqId);
      // The fill proves the acceptance; the RFQ row only completes the payload.
      if (rfq === undefined) throw new Error(`RFQ ${fill.rfqId} of the fill is not in the RFQ history yet`);
      return rfq;
    });
    if (settled.state === 'found') return { ...settled.value, recovered: true };
    if (settled.state === 'absent') {
      throw new RequestNotApplied(
        `${error.message}. Quote ${payload.quoteId} has no fill in the RFQ fill history after the request expired: ` +
          'it was not accepted. Safe to retry while the quote is open.',
        init,
      );
    }
    throw new OutcomeUnknown(
      `${error.message}. Whether quote ${payload.quoteId} was accepted could not be settled (${settled.reason}). ` +
        'Look it up in account.rfqFillHistory before doing anything; never resubmit it blindly.',
      init,
    );
  }
}
