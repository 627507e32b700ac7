// RFQs through their handlers: built-in maker quotes, acceptance settling both sides, quotes from accounts,
// Immediate mode, refresh/cancel/expiry, histories and the account.rfqUpdate events.
import { describe, expect, it } from 'vitest';
import type {
  Quote,
  QuoteFillHistorical,
  QuoteHistorical,
  RequestForQuote,
  RequestForQuoteFillHistorical,
  RequestForQuoteHistorical,
} from '../../src/exchange/types/rfq.ts';
import { body, createWorld, failure } from './productsFixture.ts';
import type { PrivateEvent, World } from './productsFixture.ts';

const rfqEvents = (world: World, accountId: number | undefined, e?: string): PrivateEvent[] =>
  world.events.filter(
    (ev) => ev.stream === 'account.rfqUpdate' && ev.accountId === accountId && (e === undefined || ev.data['e'] === e),
  );

describe('RFQ with the built-in maker', () => {
  it('quotes near the spot mid after submission and settles both sides at the quote price on accept', () => {
    const world = createWorld();
    const rfq = body<RequestForQuote>(
      world.call('submitRfq', 'demo', { symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '10', clientId: 42 }),
    );
    expect(rfq).toMatchObject({
      symbol: 'SOL_USDC_RFQ',
      side: 'Bid',
      quantity: '10',
      quoteQuantity: null,
      status: 'New',
      executionMode: 'AwaitAccept',
      clientId: 42,
    });
    expect(rfq.rfqId).toMatch(/^\d{18}$/);
    expect(rfq.submissionTime - rfq.createdAt).toBe(60_000);
    expect(rfq.expiryTime - rfq.createdAt).toBe(120_000);

    const accepted = rfqEvents(world, world.ids['demo'], 'rfqAccepted')[0];
    expect(accepted?.symbol).toBe('SOL_USDC_RFQ');
    expect(Object.keys(accepted?.data ?? {}).sort()).toEqual(
      ['C', 'E', 'R', 'S', 'T', 'W', 'X', 'e', 'q', 's', 'w'].sort(),
    );
    expect(accepted?.data['R']).toBe(BigInt(rfq.rfqId));
    const active = rfqEvents(world, world.ids['maker'], 'rfqActive')[0];
    expect(Object.keys(active?.data ?? {}).sort()).toEqual(['E', 'R', 'T', 'W', 'X', 'e', 'q', 's', 'w'].sort());

    world.advance(250);
    const candidate = rfqEvents(world, world.ids['demo'], 'rfqCandidate')[0];
    expect(candidate).toBeDefined();
    const price = Number(candidate?.data['p']);
    expect(price).toBeGreaterThan(150);
    expect(price).toBeLessThan(150 * 1.0015);
    const quoteId = String(candidate?.data['u']);

    const usdcBefore = Number(world.available('demo', 'USDC'));
    const makerSolBefore = Number(world.available('maker', 'SOL'));
    const filled = body<RequestForQuote>(world.call('acceptQuote', 'demo', { quoteId, rfqId: rfq.rfqId }));
    expect(filled.status).toBe('Filled');
    expect(world.available('demo', 'SOL')).toBe('510');
    expect(Number(world.available('demo', 'USDC'))).toBeCloseTo(usdcBefore - 10 * price, 6);
    expect(Number(world.available('maker', 'SOL'))).toBe(makerSolBefore - 10);

    const requesterFill = rfqEvents(world, world.ids['demo'], 'rfqFilled')[0];
    expect(requesterFill?.data).toMatchObject({
      R: BigInt(rfq.rfqId),
      u: BigInt(quoteId),
      S: 'Bid',
      X: 'Filled',
      q: '10',
      C: 42,
    });
    const quoterFill = rfqEvents(world, world.ids['maker'], 'rfqFilled')[0];
    expect(Object.keys(quoterFill?.data ?? {}).sort()).toEqual(['C', 'E', 'R', 'T', 'X', 'e', 'p', 's', 'u'].sort());
    expect(rfqEvents(world, world.ids['maker'], 'quoteAccepted')).toHaveLength(1);

    const [fill] = body<RequestForQuoteFillHistorical[]>(world.call('getRfqFillHistory', 'demo'));
    expect(fill).toMatchObject({
      rfqId: rfq.rfqId,
      quoteId,
      side: 'Bid',
      quantity: '10',
      fillPrice: String(candidate?.data['p']),
    });
    expect(fill?.filledAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    const [quoteFill] = body<QuoteFillHistorical[]>(world.call('getQuoteFillHistory', 'maker'));
    expect(quoteFill).toMatchObject({ quoteId, side: 'Ask', quantity: '10', fee: '0', feeSymbol: 'USDC' });
    const [history] = body<RequestForQuoteHistorical[]>(world.call('getRfqHistory', 'demo', { status: 'Filled' }));
    expect(history).toMatchObject({ rfqId: rfq.rfqId, status: 'Filled' });
    expect(typeof history?.submissionTime).toBe('string');
    expect(body<QuoteHistorical[]>(world.call('getQuoteHistory', 'maker', { quoteId }))[0]?.status).toBe('Filled');
    expect(failure(() => world.call('acceptQuote', 'demo', { quoteId, rfqId: rfq.rfqId }))).toMatchObject({
      status: 400,
    });
  });

  it('fills an Immediate RFQ sized in quote as soon as a quote is within its price', () => {
    const world = createWorld();
    const rfq = body<RequestForQuote>(
      world.call('submitRfq', 'alice', {
        symbol: 'SOL_USDC_RFQ',
        side: 'Ask',
        quoteQuantity: '1500',
        price: '149',
        executionMode: 'Immediate',
      }),
    );
    world.advance(250);
    const [row] = body<RequestForQuoteHistorical[]>(world.call('getRfqHistory', 'alice', { rfqId: rfq.rfqId }));
    expect(row?.status).toBe('Filled');
    const [fill] = body<RequestForQuoteFillHistorical[]>(world.call('getRfqFillHistory', 'alice'));
    expect(fill?.quoteQuantity).toBe('1500');
    expect(Number(world.available('alice', 'USDC'))).toBe(51_500);
    expect(Number(world.available('alice', 'SOL'))).toBeCloseTo(200 - Number(fill?.quantity), 9);
    expect(rfqEvents(world, world.ids['alice'], 'rfqFilled')[0]?.data).toMatchObject({ Q: '1500' });
  });
});

describe('RFQ with account quotes', () => {
  it('takes quotes from other accounts, replaces a quoter previous quote and settles with the chosen one', () => {
    const world = createWorld();
    const rfq = body<RequestForQuote>(
      world.call('submitRfq', 'bob', { symbol: 'SOL_USDC_RFQ', side: 'Ask', quantity: '2' }),
    );
    const first = body<Quote>(
      world.call('submitQuote', 'alice', { rfqId: rfq.rfqId, bidPrice: '149.5', askPrice: '150.5', clientId: 7 }),
    );
    expect(first).toMatchObject({ rfqId: rfq.rfqId, status: 'New', clientId: 7, bidPrice: '149.5' });
    const second = body<Quote>(
      world.call('submitQuote', 'alice', { rfqId: rfq.rfqId, bidPrice: '149.8', askPrice: '150.2' }),
    );
    expect(body<QuoteHistorical[]>(world.call('getQuoteHistory', 'alice', { quoteId: first.quoteId }))[0]?.status).toBe(
      'Cancelled',
    );
    expect(rfqEvents(world, world.ids['alice'], 'quoteCancelled')[0]?.data['u']).toBe(BigInt(first.quoteId));
    expect(rfqEvents(world, world.ids['bob'], 'rfqCandidate').map((e) => e.data['p'])).toEqual(['149.5', '149.8']);
    expect(
      failure(() => world.call('submitQuote', 'bob', { rfqId: rfq.rfqId, bidPrice: '1', askPrice: '2' })),
    ).toMatchObject({ status: 400 });
    expect(
      failure(() => world.call('submitQuote', 'alice', { rfqId: rfq.rfqId, bidPrice: '151', askPrice: '150' })),
    ).toMatchObject({ code: 'INVALID_PRICE' });

    world.call('acceptQuote', 'bob', { quoteId: second.quoteId, rfqId: rfq.rfqId });
    expect(world.available('bob', 'SOL')).toBe('198');
    expect(world.available('bob', 'USDC')).toBe('50299.6');
    expect(world.available('alice', 'SOL')).toBe('202');
    expect(world.available('alice', 'USDC')).toBe('49700.4');
  });
});

describe('RFQ lifecycle', () => {
  it('validates the request, refreshes, cancels by client id and expires unanswered RFQs', () => {
    const world = createWorld();
    expect(
      failure(() => world.call('submitRfq', 'demo', { symbol: 'SOL_USDC', side: 'Bid', quantity: '1' })),
    ).toMatchObject({ code: 'INVALID_MARKET' });
    expect(
      failure(() =>
        world.call('submitRfq', 'demo', { symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '1', quoteQuantity: '150' }),
      ),
    ).toMatchObject({ status: 400 });
    expect(failure(() => world.call('submitRfq', 'demo', { symbol: 'SOL_USDC_RFQ', side: 'Bid' }))).toMatchObject({
      status: 400,
    });
    expect(
      failure(() =>
        world.call('submitRfq', 'demo', {
          symbol: 'SOL_USDC_RFQ',
          side: 'Bid',
          quantity: '1',
          executionMode: 'Immediate',
        }),
      ),
    ).toMatchObject({ status: 400 });

    const rfq = body<RequestForQuote>(
      world.call('submitRfq', 'demo', { symbol: 'SOL_USDC_RFQ', side: 'Bid', quantity: '1', clientId: 5 }),
    );
    world.advance(250);
    expect(body<RequestForQuote[]>(world.call('getRfqs', 'demo')).map((r) => r.rfqId)).toEqual([rfq.rfqId]);
    world.advance(30_000);
    const refreshed = body<RequestForQuote>(world.call('refreshRfq', 'demo', { rfqId: rfq.rfqId }));
    expect(refreshed.expiryTime).toBe(rfq.expiryTime + 30_250);
    expect(rfqEvents(world, world.ids['maker'], 'quoteCancelled')).toHaveLength(1);
    expect(rfqEvents(world, world.ids['demo'], 'rfqRefreshed')).toHaveLength(1);
    world.advance(250);
    expect(rfqEvents(world, world.ids['demo'], 'rfqCandidate')).toHaveLength(2);

    const cancelled = body<RequestForQuote>(world.call('cancelRfq', 'demo', { clientId: 5 }));
    expect(cancelled.status).toBe('Cancelled');
    expect(rfqEvents(world, world.ids['demo'], 'rfqCancelled')[0]?.data['X']).toBe('Cancelled');

    const stale = body<RequestForQuote>(
      world.call('submitRfq', 'demo', { symbol: 'SOL_USDC_RFQ', side: 'Ask', quantity: '1' }),
    );
    world.advance(120_000);
    expect(
      body<RequestForQuoteHistorical[]>(world.call('getRfqHistory', 'demo', { rfqId: stale.rfqId }))[0]?.status,
    ).toBe('Cancelled');
    expect(body<RequestForQuote[]>(world.call('getRfqs', 'demo'))).toEqual([]);
    expect(failure(() => world.call('refreshRfq', 'demo', { rfqId: stale.rfqId }))).toMatchObject({ status: 400 });
  });
});
