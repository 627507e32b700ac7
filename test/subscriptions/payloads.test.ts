import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../src/exchange/streamFrame.ts';
import type { StreamMessage } from '../../src/exchange/stream.ts';
import {
  toBalanceUpdate,
  toOrderUpdate,
  toPositionUpdate,
  toRfqUpdate,
} from '../../src/schema/subscriptions/accountPayloads.ts';
import {
  toBookTicker,
  toDepthUpdate,
  toKline,
  toLiquidation,
  toMarkPrice,
  toOpenInterest,
  toTicker,
  toTrade,
} from '../../src/schema/subscriptions/marketPayloads.ts';

/** Wire frames as the exchange documents them, parsed the way BackpackStream parses them. */
function message(text: string): StreamMessage {
  const frame = parseFrame(text);
  if (frame.kind !== 'data') throw new Error('not a data frame');
  return frame.message;
}

describe('public payloads → GraphQL shapes', () => {
  it('names bookTicker fields and converts µs timestamps to ISO with the µs digits', () => {
    const { data } = message(
      '{"data":{"A":"2.01178","B":"1.94230","E":1790134357267285,"T":1790134357267074,"a":"86656.0","b":"86655.9","e":"bookTicker","s":"BTC_USDC_PERP","u":6730019258},"stream":"bookTicker.BTC_USDC_PERP"}',
    );
    expect(toBookTicker(data)).toEqual({
      symbol: 'BTC_USDC_PERP',
      eventTime: '2026-09-23T03:32:37.267285Z',
      engineTime: '2026-09-23T03:32:37.267074Z',
      bestBidPrice: '86655.9',
      bestBidQuantity: '1.94230',
      bestAskPrice: '86656.0',
      bestAskQuantity: '2.01178',
      updateId: '6730019258',
    });
  });

  it('maps depth deltas with both update ids and keeps zero-size levels (they delete)', () => {
    const { data } = message(
      '{"data":{"E":1788367430247494,"T":1788367430246081,"U":4330360995,"a":[["98.97","22.39"]],"b":[["98.90","0.00"]],"e":"depth","s":"SOL_USDC","u":4330360996},"stream":"depth.SOL_USDC"}',
    );
    expect(toDepthUpdate(data)).toMatchObject({
      firstUpdateId: '4330360995',
      lastUpdateId: '4330360996',
      asks: [['98.97', '22.39']],
      bids: [['98.90', '0.00']],
    });
  });

  it('maps ticker, trade, markPrice (ms next funding) and kline (naive ISO, interval from the stream name)', () => {
    expect(
      toTicker(
        message(
          '{"stream":"ticker.SOL_USDC","data":{"E":1788367430549233,"V":"1498114.9234","c":"98.98","e":"ticker","h":"101.19","l":"97.38","n":6796,"o":"100.87","s":"SOL_USDC","v":"15089.56"}}',
        ).data,
      ),
    ).toMatchObject({
      lastPrice: '98.98',
      firstPrice: '100.87',
      quoteVolume: '1498114.9234',
      trades: 6796,
    });
    expect(
      toTrade(
        message(
          '{"stream":"trade.ETH_USDC_PERP","data":{"E":1754601477746429,"T":1754601477744000,"a":"5121860761","b":"5121861755","e":"trade","m":false,"p":"3870.25","q":"0.0008","s":"ETH_USDC_PERP","t":10782547}}',
        ).data,
      ),
    ).toEqual({
      symbol: 'ETH_USDC_PERP',
      id: '10782547',
      price: '3870.25',
      quantity: '0.0008',
      quoteQuantity: '3.0962',
      timestamp: '2025-08-07T21:17:57.744000Z',
      isBuyerMaker: false,
      eventTime: '2025-08-07T21:17:57.746429Z',
      buyerOrderId: '5121861755',
      sellerOrderId: '5121860761',
    });
    expect(
      toMarkPrice(
        message(
          '{"stream":"markPrice.SOL_USDC_PERP","data":{"E":1788367430422109,"T":1788367430421396,"e":"markPrice","f":"0.0000125","i":"98.94998504","n":1788368400000,"p":"98.94","s":"SOL_USDC_PERP"}}',
        ).data,
      ),
    ).toMatchObject({
      markPrice: '98.94',
      indexPrice: '98.94998504',
      fundingRate: '0.0000125',
      nextFundingTime: '2026-09-02T17:00:00.000Z',
    });
    const kline = message(
      '{"stream":"kline.1h.SOL_USDC","data":{"e":"kline","E":1754519600000000,"s":"SOL_USDC","t":"2025-08-06T22:00:00","T":"2025-08-06T23:00:00","o":"1","h":"2","l":"0.5","c":"1.5","v":"10","n":3,"X":false}}',
    );
    expect(toKline(kline.data, kline.stream)).toMatchObject({
      interval: '1h',
      start: '2025-08-06T22:00:00Z',
      end: '2025-08-06T23:00:00Z',
      closed: false,
    });
  });

  it('maps liquidation and openInterest payloads with named fields and µs timestamps', () => {
    const liquidation = message(
      '{"stream":"liquidation.SOL_USDC_PERP","data":{"e":"liquidation","E":1788367430422109,"s":"SOL_USDC_PERP","S":"Ask","p":"98.50","q":"12.5","T":1788367430421396}}',
    );
    expect(toLiquidation(liquidation.data)).toEqual({
      symbol: 'SOL_USDC_PERP',
      eventTime: '2026-09-02T16:43:50.422109Z',
      engineTime: '2026-09-02T16:43:50.421396Z',
      side: 'Ask',
      price: '98.50',
      quantity: '12.5',
    });
    const openInterest = message(
      '{"stream":"openInterest.SOL_USDC_PERP","data":{"e":"openInterest","E":1788367430549233,"s":"SOL_USDC_PERP","o":"184523.17"}}',
    );
    expect(toOpenInterest(openInterest.data)).toEqual({
      symbol: 'SOL_USDC_PERP',
      eventTime: '2026-09-02T16:43:50.549233Z',
      openInterest: '184523.17',
    });
  });
});

describe('private payloads → GraphQL shapes', () => {
  it('names order fill fields and normalises the WS order type casing', () => {
    const { data } = message(
      '{"stream":"account.orderUpdate.ETH_USDC","data":{"E":1754939110175879,"L":"4299.16","N":"ETH","O":"USER","Q":"4.30","S":"Bid","T":1754939110174705,"V":"RejectTaker","X":"Filled","Z":"4.299160","e":"orderFill","f":"GTC","i":"5406825793","l":"0.0010","m":false,"n":"0.000001","o":"MARKET","q":"0.0010","r":false,"s":"ETH_USDC","t":2888471,"z":"0.0010"}}',
    );
    expect(toOrderUpdate(data)).toMatchObject({
      eventType: 'orderFill',
      orderId: '5406825793',
      orderType: 'Market',
      side: 'Bid',
      status: 'Filled',
      tradeId: '2888471',
      fillQuantity: '0.0010',
      fillPrice: '4299.16',
      fee: '0.000001',
      feeSymbol: 'ETH',
      executedQuantity: '0.0010',
      executedQuoteQuantity: '4.299160',
      isMaker: false,
      clientId: null,
    });
  });

  it('maps an expiry reason from SCREAMING_SNAKE to the REST spelling', () => {
    const order = toOrderUpdate({ e: 'orderExpired', s: 'SOL_USDC', i: '1', R: 'POST_ONLY_TAKER' });
    expect(order.expiryReason).toBe('PostOnlyTaker');
  });

  it('labels the subscribe-time position snapshot, keeps big RFQ ids exact and maps balances', () => {
    expect(toPositionUpdate({ s: 'ETH_USDC_PERP', i: 5411399049, q: '0.0010', B: '4236.36' })).toMatchObject({
      eventType: 'positionSnapshot',
      positionId: '5411399049',
      netQuantity: '0.0010',
      entryPrice: '4236.36',
    });
    const rfq = message(
      '{"stream":"account.rfqUpdate","data":{"e":"rfqActive","E":1730225420369829,"R":113392053149171712,"s":"SOL_USDC_RFQ","q":"10","w":1730225480368,"W":1730225540368,"X":"New","T":1730225420368765}}',
    );
    expect(toRfqUpdate(rfq.data)).toMatchObject({
      rfqId: '113392053149171712',
      submissionDeadline: '2024-10-29T18:11:20.368Z',
      status: 'New',
    });
    expect(
      toBalanceUpdate({
        e: 'balanceUpdate',
        E: 1788368290063168,
        a: 'USDT',
        A: '10',
        L: '20',
        S: '0',
        T: 1788368290062981,
      }),
    ).toEqual({
      eventTime: '2026-09-02T16:58:10.063168Z',
      engineTime: '2026-09-02T16:58:10.062981Z',
      asset: 'USDT',
      available: '10',
      locked: '20',
      staked: '0',
    });
  });
});
