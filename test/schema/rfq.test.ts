// RFQs and quotes through the schema with a fake exchange: the four requester mutations, quoting and the history.
import { describe, expect, it } from 'vitest';
import { fixtures } from './fakeUpstream.ts';
import { harness } from './accountHarness.ts';

const RFQ_MARKET = { ...fixtures.markets[0], symbol: 'SOL_USDC_RFQ', marketType: 'RFQ' };
const rfq = (extra: Record<string, unknown> = {}) => ({
  rfqId: '113392053149171712',
  clientId: 12,
  symbol: 'SOL_USDC_RFQ',
  side: 'Bid',
  quantity: '10',
  quoteQuantity: null,
  price: null,
  submissionTime: 1788285244094,
  expiryTime: 1788285304094,
  status: 'New',
  executionMode: 'AwaitAccept',
  createdAt: 1788285244000,
  ...extra,
});
const quote = {
  rfqId: '113392053149171712',
  quoteId: '113392053149171999',
  clientId: null,
  bidPrice: '99.5',
  askPrice: '100.5',
  status: 'New',
  createdAt: 1788285245000,
};
const markets = { getMarkets: () => [...fixtures.markets, RFQ_MARKET] };

describe('RFQ mutations', () => {
  it('submits an RFQ with wire names and rejects bad sizing without a call', async () => {
    const h = harness({ ...markets, submitRfq: () => rfq() });
    const SUBMIT = `mutation($input: SubmitRfqInput!) { submitRfq(input: $input) { __typename ... on SubmitRfqSuccess { rfq { id clientId status executionMode submissionTime market { marketType } } } ... on InvalidInput { field } } }`;
    const ok = await h.run(SUBMIT, { input: { symbol: 'SOL_USDC_RFQ', side: 'BID', quantity: '10', clientId: '12' } });
    expect(ok.data.submitRfq).toEqual({
      __typename: 'SubmitRfqSuccess',
      rfq: {
        id: '113392053149171712',
        clientId: '12',
        status: 'NEW',
        executionMode: 'AWAIT_ACCEPT',
        submissionTime: '2026-09-01T17:54:04.094Z',
        market: { marketType: 'RFQ' },
      },
    });
    expect(h.paramsOf('submitRfq')).toEqual([{ symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '10', clientId: 12 }]);
    const both = await h.run(SUBMIT, {
      input: { symbol: 'SOL_USDC_RFQ', side: 'BID', quantity: '10', quoteQuantity: '1000' },
    });
    expect(both.data.submitRfq).toEqual({ __typename: 'InvalidInput', field: 'quoteQuantity' });
    const immediate = await h.run(SUBMIT, {
      input: { symbol: 'SOL_USDC_RFQ', side: 'BID', quantity: '10', executionMode: 'IMMEDIATE' },
    });
    expect(immediate.data.submitRfq).toEqual({ __typename: 'InvalidInput', field: 'price' });
    const unknown = await h.run(SUBMIT, { input: { symbol: 'NOPE_RFQ', side: 'BID', quantity: '10' } });
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('UNKNOWN_SYMBOL');
    expect(h.upstream.count('submitRfq')).toBe(1);
  });

  it('accepts, refreshes and cancels RFQs by id or client id', async () => {
    const h = harness({
      acceptQuote: () => rfq({ status: 'Filled' }),
      refreshRfq: () => rfq({ submissionTime: 1788285400000 }),
      cancelRfq: () => rfq({ status: 'Cancelled' }),
    });
    const result = await h.run(`mutation {
      acceptQuote(quoteId: "113392053149171999", rfqId: "113392053149171712") { ... on AcceptQuoteSuccess { rfq { status } } }
      refreshRfq(rfqId: "113392053149171712") { ... on RefreshRfqSuccess { rfq { submissionTime } } }
      cancelRfq(clientId: "12") { ... on CancelRfqSuccess { rfq { status } } }
    }`);
    expect(result.data).toEqual({
      acceptQuote: { rfq: { status: 'FILLED' } },
      refreshRfq: { rfq: { submissionTime: '2026-09-01T17:56:40.000Z' } },
      cancelRfq: { rfq: { status: 'CANCELLED' } },
    });
    expect(h.paramsOf('acceptQuote')).toEqual([{ rfqId: '113392053149171712', quoteId: '113392053149171999' }]);
    expect(h.paramsOf('cancelRfq')).toEqual([{ clientId: 12 }]);
    const neither = await h.run(`mutation { cancelRfq { __typename ... on InvalidInput { field } } }`);
    expect(neither.data.cancelRfq).toEqual({ __typename: 'InvalidInput', field: 'rfqId' });
  });

  it('submits a quote and refuses a crossed one', async () => {
    const h = harness({ submitQuote: () => quote });
    const ok = await h.run(
      `mutation { submitQuote(input: { rfqId: "113392053149171712", bidPrice: "99.5", askPrice: "100.5" }) { ... on SubmitQuoteSuccess { quote { id bidPrice askPrice } } } }`,
    );
    expect(ok.data.submitQuote).toEqual({ quote: { id: '113392053149171999', bidPrice: '99.5', askPrice: '100.5' } });
    expect(h.paramsOf('submitQuote')).toEqual([{ rfqId: '113392053149171712', bidPrice: '99.5', askPrice: '100.5' }]);
    const crossed = await h.run(
      `mutation { submitQuote(input: { rfqId: "1", bidPrice: "101", askPrice: "100.5" }) { __typename ... on InvalidInput { field } } }`,
    );
    expect(crossed.data.submitQuote).toEqual({ __typename: 'InvalidInput', field: 'askPrice' });
    expect(h.upstream.count('submitQuote')).toBe(1);
  });
});

describe('RFQ reads', () => {
  it('lists active RFQs and pages RFQ, quote and fill history (naive timestamps)', async () => {
    const h = harness({
      ...markets,
      getRfqs: () => [rfq()],
      getRfqHistory: () => [
        {
          ...rfq(),
          submissionTime: '2026-09-01T10:00:00',
          expiryTime: '2026-09-01T10:01:00',
          createdAt: '2026-09-01T09:59:59',
        },
      ],
      getQuoteHistory: () => [{ ...quote, createdAt: '2026-09-01T10:00:01' }],
      getRfqFillHistory: () => [
        {
          rfqId: '1',
          quoteId: '2',
          symbol: 'SOL_USDC_RFQ',
          side: 'Bid',
          quantity: '10',
          fillPrice: '100.5',
          createdAt: '2026-09-01T10:00:00',
          filledAt: '2026-09-01T10:00:02',
        },
      ],
      getQuoteFillHistory: () => [
        {
          quoteId: '2',
          rfqId: '1',
          symbol: 'SOL_USDC_RFQ',
          side: 'Ask',
          quantity: '10',
          fillPrice: '100.5',
          fee: '0.1',
          feeSymbol: 'USDC',
          createdAt: '2026-09-01T10:00:00',
          filledAt: '2026-09-01T10:00:02',
        },
      ],
    });
    const result = await h.run(`{ account {
      rfqs { id side }
      rfqHistory(status: FILLED, side: BID) { items { id createdAt expiryTime } }
      quoteHistory(symbol: "SOL_USDC_RFQ") { items { id createdAt } }
      rfqFillHistory(fillType: USER) { items { fillPrice filledAt } }
      quoteFillHistory(side: ASK) { items { fee feeSymbol side } }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.account).toEqual({
      rfqs: [{ id: '113392053149171712', side: 'BID' }],
      rfqHistory: {
        items: [{ id: '113392053149171712', createdAt: '2026-09-01T09:59:59Z', expiryTime: '2026-09-01T10:01:00Z' }],
      },
      quoteHistory: { items: [{ id: '113392053149171999', createdAt: '2026-09-01T10:00:01Z' }] },
      rfqFillHistory: { items: [{ fillPrice: '100.5', filledAt: '2026-09-01T10:00:02Z' }] },
      quoteFillHistory: { items: [{ fee: '0.1', feeSymbol: 'USDC', side: 'ASK' }] },
    });
    expect(h.paramsOf('getRfqHistory')).toEqual([{ status: 'Filled', side: 'Bid', limit: 101, offset: 0 }]);
    expect(h.paramsOf('getRfqFillHistory')).toEqual([{ fillType: 'User', limit: 101, offset: 0 }]);
  });
});
