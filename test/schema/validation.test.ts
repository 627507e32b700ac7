// Pure pre-flight checks: exact decimal arithmetic and order validation against a market's filters.
import { describe, expect, it } from 'vitest';
import { addDecimals, compareDecimal, isMultipleOf, parseScaled } from '../../src/schema/validation/decimal.ts';
import { validateOrder, type MarketRules, type OrderDraft } from '../../src/schema/validation/order.ts';
import { exactlyOne, parseU32, positiveDecimal } from '../../src/schema/validation/rules.ts';

const SPOT: MarketRules = {
  symbol: 'SOL_USDC',
  marketType: 'SPOT',
  orderBookState: 'Open',
  filters: {
    price: { minPrice: '0.01', maxPrice: null, tickSize: '0.01' },
    quantity: { minQuantity: '0.01', maxQuantity: '1000', stepSize: '0.01' },
  },
};
const PERP: MarketRules = { ...SPOT, symbol: 'SOL_USDC_PERP', marketType: 'PERP' };
const limit = (extra: Partial<OrderDraft> = {}): OrderDraft => ({
  symbol: 'SOL_USDC',
  side: 'Bid',
  orderType: 'Limit',
  price: '100.25',
  quantity: '1.5',
  ...extra,
});
const market = (extra: Partial<OrderDraft> = {}): OrderDraft => ({
  symbol: 'SOL_USDC',
  side: 'Ask',
  orderType: 'Market',
  ...extra,
});
const fieldOf = (draft: OrderDraft, rules: MarketRules | null = SPOT) => validateOrder(draft, rules)?.field ?? null;

describe('exact decimals', () => {
  it('compares without floats, ignoring trailing zeros', () => {
    expect(compareDecimal('1.10', '1.1')).toBe(0);
    expect(compareDecimal('0.30000000000000000001', '0.3')).toBe(1);
    expect(compareDecimal('-2', '1')).toBe(-1);
  });
  it('checks multiples of a tick exactly where floats would fail', () => {
    expect(isMultipleOf('0.3', '0.1')).toBe(true); // 0.3 % 0.1 !== 0 in floating point
    expect(isMultipleOf('100.255', '0.01')).toBe(false);
    expect(isMultipleOf('86700', '0.1')).toBe(true);
  });
  it('adds balances exactly', () => {
    expect(addDecimals('0.1', '0.2', '0')).toBe('0.3');
    expect(addDecimals('1.50', '2')).toBe('3.5');
    expect(addDecimals('-1.5', '1.5')).toBe('0');
    expect(addDecimals('123456789012345678901234567890.000000001', '1')).toBe(
      '123456789012345678901234567891.000000001',
    );
  });
  it('refuses exponent notation', () => {
    expect(parseScaled('1e-7')).toBeNull();
  });
});

describe('order validation', () => {
  it('accepts a well-formed limit order and market orders sized either way', () => {
    expect(validateOrder(limit(), SPOT)).toBeNull();
    expect(validateOrder(market({ quantity: '2' }), SPOT)).toBeNull();
    expect(validateOrder(market({ quoteQuantity: '50.123456' }), SPOT)).toBeNull();
  });
  it('names the symbol when the market is unknown, closed or cancel-only', () => {
    expect(validateOrder(limit(), null)).toEqual({ field: 'symbol', message: 'Unknown market symbol SOL_USDC' });
    expect(fieldOf(limit(), { ...SPOT, orderBookState: 'Closed' })).toBe('symbol');
    expect(fieldOf(limit(), { ...SPOT, orderBookState: 'CancelOnly' })).toBe('symbol');
    expect(fieldOf(market({ quantity: '1' }), { ...SPOT, orderBookState: 'LimitOnly' })).toBe('orderType');
  });
  it('rejects a price off the tick size, naming price', () => {
    const found = validateOrder(limit({ price: '100.255' }), SPOT);
    expect(found?.field).toBe('price');
    expect(found?.message).toContain('tickSize 0.01');
  });
  it('rejects quantities off the step, below the minimum or above the maximum', () => {
    expect(fieldOf(limit({ quantity: '1.505' }))).toBe('quantity');
    expect(validateOrder(limit({ quantity: '0.001' }), SPOT)?.field).toBe('quantity');
    expect(validateOrder(limit({ quantity: '1000.01' }), SPOT)?.message).toContain('above the maximum 1000');
    expect(validateOrder(limit({ quantity: '1000' }), SPOT)).toBeNull();
  });
  it('rejects non-positive amounts', () => {
    expect(fieldOf(limit({ price: '0' }))).toBe('price');
    expect(fieldOf(limit({ quantity: '-1' }))).toBe('quantity');
    expect(fieldOf(market({ quoteQuantity: '0' }))).toBe('quoteQuantity');
    expect(fieldOf(market({ quantity: '1', slippageTolerance: '0' }))).toBe('slippageTolerance');
  });
  it('enforces the combinations the exchange requires', () => {
    expect(fieldOf(limit({ price: null }))).toBe('price');
    expect(fieldOf(limit({ quantity: null }))).toBe('quantity');
    expect(fieldOf(limit({ quoteQuantity: '10' }))).toBe('quoteQuantity');
    expect(fieldOf(market())).toBe('quantity');
    expect(fieldOf(market({ quantity: '1', quoteQuantity: '10' }))).toBe('quoteQuantity');
    expect(fieldOf(market({ quantity: '1', price: '100' }))).toBe('price');
    expect(fieldOf(market({ quantity: '1', postOnly: true }))).toBe('postOnly');
    expect(validateOrder(limit({ postOnly: true }), SPOT)).toBeNull();
  });
  it('refuses postOnly with IOC or FOK: a post-only order rests on the book', () => {
    expect(fieldOf(limit({ postOnly: true, timeInForce: 'IOC' }))).toBe('postOnly');
    expect(fieldOf(limit({ postOnly: true, timeInForce: 'FOK' }))).toBe('postOnly');
    expect(validateOrder(limit({ postOnly: true, timeInForce: 'GTC' }), SPOT)).toBeNull();
    expect(validateOrder(limit({ timeInForce: 'IOC' }), SPOT)).toBeNull();
  });
  it('refuses amounts finer than the exchange reads (1e-21 scale) and slippage finer than a tick', () => {
    expect(fieldOf(market({ quoteQuantity: '0.000000000000000000001' }))).toBe('quoteQuantity');
    expect(validateOrder(market({ quoteQuantity: '0.000000000000000001' }), SPOT)).toBeNull();
    expect(fieldOf(market({ quantity: '1', slippageTolerance: '0.5', slippageToleranceType: 'TickSize' }))).toBe(
      'slippageTolerance',
    );
    expect(
      validateOrder(market({ quantity: '1', slippageTolerance: '3', slippageToleranceType: 'TickSize' }), SPOT),
    ).toBeNull();
    expect(fieldOf(market({ quantity: '1', slippageTolerance: '100.5', slippageToleranceType: 'Percent' }))).toBe(
      'slippageTolerance',
    );
    expect(fieldOf(market({ quantity: '1', slippageTolerance: '1e-21' }))).toBe('slippageTolerance');
  });
  it('requires triggerPrice and triggerQuantity together', () => {
    expect(fieldOf(limit({ triggerPrice: '90' }))).toBe('triggerQuantity');
    expect(fieldOf(limit({ triggerQuantity: '1' }))).toBe('triggerPrice');
    expect(validateOrder(market({ triggerPrice: '90', triggerQuantity: '1.5' }), SPOT)).toBeNull();
    expect(fieldOf(market({ triggerPrice: '90.001', triggerQuantity: '1' }))).toBe('triggerPrice');
  });
  it('allows percentage trigger quantities on futures only, within (0, 100]', () => {
    const pct = (value: string) => market({ symbol: 'SOL_USDC_PERP', triggerPrice: '90', triggerQuantity: value });
    expect(validateOrder(pct('80%'), PERP)).toBeNull();
    expect(fieldOf(pct('80%'), SPOT)).toBe('triggerQuantity');
    expect(fieldOf(pct('120%'), PERP)).toBe('triggerQuantity');
    expect(fieldOf(pct('abc'), PERP)).toBe('triggerQuantity');
  });
  it('checks take-profit and stop-loss prices and their pairing', () => {
    expect(fieldOf(limit({ takeProfitLimitPrice: '120' }))).toBe('takeProfitTriggerPrice');
    expect(fieldOf(limit({ stopLossTriggerPrice: '80.001' }))).toBe('stopLossTriggerPrice');
    expect(validateOrder(limit({ takeProfitTriggerPrice: '120', takeProfitLimitPrice: '119.99' }), SPOT)).toBeNull();
  });
  it('rejects reduceOnly on spot and out-of-range client ids', () => {
    expect(fieldOf(limit({ reduceOnly: true }))).toBe('reduceOnly');
    expect(validateOrder(limit({ symbol: 'SOL_USDC_PERP', reduceOnly: true }), PERP)).toBeNull();
    expect(fieldOf(limit({ clientId: '4294967296' }))).toBe('clientId');
    expect(validateOrder(limit({ clientId: '4294967295' }), SPOT)).toBeNull();
  });
});

describe('input rules', () => {
  it('wants exactly one of two ids', () => {
    expect(exactlyOne(['orderId', '1'], ['clientId', null])).toBeNull();
    expect(exactlyOne(['orderId', null], ['clientId', undefined])?.field).toBe('orderId');
    expect(exactlyOne(['orderId', '1'], ['clientId', 7])?.field).toBe('clientId');
  });
  it('parses u32 client ids from strings or integers', () => {
    expect(parseU32('clientId', '42')).toBe(42);
    expect(parseU32('clientId', 42)).toBe(42);
    expect(parseU32('clientId', '-1')).toEqual({ field: 'clientId', message: expect.any(String) });
    expect(parseU32('clientId', null)).toBeNull();
  });
  it('rejects zero amounts', () => {
    expect(positiveDecimal('quantity', '0.000')?.field).toBe('quantity');
    expect(positiveDecimal('quantity', '0.001')).toBeNull();
  });
});
